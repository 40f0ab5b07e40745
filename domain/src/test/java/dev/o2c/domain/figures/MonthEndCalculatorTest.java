package dev.o2c.domain.figures;

import static dev.o2c.domain.support.Ledgers.acme;
import static dev.o2c.domain.support.Ledgers.creditMemo;
import static dev.o2c.domain.support.Ledgers.d;
import static dev.o2c.domain.support.Ledgers.eur;
import static dev.o2c.domain.support.Ledgers.invoice;
import static dev.o2c.domain.support.Ledgers.receipt;
import static dev.o2c.domain.support.Ledgers.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.domain.aging.AgingBuckets;
import dev.o2c.domain.ar.Customer;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.ar.Receipt;
import dev.o2c.domain.controls.Control;
import dev.o2c.domain.money.FxRates;
import dev.o2c.domain.money.Money;
import dev.o2c.domain.money.MissingFxRateException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthEndCalculatorTest {

    final MonthEndCalculator calculator = new MonthEndCalculator(AgingBuckets.DEFAULT);
    final FxRates usdOnly = new FxRates(Money.currency("USD"));

    /** The contract's example aging: 1400 current, 1250 in 1-30, 2700 in 91-120, 250 of unapplied cash. */
    Ledger contractExample() {
        List<Invoice> docs = List.of(
                invoice("I-1", "C001", "2024-03-10", "2024-04-09", usd("1400.00")),
                invoice("I-2", "C001", "2024-02-15", "2024-03-16", usd("1500.00")),
                invoice("I-3", "C001", "2023-11-15", "2023-12-15", usd("2700.00")));
        List<Receipt> receipts = List.of(
                receipt("R-1", "C001", "2024-03-20", null, null, usd("250.00")),
                receipt("R-2", "C001", "2024-03-25", null, "I-2", usd("250.00")));
        return new Ledger(List.of(acme()), docs, receipts, List.of(), List.of(), usdOnly);
    }

    @Test
    void agingOfTheContractExample() {
        MonthEnd result = calculator.compute(d("2024-03-31"), contractExample());
        MonthEndFigures.AgingFigures aging = result.figures().aging();
        assertThat(aging.buckets()).extracting(b -> b.label() + "=" + b.amount().toPlainString())
                .containsExactly("Current=1400.00", "1-30=1000.00", "31-60=0.00", "61-90=0.00", "91-120=2700.00", ">120=0.00");
        // I-2 remainder 1250 (15 DPD) is 1-30, minus 250 unapplied cash received 11 days ago, also 1-30
        assertThat(aging.totalOpen()).isEqualTo(usd("5100.00"));
        assertThat(aging.unappliedCash()).isEqualTo(usd("-250.00"));
        assertThat(result.controls()).allMatch(Control::passed);
    }

    @Test
    void rollForwardTiesAndItsMovementsAreThePeriods() {
        MonthEnd result = calculator.compute(d("2024-03-31"), contractExample());
        MonthEndFigures.RollForward rf = result.figures().rollforward();
        assertThat(rf.openingAr()).isEqualTo(usd("4200.00"));
        assertThat(rf.invoiced()).isEqualTo(usd("1400.00"));
        assertThat(rf.creditMemos()).isEqualTo(usd("0.00"));
        assertThat(rf.cashApplied()).isEqualTo(usd("500.00"));
        assertThat(rf.closingAr()).isEqualTo(usd("5100.00"));
        assertThat(rf.difference()).isEqualTo(usd("0.00"));
        assertThat(rf.fxRevaluation()).isEqualTo(usd("0.00"));
    }

    @Test
    void dsoAndCeiFollowTheirDefinitions() {
        MonthEndFigures f = calculator.compute(d("2024-03-31"), contractExample()).figures();
        // 5100 / 1400 x 31 = 112.928...; current 1400 / 1400 x 31 = 31
        assertThat(f.dso().days()).isEqualTo(31);
        assertThat(f.dso().creditSales()).isEqualTo(usd("1400.00"));
        assertThat(f.dso().standard()).isEqualByComparingTo("112.93");
        assertThat(f.dso().bestPossible()).isEqualByComparingTo("31.00");
        assertThat(f.dso().averageDaysDelinquent()).isEqualByComparingTo("81.93");
        // (4200 + 1400 - 5100) / (4200 + 1400 - 1400) x 100 = 11.904...
        assertThat(f.cei()).isEqualByComparingTo("11.90");
        // countback: March 1400 (31 d), Feb 1500 (29 d), Jan 0 -> stops, flagged
        assertThat(f.dso().countback()).isEqualByComparingTo("60.00");
        assertThat(f.flags()).contains("countback_sales_history_exhausted");
    }

    @Test
    void aMonthWithoutSalesGivesNullDsoAndAFlag() {
        Ledger ledger = new Ledger(List.of(acme()), List.of(invoice("I-3", "C001", "2023-11-15", "2023-12-15", usd("2700.00"))),
                List.of(), List.of(), List.of(), usdOnly);
        MonthEndFigures f = calculator.compute(d("2024-03-31"), ledger).figures();
        assertThat(f.dso().standard()).isNull();
        assertThat(f.dso().bestPossible()).isNull();
        assertThat(f.flags()).contains("dso_null_credit_sales_not_positive");
    }

    @Test
    void creditMemosReduceSalesAndTheRollForward() {
        Ledger ledger = new Ledger(List.of(acme()), List.of(
                invoice("I-1", "C001", "2024-03-10", "2024-04-09", usd("1000.00")),
                creditMemo("CM-1", "C001", "2024-03-12", usd("100.00"), "I-1"),
                creditMemo("CM-2", "C001", "2024-03-13", usd("50.00"), null)), List.of(), List.of(), List.of(), usdOnly);
        MonthEnd result = calculator.compute(d("2024-03-31"), ledger);
        assertThat(result.figures().dso().creditSales()).isEqualTo(usd("850.00"));
        assertThat(result.figures().rollforward().creditMemos()).isEqualTo(usd("150.00"));
        assertThat(result.figures().aging().totalOpen()).isEqualTo(usd("850.00"));
        assertThat(result.aging().items()).extracting(a -> a.item().documentId() + ":" + a.item().open().toPlainString())
                .containsExactly("I-1:900.00", "CM-2:-50.00");
        assertThat(result.controls()).allMatch(Control::passed);
    }

    /**
     * Hand-computed: EUR customer, rates 1.10 at 29 Feb, 1.08 on 10 Mar, 1.12 at 31 Mar.
     * Opening: EUR 1000 x 1.10 = 1100.00. March: invoice EUR 500 on 10 Mar = 540.00 at 1.08;
     * receipt EUR 400 on 20 Mar (rate 1.08) = 432.00. Closing EUR 1100 x 1.12 = 1232.00.
     * 1100 + 540 - 432 = 1208; revaluation 24.00 = 1232 - 1208. EUR roll-forward ties exactly.
     */
    @Test
    void foreignCurrencyIsRestatedAtEachDatesRate() {
        Customer euro = new Customer("C010", "Euro GmbH", Money.currency("EUR"), null, 30, "DE", List.of(), null);
        FxRates fx = new FxRates(Money.currency("USD"))
                .put(d("2024-02-01"), Money.currency("EUR"), new BigDecimal("1.10"))
                .put(d("2024-03-10"), Money.currency("EUR"), new BigDecimal("1.08"))
                .put(d("2024-03-31"), Money.currency("EUR"), new BigDecimal("1.12"));
        Ledger ledger = new Ledger(List.of(euro), List.of(
                invoice("E-1", "C010", "2024-02-05", "2024-03-06", eur("1000.00")),
                invoice("E-2", "C010", "2024-03-10", "2024-04-09", eur("500.00"))),
                List.of(receipt("R-E", "C010", "2024-03-20", null, "E-1", eur("400.00"))), List.of(), List.of(), fx);
        MonthEnd result = calculator.compute(d("2024-03-31"), ledger);
        MonthEndFigures.RollForward rf = result.figures().rollforward();
        assertThat(rf.openingAr()).isEqualTo(usd("1100.00"));
        assertThat(rf.invoiced()).isEqualTo(usd("540.00"));
        assertThat(rf.cashApplied()).isEqualTo(usd("432.00"));
        assertThat(rf.closingAr()).isEqualTo(usd("1232.00"));
        assertThat(rf.fxRevaluation()).isEqualTo(usd("24.00"));
        assertThat(rf.difference()).isEqualTo(usd("0.00"));
        assertThat(result.figures().rollforwardByCurrency()).singleElement().satisfies(c -> {
            assertThat(c.openingAr()).isEqualTo(eur("1000.00"));
            assertThat(c.closingAr()).isEqualTo(eur("1100.00"));
            assertThat(c.difference()).isEqualTo(eur("0.00"));
        });
        assertThat(result.aging().items()).extracting(a -> a.functional().toPlainString()).containsExactly("672.00", "560.00");
    }

    @Test
    void aMissingRateIsAClearError() {
        Customer euro = new Customer("C010", "Euro GmbH", Money.currency("EUR"), null, 30, "DE", List.of(), null);
        Ledger ledger = new Ledger(List.of(euro), List.of(invoice("E-1", "C010", "2024-03-05", "2024-04-04", eur("10.00"))),
                List.of(), List.of(), List.of(), usdOnly);
        assertThatThrownBy(() -> calculator.compute(d("2024-03-31"), ledger))
                .isInstanceOf(MissingFxRateException.class).hasMessageContaining("EUR").hasMessageContaining("2024-03");
    }
}
