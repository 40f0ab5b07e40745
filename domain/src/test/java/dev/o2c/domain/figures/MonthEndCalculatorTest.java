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

    /**
     * A hand-computed multi-currency quarter (USD functional; EUR 1.10 from 2024-01-01, 1.20 from
     * 2024-04-15, 1.25 from 2024-05-20), as of 2024-05-31, the second month of Q2:
     * I-1 USD 1000 (03-10, due 04-09), R-1 USD 600 to it on 04-20; I-2 EUR 500 (04-05, due 05-05),
     * CM-1 EUR 100 against it on 05-15, R-2 EUR 150 to it on 05-25; I-3 EUR 400 (05-10, due 06-09).
     */
    Ledger multiCurrencyQuarter() {
        FxRates fx = new FxRates(Money.currency("USD"))
                .put(d("2024-01-01"), Money.currency("EUR"), new BigDecimal("1.10"))
                .put(d("2024-04-15"), Money.currency("EUR"), new BigDecimal("1.20"))
                .put(d("2024-05-20"), Money.currency("EUR"), new BigDecimal("1.25"));
        List<Invoice> docs = List.of(
                invoice("I-1", "C001", "2024-03-10", "2024-04-09", usd("1000.00")),
                invoice("I-2", "C001", "2024-04-05", "2024-05-05", eur("500.00")),
                invoice("I-3", "C001", "2024-05-10", "2024-06-09", eur("400.00")),
                creditMemo("CM-1", "C001", "2024-05-15", eur("100.00"), "I-2"));
        List<Receipt> receipts = List.of(
                receipt("R-1", "C001", "2024-04-20", null, "I-1", usd("600.00")),
                receipt("R-2", "C001", "2024-05-25", null, "I-2", eur("150.00")));
        return new Ledger(List.of(acme()), docs, receipts, List.of(), List.of(), fx);
    }

    @Test
    void multiCurrencyQuarterComputedByHand() {
        MonthEnd result = calculator.compute(d("2024-05-31"), multiCurrencyQuarter());
        MonthEndFigures f = result.figures();
        assertThat(result.controls()).allMatch(Control::passed);
        // month-end ARs, each at its own date's rate: 03-31 1000.00; 04-30 400 + 500 EUR x 1.20 = 1000.00;
        // 05-31 400 + (250 + 400) EUR x 1.25 = 1212.50
        assertThat(f.aging().totalOpen()).isEqualTo(usd("1212.50"));
        assertThat(f.dso().beginningAr()).isEqualTo(usd("1000.00"));
        // May's credit sales at each document's date: 400 x 1.20 - 100 x 1.20 = 360.00
        assertThat(f.dso().creditSales()).isEqualTo(usd("360.00"));
        // 1212.50 / 360 x 31 = 104.4097...
        assertThat(f.dso().standard()).isEqualByComparingTo("104.41");
        // ((1212.50 + 1000 + 1000) / 3) x 30 / ((360 + 550 + 1000) / 3) = 96375 / 1910 = 50.4581...
        assertThat(f.dso().rollingThreeMonth()).isEqualByComparingTo("50.46");
        // current AR: I-3, 400 EUR x 1.25 = 500.00; CEI (1000 + 360 - 1212.50) / (1000 + 360 - 500) x 100 = 17.1511...
        assertThat(f.dso().currentAr()).isEqualTo(usd("500.00"));
        assertThat(f.cei()).isEqualByComparingTo("17.15");
        // the quarter: beginning 03-31 1000.00, sales April 550.00 (1.10 on 04-05) + May 360.00;
        // (1000 + 910 - 1212.50) / (1000 + 910 - 500) x 100 = 49.4680...
        MonthEndFigures.CeiFigures q = f.ceiQuarter();
        assertThat(q.periodStart()).isEqualTo(d("2024-04-01"));
        assertThat(q.beginningAr()).isEqualTo(usd("1000.00"));
        assertThat(q.creditSales()).isEqualTo(usd("910.00"));
        assertThat(q.cei()).isEqualByComparingTo("49.47");
        // roll-forward: 1000 + 480 - 120 - 187.50 (150 EUR x 1.25) + 40.00 revaluation = 1212.50
        MonthEndFigures.RollForward rf = f.rollforward();
        assertThat(rf.invoiced()).isEqualTo(usd("480.00"));
        assertThat(rf.creditMemos()).isEqualTo(usd("120.00"));
        assertThat(rf.cashApplied()).isEqualTo(usd("187.50"));
        assertThat(rf.fxRevaluation()).isEqualTo(usd("40.00"));
        assertThat(rf.difference()).isEqualTo(usd("0.00"));
        // allowance at 1 / 5 / 10 %: 500.00 current, 312.50 in 1-30 (I-2, 26 days), 400.00 in 31-60 (I-1, 52 days)
        // -> 5.00 + 15.625 + 40.00 = 60.625, rounded once half-even: 60.62
        assertThat(f.allowance().lines()).extracting(l -> l.label() + "=" + l.allowance().toPlainString())
                .containsExactly("Current=5.00", "1-30=15.62", "31-60=40.00", "61-90=0.00", "91-120=0.00", ">120=0.00");
        assertThat(f.allowance().total()).isEqualTo(usd("60.62"));
        // collections: I-1 400.00 x 52 = 20,800 before I-2 312.50 x 26 = 8,125; levels 3 and 2
        assertThat(f.collections().overdueItems()).isEqualTo(2);
        assertThat(f.collections().overdueAmount()).isEqualTo(usd("712.50"));
        assertThat(f.collections().byLevel()).extracting(l -> l.level() + "=" + l.items())
                .containsExactly("1=0", "2=1", "3=1", "4=0");
        // Acme's limit is 10,000 USD: 1212.50 used, 0.12125 rounds half-even to 0.1212
        assertThat(f.creditExposure().customersWithLimit()).isEqualTo(1);
        assertThat(f.creditExposure().overLimit()).isEmpty();
        assertThat(f.conventions()).containsKeys("aging", "dso", "cei", "cash_application", "rollforward", "allowance",
                "credit_exposure", "collections");
    }

    @Test
    void theQuartersFirstMonthStartsFromTheMonthsOpening() {
        // as of 2024-04-30: the quarter is April alone, so its CEI is the month's
        MonthEndFigures f = calculator.compute(d("2024-04-30"), multiCurrencyQuarter()).figures();
        assertThat(f.ceiQuarter().periodStart()).isEqualTo(d("2024-04-01"));
        assertThat(f.ceiQuarter().cei()).isEqualByComparingTo(f.cei());
    }

    @Test
    void aCustomerOverItsLimitIsAnException() {
        Ledger l = multiCurrencyQuarter();
        Customer tight = new Customer("C001", "Acme Trading Ltd", Money.currency("USD"), usd("1000.00"), 30, "US", List.of(), null);
        MonthEnd result = calculator.compute(d("2024-05-31"), new Ledger(List.of(tight), l.documents(), l.receipts(), List.of(),
                List.of(), l.fx()));
        assertThat(result.figures().creditExposure().overLimit()).extracting(CreditExposure.Line::customerId).containsExactly("C001");
        assertThat(result.figures().creditExposure().overLimitExcess()).isEqualTo(usd("212.50"));
        assertThat(result.exceptions()).anySatisfy(e -> {
            assertThat(e.category()).isEqualTo("CREDIT_LIMIT_EXCEEDED");
            assertThat(e.amount()).isEqualTo(usd("212.50"));
        });
    }

    @Test
    void allowanceRatesMustMatchTheBuckets() {
        assertThatThrownBy(() -> new MonthEndCalculator(AgingBuckets.DEFAULT, new FigureRules(List.of(BigDecimal.ONE), List.of(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 rates for the 6 aging buckets");
    }

    @Test
    void disputedItemsStayInTheirBucketsWithASubtotalAndAreNotDunned() {
        Ledger l = contractExample();
        List<Invoice> docs = new java.util.ArrayList<>(l.documents());
        // I-3 (2700, 91-120) disputed
        docs.set(2, new Invoice("I-3", "C001", null, d("2023-11-15"), d("2023-12-15"), usd("2700.00"),
                dev.o2c.domain.ar.DocumentType.INVOICE, null, true));
        MonthEnd result = calculator.compute(d("2024-03-31"), new Ledger(l.customers(), docs, l.receipts(), List.of(), List.of(), l.fx()));
        MonthEndFigures.AgingFigures aging = result.figures().aging();
        assertThat(aging.buckets().get(4).amount()).isEqualTo(usd("2700.00"));
        assertThat(aging.totalOpen()).isEqualTo(usd("5100.00"));
        assertThat(aging.disputed()).isEqualTo(usd("2700.00"));
        assertThat(aging.disputedItems()).isEqualTo(1);
        assertThat(result.aging().items()).filteredOn(a -> a.item().documentId().equals("I-3")).allMatch(a -> a.item().disputed());
        // the worklist keeps I-2 (1250, 15 days) and leaves the disputed I-3 to whoever settles the dispute
        assertThat(result.figures().collections().overdueItems()).isEqualTo(1);
        assertThat(result.figures().collections().overdueAmount()).isEqualTo(usd("1250.00"));
    }

    @Test
    void timeToApplyIsAMedianAndANearestRankNinetiethPercentile() {
        MonthEndFigures.TimeToApply odd = MonthEndCalculator.timeToApply(List.of(5L, 1L, 3L));
        assertThat(odd.credits()).isEqualTo(3);
        assertThat(odd.medianDays()).isEqualByComparingTo("3.00");
        assertThat(odd.p90Days()).isEqualByComparingTo("5.00");
        // 1..10: median (5 + 6) / 2; the 90th percentile is the 9th of 10
        MonthEndFigures.TimeToApply ten = MonthEndCalculator.timeToApply(List.of(10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L));
        assertThat(ten.medianDays()).isEqualByComparingTo("5.50");
        assertThat(ten.p90Days()).isEqualByComparingTo("9.00");
        MonthEndFigures.TimeToApply none = MonthEndCalculator.timeToApply(List.of());
        assertThat(none.credits()).isZero();
        assertThat(none.medianDays()).isNull();
        assertThat(none.p90Days()).isNull();
    }

    /**
     * METRICS.md section 4's worked example: 200 payments of 1,000,000 in all; auto 150
     * (600,000); manual 40 (350,000); unapplied 10 (50,000) of which unidentified 4 (12,000).
     */
    @Test
    void cashApplicationSharesOfTheWorkedExample() {
        List<dev.o2c.domain.bank.BankTransaction> bank = new java.util.ArrayList<>();
        List<dev.o2c.domain.cashapp.CashAllocation> rows = new java.util.ArrayList<>();
        java.util.function.BiConsumer<dev.o2c.domain.cashapp.ApplicationStatus, Money> credit = (status, amount) -> {
            String id = "B" + bank.size();
            bank.add(dev.o2c.domain.support.Ledgers.credit(id, "2024-03-15", amount, "payer", null, null));
            rows.add(new dev.o2c.domain.cashapp.CashAllocation(id, "ACCT-1", "s", d("2024-03-15"), amount,
                    status == dev.o2c.domain.cashapp.ApplicationStatus.UNMATCHED ? null : "C001",
                    status == dev.o2c.domain.cashapp.ApplicationStatus.AUTO ? "I-1" : null, amount, status, "test", BigDecimal.ONE, "test"));
        };
        for (int k = 0; k < 150; k++) {
            credit.accept(dev.o2c.domain.cashapp.ApplicationStatus.AUTO, usd("4000.00"));
        }
        for (int k = 0; k < 40; k++) {
            credit.accept(dev.o2c.domain.cashapp.ApplicationStatus.SUGGESTED, usd("8750.00"));
        }
        for (int k = 0; k < 6; k++) {
            credit.accept(dev.o2c.domain.cashapp.ApplicationStatus.ON_ACCOUNT, usd(k == 0 ? "8000.00" : "6000.00"));
        }
        for (int k = 0; k < 4; k++) {
            credit.accept(dev.o2c.domain.cashapp.ApplicationStatus.UNMATCHED, usd("3000.00"));
        }
        Ledger l = contractExample();
        MonthEndFigures.CashApplicationFigures c = calculator.compute(d("2024-03-31"),
                new Ledger(l.customers(), l.documents(), l.receipts(), bank, rows, l.fx())).figures().cashApplication();
        assertThat(c.bankCreditsCount()).isEqualTo(200);
        assertThat(c.bankCreditsAmount()).isEqualTo(usd("1000000.00"));
        assertThat(c.auto().rateCount()).isEqualByComparingTo("0.7500");
        assertThat(c.auto().rateAmount()).isEqualByComparingTo("0.6000");
        assertThat(c.unapplied().count()).isEqualTo(10);
        assertThat(c.unapplied().amount()).isEqualTo(usd("50000.00"));
        assertThat(c.unapplied().rateAmount()).isEqualByComparingTo("0.0500");
        assertThat(c.unidentified().amount()).isEqualTo(usd("12000.00"));
        assertThat(c.unidentified().rateAmount()).isEqualByComparingTo("0.0120");
        // every AUTO credit was valued on 03-15 and applied by the close of 03-31: 16 days
        assertThat(c.timeToApplyAuto().credits()).isEqualTo(150);
        assertThat(c.timeToApplyAuto().medianDays()).isEqualByComparingTo("16.00");
    }
}
