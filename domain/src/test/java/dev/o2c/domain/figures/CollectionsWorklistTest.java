package dev.o2c.domain.figures;

import static dev.o2c.domain.support.Ledgers.d;
import static dev.o2c.domain.support.Ledgers.eur;
import static dev.o2c.domain.support.Ledgers.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.aging.Aging;
import dev.o2c.domain.aging.AgingBasis;
import dev.o2c.domain.aging.AgingBuckets;
import dev.o2c.domain.money.FxRates;
import dev.o2c.domain.money.Money;
import dev.o2c.domain.openitems.OpenItem;
import dev.o2c.domain.openitems.OpenItemType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectionsWorklistTest {

    final FxRates fx = new FxRates(Money.currency("USD")).put(d("2024-01-01"), Money.currency("EUR"), new BigDecimal("2"));
    final FigureRules rules = new FigureRules(FigureRules.exampleRates(6), List.of(1, 15, 30, 60));

    static OpenItem open(String customer, String doc, OpenItemType type, String due, Money amount) {
        return new OpenItem(customer, doc, type, d(due).minusDays(30), d(due), amount);
    }

    @Test
    void overdueInvoicesRankedByAmountTimesDaysPastDue() {
        List<OpenItem> items = List.of(
                open("C1", "A", OpenItemType.INVOICE, "2024-03-21", usd("1000.00")),   // 10 days: 10,000
                open("C2", "B", OpenItemType.INVOICE, "2024-01-31", usd("200.00")),    // 60 days: 12,000
                open("C3", "C", OpenItemType.INVOICE, "2024-03-01", eur("200.00")),    // 400 USD, 30 days: 12,000, fewer days
                open("C1", "D", OpenItemType.INVOICE, "2024-03-31", usd("9999.00")),   // due today: not overdue
                open("C1", "E", OpenItemType.CREDIT_MEMO, "2024-01-01", usd("-50.00")), // a credit: nothing to collect
                open("C1", "F", OpenItemType.INVOICE, "2024-01-01", usd("-5.00")));    // overpaid invoice: nothing to collect
        // the invoice-date basis must not change days past due, which count from the due date
        Aging aging = Aging.of(d("2024-03-31"), items, AgingBuckets.of(AgingBasis.INVOICE_DATE, List.of(30, 60)), fx);
        List<CollectionsWorklist.Item> list = CollectionsWorklist.of(aging.items(), d("2024-03-31"), rules);
        assertThat(list).extracting(i -> i.rank() + ":" + i.documentId() + ":" + i.daysPastDue() + ":" + i.dunningLevel()
                + ":" + i.score().toPlainString()).containsExactly("1:B:60:4:12000.00", "2:C:30:3:12000.00", "3:A:10:1:10000.00");
        assertThat(list.get(1).open()).isEqualTo(eur("200.00"));
        assertThat(list.get(1).functional()).isEqualTo(usd("400.00"));
        assertThat(CollectionsWorklist.byLevel(list, rules, fx.zero())).extracting(l -> l.level() + "=" + l.items() + "/"
                + l.amount().toPlainString()).containsExactly("1=1/1000.00", "2=0/0.00", "3=1/400.00", "4=1/200.00");
        // the summary kpis.json states, from what the aging summed as it aged the items: the same as the ranked list
        Aging summed = Aging.of(d("2024-03-31"), items, AgingBuckets.of(AgingBasis.INVOICE_DATE, List.of(30, 60)), fx, false,
                rules.dunningDays());
        MonthEndFigures.CollectionsFigures summary = CollectionsWorklist.summary(summed.pastDue(), rules, fx.zero());
        assertThat(summary.overdueItems()).isEqualTo(3);
        assertThat(summary.overdueAmount()).isEqualTo(usd("1600.00"));
        assertThat(summary.byLevel()).isEqualTo(CollectionsWorklist.byLevel(list, rules, fx.zero()));
    }

    @Test
    void disputedItemsAreNotInTheSummary() {
        OpenItem disputed = new OpenItem("C1", "X", OpenItemType.INVOICE, d("2024-01-01"), d("2024-01-31"), usd("70.00"), true);
        Aging aging = Aging.of(d("2024-03-31"), List.of(disputed, open("C2", "Y", OpenItemType.INVOICE, "2024-03-01", usd("5.00"))),
                AgingBuckets.DEFAULT, fx, false, rules.dunningDays());
        MonthEndFigures.CollectionsFigures summary = CollectionsWorklist.summary(aging.pastDue(), rules, fx.zero());
        assertThat(summary.overdueItems()).isEqualTo(1);
        assertThat(summary.overdueAmount()).isEqualTo(usd("5.00"));
        assertThat(CollectionsWorklist.of(aging.items(), d("2024-03-31"), rules)).extracting(CollectionsWorklist.Item::documentId)
                .containsExactly("Y");
    }

    @Test
    void anAgingSummedByOtherLevelsIsRefused() {
        Aging aging = Aging.of(d("2024-03-31"), List.of(open("C1", "A", OpenItemType.INVOICE, "2024-03-01", usd("5.00"))),
                AgingBuckets.DEFAULT, fx, false, List.of(1, 30));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CollectionsWorklist.summary(aging.pastDue(), rules, fx.zero()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1, 30]");
    }

    @Test
    void levelZeroIsShownWhenTheFirstLevelStartsLater() {
        FigureRules late = new FigureRules(FigureRules.exampleRates(6), List.of(10));
        Aging aging = Aging.of(d("2024-03-31"), List.of(open("C1", "A", OpenItemType.INVOICE, "2024-03-30", usd("5.00"))),
                AgingBuckets.DEFAULT, fx);
        List<CollectionsWorklist.Item> list = CollectionsWorklist.of(aging.items(), d("2024-03-31"), late);
        assertThat(list.get(0).dunningLevel()).isZero();
        assertThat(CollectionsWorklist.byLevel(list, late, fx.zero())).extracting(l -> l.level() + "=" + l.items())
                .containsExactly("0=1", "1=0");
    }
}
