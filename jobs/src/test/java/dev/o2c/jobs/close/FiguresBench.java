package dev.o2c.jobs.close;

import dev.o2c.domain.aging.AgingBuckets;
import dev.o2c.domain.ar.Customer;
import dev.o2c.domain.ar.DocumentType;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.ar.Receipt;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.cashapp.ApplicationStatus;
import dev.o2c.domain.cashapp.CashAllocation;
import dev.o2c.domain.figures.Ledger;
import dev.o2c.domain.figures.MonthEnd;
import dev.o2c.domain.figures.MonthEndCalculator;
import dev.o2c.domain.money.FxRates;
import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code scripts/bench figures}: every month-end figure of {@link MonthEndCalculator} for a
 * ledger with N open items at as-of and thirteen months of history (invoices over thirteen
 * months, the older ones mostly paid by ERP receipts, credit memos, bank credits applied and
 * on account, two currencies), made in memory: the step after the load, timed alone, with
 * the live heap sampled and a digest of the figures.
 *
 * <pre>
 *   N
 * </pre>
 */
public final class FiguresBench {

    private FiguresBench() {
    }

    public static void main(String[] args) throws Exception {
        int open = Integer.parseInt(args[0]);
        SplittableRandom random = new SplittableRandom(11);
        LocalDate asOf = LocalDate.of(2025, 10, 31);
        LocalDate start = asOf.minusMonths(13).plusDays(1);
        Currency usd = Money.currency("USD");
        Currency eur = Money.currency("EUR");
        FxRates fx = new FxRates(usd);
        for (LocalDate d = start.minusDays(1); !d.isAfter(asOf); d = d.plusDays(1)) {
            fx.put(d, eur, new BigDecimal("1.05").add(BigDecimal.valueOf(random.nextInt(1000), 4)));
        }
        int customerCount = Math.max(1, open / 10);
        List<Customer> customers = new ArrayList<>(customerCount);
        for (int c = 0; c < customerCount; c++) {
            Currency cur = c % 4 == 0 ? eur : usd;
            customers.add(new Customer(String.format(Locale.ROOT, "C%07d", c), "Customer " + c, cur,
                    c % 3 == 0 ? Money.of(BigDecimal.valueOf(50_000), cur) : null, 30, "US", List.of(),
                    c % 50 == 7 ? String.format(Locale.ROOT, "C%07d", c - 7) : null));
        }
        // a third more invoices than stay open: the older ones mostly paid
        int invoiceCount = open + open / 3;
        List<Invoice> documents = new ArrayList<>(invoiceCount + invoiceCount / 20);
        List<Receipt> receipts = new ArrayList<>();
        List<BankTransaction> bank = new ArrayList<>();
        List<CashAllocation> allocations = new ArrayList<>();
        int days = (int) (asOf.toEpochDay() - start.toEpochDay()) + 1;
        for (int i = 0; i < invoiceCount; i++) {
            Customer c = customers.get(random.nextInt(customerCount));
            LocalDate date = start.plusDays(random.nextInt(days));
            Money amount = Money.of(BigDecimal.valueOf(1_000 + random.nextLong(2_000_000), 2), c.currency());
            String id = String.format(Locale.ROOT, "INV-%08d", i);
            documents.add(new Invoice(id, c.customerId(), null, date, date.plusDays(30), amount, DocumentType.INVOICE, null,
                    i % 97 == 5));
            long age = asOf.toEpochDay() - date.toEpochDay();
            if (i % 4 == 0 && age > 20) { // paid in the ERP
                receipts.add(new Receipt(String.format(Locale.ROOT, "R-%08d", i), c.customerId(), date.plusDays(random.nextInt(20)), null,
                        List.of(new Receipt.Allocation(id, amount))));
            } else if (i % 29 == 3) {
                documents.add(new Invoice("CM-" + id, c.customerId(), null, date.plusDays(3), date.plusDays(3),
                        Money.of(amount.amount().divide(BigDecimal.TEN).setScale(2, java.math.RoundingMode.DOWN), c.currency()),
                        DocumentType.CREDIT_MEMO, id, false));
            } else if (i % 31 == 4 && age > 5) { // a bank credit this close applied, half of it on account
                LocalDate value = date.plusDays(random.nextInt((int) Math.min(age, 30)));
                String tx = "B-" + id;
                bank.add(BankTransaction.builder().transactionId(tx).account("A").bookingDate(value).valueDate(value).amount(amount)
                        .statementFile("bench").position(i).build());
                allocations.add(new CashAllocation(tx, "A", "bench", value, amount, c.customerId(), i % 2 == 0 ? id : null, amount,
                        i % 2 == 0 ? ApplicationStatus.AUTO : ApplicationStatus.ON_ACCOUNT, "bench", BigDecimal.ONE, "bench"));
            }
        }
        Ledger ledger = new Ledger(customers, documents, receipts, bank, allocations, fx);
        System.gc();
        double waited = ThreadCpu.awaitCompilersIdle(); // what making the data queued for the compilers is not the step's
        HeapSampler sampler = HeapSampler.start();
        java.util.Map<String, Double> threadsBefore = ThreadCpu.byKind();
        double processBefore = ThreadCpu.process();
        long t0 = System.nanoTime();
        MonthEnd result = new MonthEndCalculator(AgingBuckets.DEFAULT).compute(asOf, ledger);
        long t1 = System.nanoTime();
        double process = ThreadCpu.process() - processBefore;
        java.util.Map<String, Double> cpu = ThreadCpu.since(threadsBefore);
        sampler.close();
        double jit = ThreadCpu.compilers(cpu);
        double collector = ThreadCpu.collector(cpu);
        double main = cpu.getOrDefault("java", 0.0);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(result.figures().toString().getBytes(StandardCharsets.UTF_8));
        System.out.printf(Locale.ROOT, "figures | %d documents, %d receipts, %d bank credits, 13 months | %d open items as of %s"
                        + " | %.2f s (CPU: all threads %.2f s, this thread %.2f s, JIT compilers %.2f s, collector %.2f s) | heap in use at most %.0f MB of %d MB | total open %s | figures sha256 %s | compilers idle after %.1f s%n",
                documents.size(), receipts.size(), bank.size(), result.aging().items().size(), asOf, (t1 - t0) / 1e9, process, main, jit, collector,
                sampler.maxMegabytes(), Runtime.getRuntime().maxMemory() >> 20, result.figures().aging().totalOpen().toPlainString(),
                HexFormat.of().formatHex(sha.digest()).substring(0, 16), waited);
    }
}
