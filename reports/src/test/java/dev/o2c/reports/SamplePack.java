package dev.o2c.reports;

import dev.o2c.domain.aging.AgedItem;
import dev.o2c.domain.aging.AgingBuckets;
import dev.o2c.domain.aging.CustomerAging;
import dev.o2c.domain.bank.BankFindings;
import dev.o2c.domain.controls.Control;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.controls.Severity;
import dev.o2c.domain.figures.MonthEndFigures;
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

    /** Two statements of one account, one of which does not add up by 0.01. */
    static PackData.Bank bank() {
        return new PackData.Bank(2, 1, List.of(new ExceptionItem(BankFindings.BALANCE_BREAK, Severity.ERROR, "bank_statement",
                "bank/march.sta DE89370400440532013000 00042/001", usd("0.01"),
                "opening 1000.00 + 3 entries 50.00 = 1050.00, but the closing balance is 1050.01")));
    }
}
