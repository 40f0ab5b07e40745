package dev.o2c.reports;

import dev.o2c.domain.aging.AgedItem;
import dev.o2c.domain.aging.AgingBuckets;
import dev.o2c.domain.aging.CustomerAging;
import dev.o2c.domain.bank.BankFindings;
import dev.o2c.domain.controls.Control;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.controls.Severity;
import dev.o2c.domain.figures.CollectionsWorklist;
import dev.o2c.domain.figures.CreditExposure;
import dev.o2c.domain.figures.MonthEndFigures;
import dev.o2c.domain.figures.Trend;
import dev.o2c.domain.money.FxRates;
import dev.o2c.domain.money.Money;
import dev.o2c.domain.openitems.OpenItem;
import dev.o2c.domain.openitems.OpenItemType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small pack with hand-checkable numbers: 14 customers, a few items each. */
final class SamplePack {

    static final LocalDate AS_OF = LocalDate.of(2024, 3, 31);

    static Money usd(String s) {
        return Money.of(s, "USD");
    }

    static List<AgedItem> items() {
        List<AgedItem> items = new ArrayList<>();
        AgingBuckets b = AgingBuckets.DEFAULT;
        for (int c = 1; c <= 14; c++) {
            String customer = String.format("C%03d", c);
            for (int k = 0; k < 3; k++) {
                int age = (c * 17 + k * 41) % 160 - 10;
                LocalDate due = AS_OF.minusDays(age);
                Money open = usd(new BigDecimal(100 * c + 10 * k).add(new BigDecimal("0.25")).toPlainString());
                String doc = "INV-" + customer + "-" + k;
                OpenItem item = new OpenItem(customer, k == 2 ? "=cmd|' /C calc'!A0" : doc, OpenItemType.INVOICE, due.minusDays(30), due, open);
                int bucket = b.indexOf(age);
                items.add(new AgedItem(item, age, bucket, b.labels().get(bucket), open));
            }
        }
        items.add(new AgedItem(new OpenItem("C001", "R-9", OpenItemType.UNAPPLIED_CASH, AS_OF.minusDays(3), AS_OF.minusDays(3),
                usd("-250.00")), 3, 1, "1-30", usd("-250.00")));
        return items;
    }

    static PackData data() {
        AgingBuckets b = AgingBuckets.DEFAULT;
        CustomerAging byCustomer = new CustomerAging(b, usd("0"));
        Money[] totals = new Money[b.size()];
        java.util.Arrays.fill(totals, usd("0"));
        Money total = usd("0");
        for (AgedItem i : items()) {
            byCustomer.add(i);
            totals[i.bucket()] = totals[i.bucket()].plus(i.functional());
            total = total.plus(i.functional());
        }
        List<MonthEndFigures.BucketAmount> buckets = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            buckets.add(new MonthEndFigures.BucketAmount(b.labels().get(i), totals[i]));
        }
        var aging = new MonthEndFigures.AgingFigures("due_date", buckets, total, usd("-250.00"));
        var dso = new MonthEndFigures.DsoFigures(LocalDate.of(2024, 3, 1), AS_OF, 31, usd("12000.00"), usd("9000.00"), total,
                totals[0], new BigDecimal("41.23"), new BigDecimal("39.00"), new BigDecimal("44.10"), new BigDecimal("10.50"), new BigDecimal("30.73"));
        MonthEndFigures.Share none = new MonthEndFigures.Share(0, usd("0.00"), null, null);
        var cash = new MonthEndFigures.CashApplicationFigures(0, usd("0.00"), none, none, none, none, none);
        var rf = new MonthEndFigures.RollForward(usd("9000.00"), usd("12000.00"), usd("0.00"), usd("0.00"), usd("0.00"), usd("0.00"), total, usd("0.00"));
        var figures = new MonthEndFigures(AS_OF, Money.currency("USD"), aging, dso, new BigDecimal("86.50"), cash, rf, List.of(), List.of());
        Map<String, String> names = new HashMap<>();
        for (int c = 1; c <= 14; c++) {
            names.put(String.format("C%03d", c), "Customer Number " + c + " GmbH & Co. KG — Überseehandel");
        }
        return new PackData("Sample Co", "close-2024-03-31-abc", "0.1.0-test", figures, byCustomer.lines(10, names), 10,
                byCustomer.customerCount(), List.of(Control.of("records", 3, 3)), bank());
    }

    /**
     * {@link #data()} with every section of the pack filled: cash application by status,
     * roll-forward per currency, CEI for the quarter, allowance, one customer over its
     * limit, the collections worklist (25 items), the trend (one CEI undefined) and the
     * definitions; exceptions whose text a spreadsheet would take for formulas.
     */
    static PackData fullData() {
        PackData base = data();
        MonthEndFigures b = base.figures();
        MonthEndFigures.Share auto = new MonthEndFigures.Share(6, usd("6000.00"), new BigDecimal("0.6000"), new BigDecimal("0.6000"));
        MonthEndFigures.Share suggested = new MonthEndFigures.Share(1, usd("1000.00"), new BigDecimal("0.1000"), new BigDecimal("0.1000"));
        MonthEndFigures.Share onAccount = new MonthEndFigures.Share(1, usd("500.00"), new BigDecimal("0.1000"), new BigDecimal("0.0500"));
        MonthEndFigures.Share unmatched = new MonthEndFigures.Share(1, usd("1500.00"), new BigDecimal("0.1000"), new BigDecimal("0.1500"));
        MonthEndFigures.Share reconciled = new MonthEndFigures.Share(1, usd("1000.00"), new BigDecimal("0.1000"), new BigDecimal("0.1000"));
        var cash = new MonthEndFigures.CashApplicationFigures(10, usd("10000.00"), auto, suggested, onAccount, unmatched, reconciled,
                new MonthEndFigures.TimeToApply(6, new BigDecimal("4.50"), new BigDecimal("9.00")),
                new MonthEndFigures.TimeToApply(0, null, null));
        Money closing = b.aging().totalOpen();
        // opening 9000.00 + invoiced 12000.00 - memos 500.00 - cash 8819.50 = 11680.50 in USD; a EUR line that ties too
        var rf = new MonthEndFigures.RollForward(usd("9000.00"), usd("12000.00"), usd("500.00"), usd("8819.50"), usd("0.00"),
                closing.minus(usd("11680.50")), closing, usd("0.00"));
        var byCurrency = List.of(
                new MonthEndFigures.CurrencyRollForward(Money.currency("EUR"), Money.of("100.00", "EUR"), Money.of("50.00", "EUR"),
                        Money.of("0.00", "EUR"), Money.of("25.00", "EUR"), Money.of("125.00", "EUR"), Money.of("0.00", "EUR")),
                new MonthEndFigures.CurrencyRollForward(Money.currency("USD"), usd("9000.00"), usd("12000.00"), usd("500.00"),
                        usd("8819.50"), usd("11680.50"), usd("0.00")));
        var quarter = new MonthEndFigures.CeiFigures(LocalDate.of(2024, 1, 1), AS_OF, usd("8000.00"), usd("30000.00"), closing,
                b.dso().currentAr(), new BigDecimal("79.10"));
        var allowance = dev.o2c.domain.figures.Allowance.of(b.aging().buckets(),
                List.of(new BigDecimal("0.5"), new BigDecimal("2"), new BigDecimal("5"), new BigDecimal("15"), new BigDecimal("40"),
                        new BigDecimal("80")), Money.currency("USD"));
        var over = new CreditExposure.Line("C014", "Customer Number 14", List.of("C014", "C013"), Money.of("2000.00", "EUR"),
                usd("2200.00"), usd("8401.50"), usd("-6201.50"), new BigDecimal("3.8189"), true);
        var exposure = new MonthEndFigures.ExposureFigures(3, List.of(over), usd("6201.50"));
        List<CollectionsWorklist.Item> worklist = new ArrayList<>();
        for (int k = 1; k <= 25; k++) {
            String customer = String.format("C%03d", 1 + k % 14);
            Money open = usd(BigDecimal.valueOf(10_000 - k * 100L, 2).toPlainString());
            worklist.add(new CollectionsWorklist.Item(k, customer, k == 3 ? "@SUM(A1)" : "INV-" + k, AS_OF.minusDays(100 - k), 100 - k,
                    open, open, open.amount().multiply(BigDecimal.valueOf(100 - k)), k < 10 ? 3 : 2));
        }
        var collections = new MonthEndFigures.CollectionsFigures(25, usd("2175.00"), List.of(
                new CollectionsWorklist.Level(2, 16, usd("1320.00")), new CollectionsWorklist.Level(3, 9, usd("855.00"))));
        var trend = List.of(
                new Trend.Point(LocalDate.of(2024, 1, 31), usd("8000.00"), new BigDecimal("38.10"), new BigDecimal("30.00"),
                        new BigDecimal("8.10"), new BigDecimal("81.00"), List.of(), "snapshot"),
                new Trend.Point(LocalDate.of(2024, 2, 29), usd("9000.00"), new BigDecimal("40.20"), new BigDecimal("31.00"),
                        new BigDecimal("9.20"), null, List.of(), "snapshot"),
                new Trend.Point(AS_OF, closing, b.dso().standard(), b.dso().bestPossible(), b.dso().averageDaysDelinquent(), b.cei(),
                        List.of(), "this run"));
        Map<String, String> conventions = new java.util.LinkedHashMap<>();
        conventions.put("dso", "standard = ending AR / credit sales x days");
        conventions.put("cei", "(beginning AR + credit sales - ending total AR) / (beginning AR + credit sales - ending current AR) x 100");
        var figures = new MonthEndFigures(AS_OF, b.functionalCurrency(), b.aging(), b.dso(), b.cei(), cash, rf, byCurrency, List.of(),
                quarter, allowance, exposure, collections, conventions, trend);
        List<ExceptionItem> exceptions = List.of(
                new ExceptionItem("RECEIPT_WITHOUT_BANK_LINE", Severity.WARNING, "receipt", "R-77", usd("125.00"),
                        "=HYPERLINK(\"http://x\") no bank line in the window"),
                // EUR 120.00 is USD 132.00 at the as-of rate: listed before the USD 125.00
                new ExceptionItem("RECEIPT_WITHOUT_BANK_LINE", Severity.WARNING, "receipt", "R-78", Money.of("120.00", "EUR"),
                        "no bank line in the window"),
                new ExceptionItem("ORDER_NOT_INVOICED", Severity.WARNING, "order", "-SO-9", null, "fulfilled, not invoiced"));
        Map<String, String> names = new HashMap<>();
        for (int c = 1; c <= 14; c++) {
            names.put(String.format("C%03d", c), "Customer Number " + c);
        }
        return new PackData(base.entity(), base.runId(), base.codeVersion(), figures, base.customerLines(), base.topN(),
                base.customerCount(), base.controls(), base.bank(), exceptions, worklist, names, List.of(
                        new PackData.Input("customers.csv", "customers", 14, 14, 0, "0f3a5c9e2b7d4a1c8e6f0b2d4c6a8e0f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b"),
                        new PackData.Input("invoices.csv", "invoices", 43, 42, 1, "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d")),
                new FxRates(Money.currency("USD")).put(AS_OF.minusDays(3), Money.currency("EUR"), new BigDecimal("1.10")));
    }

    /** Two statements of one account, one of which does not add up by 0.01. */
    static PackData.Bank bank() {
        return new PackData.Bank(2, 1, List.of(new ExceptionItem(BankFindings.BALANCE_BREAK, Severity.ERROR, "bank_statement",
                "bank/march.sta DE89370400440532013000 00042/001", usd("0.01"),
                "opening 1000.00 + 3 entries 50.00 = 1050.00, but the closing balance is 1050.01")));
    }
}
