package dev.o2c.jobs.close;

import dev.o2c.domain.aging.AgedItem;
import dev.o2c.domain.aging.AgingBuckets;
import dev.o2c.domain.aging.CustomerAging;
import dev.o2c.domain.concurrent.Futures;
import dev.o2c.domain.concurrent.HelperThread;
import dev.o2c.domain.controls.Control;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.controls.Severity;
import dev.o2c.domain.figures.CollectionsWorklist;
import dev.o2c.domain.figures.FigureRules;
import dev.o2c.domain.figures.MonthEndFigures;
import dev.o2c.domain.money.Money;
import dev.o2c.domain.openitems.OpenItem;
import dev.o2c.domain.openitems.OpenItemType;
import dev.o2c.reports.AgingWorkbook;
import dev.o2c.reports.PackData;
import dev.o2c.reports.PackPdf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * {@code scripts/bench pack}: the month-end pack (the PDF and the workbook) of a company with
 * N open items (100,000 customers per million), timed on its own in the heap the issue
 * allows. The items are made again, the same, each time they are read, as the close streams
 * them from the store, so the heap holds what the pack step itself holds: the aging by
 * customer, the collections worklist (every overdue invoice) and the workbook's window.
 * The figures beyond the aging are fixed values: they are a page of text either way.
 *
 * <pre>
 *   N OUT_DIR
 * </pre>
 */
public final class PackBench {

    private static final LocalDate AS_OF = LocalDate.of(2025, 10, 31);
    private static final java.util.Currency USD = Money.currency("USD");

    private PackBench() {
    }

    /** The N open items, the same on every call, in the published order (customer, then date). */
    static void items(int n, Consumer<AgedItem> consumer) {
        SplittableRandom random = new SplittableRandom(17);
        AgingBuckets b = AgingBuckets.DEFAULT;
        int customers = Math.max(1, n / 10);
        for (int k = 0; k < n; k++) {
            String customer = String.format(Locale.ROOT, "C%07d", (long) k * customers / n);
            long age = random.nextInt(400) - 60;
            LocalDate due = AS_OF.minusDays(age);
            Money open = Money.of(BigDecimal.valueOf(1_000 + random.nextLong(2_000_000), 2), USD);
            OpenItem item = new OpenItem(customer, String.format(Locale.ROOT, "INV-%08d", k), OpenItemType.INVOICE, due.minusDays(30), due,
                    open, k % 61 == 23);
            int bucket = b.indexOf(age);
            consumer.accept(new AgedItem(item, age, bucket, b.labels().get(bucket), open));
        }
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        System.gc();
        HeapSampler sampler = HeapSampler.start();
        long t0 = System.nanoTime();
        // as the publish step: the workbook's detail written on its own thread, from a second read of the items, while
        // this thread goes through them for aging by customer and the worklist
        try (AgingWorkbook workbook = AgingWorkbook.start(AS_OF, n, consumer -> items(n, consumer))) {
            // what the publish step does before the reports: aging by customer and the overdue invoices, in one pass
            AgingBuckets b = AgingBuckets.DEFAULT;
            CustomerAging byCustomer = new CustomerAging(b, Money.zero(Money.currency("USD")));
            Money[] totals = new Money[b.size()];
            java.util.Arrays.fill(totals, Money.zero(Money.currency("USD")));
            List<AgedItem> overdue = new ArrayList<>();
            items(n, item -> {
                byCustomer.add(item);
                totals[item.bucket()] = totals[item.bucket()].plus(item.functional());
                if (item.item().dueDate().isBefore(AS_OF) && !item.item().disputed()) {
                    overdue.add(item);
                }
            });
            List<CollectionsWorklist.Item> worklist = CollectionsWorklist.of(overdue, AS_OF, FigureRules.defaults(b.size()));
            overdue.clear();
            Money total = Money.zero(Money.currency("USD"));
            List<MonthEndFigures.BucketAmount> buckets = new ArrayList<>();
            for (int i = 0; i < b.size(); i++) {
                buckets.add(new MonthEndFigures.BucketAmount(b.labels().get(i), totals[i]));
                total = total.plus(totals[i]);
            }
            MonthEndFigures figures = figures(buckets, total);
            Map<String, String> names = new HashMap<>();
            List<ExceptionItem> exceptions = new ArrayList<>();
            for (int e = 0; e < 20_000; e++) {
                exceptions.add(new ExceptionItem(e % 2 == 0 ? "RECEIPT_WITHOUT_BANK_LINE" : "CASH_NEEDS_REVIEW", Severity.WARNING, "receipt",
                        "R-" + e, Money.of(BigDecimal.valueOf(e * 37L % 100_000, 2), USD), "bench exception " + e));
            }
            PackData pack = new PackData("Bench Co", "close-bench", "bench", figures, byCustomer.lines(15, names), 15,
                    byCustomer.customerCount(), List.of(Control.of("records", n, n)), PackData.Bank.NONE, exceptions, worklist, names,
                    List.of(new PackData.Input("invoices.csv", "invoices", n, n, 0, "0".repeat(64))),
                    new dev.o2c.domain.money.FxRates(USD));
            long t1 = System.nanoTime();
            // as the publish step: the PDF rendered on its own thread while the workbook is written
            long[] pdfDone = new long[1];
            Future<byte[]> pdf = HelperThread.start("o2c-pack-pdf", () -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                PackPdf.write(pack, bytes);
                pdfDone[0] = System.nanoTime();
                return bytes.toByteArray();
            });
            List<dev.o2c.domain.aging.CustomerAging.Line> everyCustomer = byCustomer.lines(Integer.MAX_VALUE, names);
            try (OutputStream xlsx = Files.newOutputStream(out.resolve("pack.xlsx"))) {
                workbook.finish(pack, everyCustomer, xlsx);
            }
            long t2 = System.nanoTime();
            Files.write(out.resolve("pack.pdf"), Futures.await(pdf));
            long t3 = System.nanoTime();
            sampler.close();
            System.out.printf(Locale.ROOT, "pack | %d open items, %d customers, %d on the worklist, %d exceptions | aging by customer"
                            + " and worklist, the detail written beside them, %.2f s + the rest of the workbook %.2f s (%d MB), the PDF"
                            + " beside it (%.2f s, %d KB) = %.2f s | heap in use at most %.0f MB of %d MB%n",
                    n, byCustomer.customerCount(), worklist.size(), exceptions.size(), (t1 - t0) / 1e9, (t3 - t1) / 1e9,
                    Files.size(out.resolve("pack.xlsx")) >> 20, (pdfDone[0] - t1) / 1e9, Files.size(out.resolve("pack.pdf")) >> 10,
                    (t3 - t0) / 1e9, sampler.maxMegabytes(), Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private static MonthEndFigures figures(List<MonthEndFigures.BucketAmount> buckets, Money total) {
        Money usd = Money.zero(Money.currency("USD"));
        var aging = new MonthEndFigures.AgingFigures("due_date", buckets, total, usd);
        var dso = new MonthEndFigures.DsoFigures(AS_OF.withDayOfMonth(1), AS_OF, 31, total, total, total, buckets.get(0).amount(),
                new BigDecimal("31.00"), new BigDecimal("31.00"), new BigDecimal("30.00"), new BigDecimal("12.00"), new BigDecimal("19.00"));
        var none = new MonthEndFigures.Share(0, usd, null, null);
        var cash = new MonthEndFigures.CashApplicationFigures(0, usd, none, none, none, none, none);
        var rf = new MonthEndFigures.RollForward(usd, total, usd, usd, usd, usd, total, usd);
        return new MonthEndFigures(AS_OF, Money.currency("USD"), aging, dso, new BigDecimal("80.00"), cash, rf, List.of(), List.of());
    }
}
