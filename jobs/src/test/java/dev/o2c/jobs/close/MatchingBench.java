package dev.o2c.jobs.close;

import dev.o2c.domain.ar.Customer;
import dev.o2c.domain.ar.DocumentType;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.cashapp.ApplicationStatus;
import dev.o2c.domain.cashapp.CashAllocation;
import dev.o2c.domain.cashapp.CashApplication;
import dev.o2c.domain.cashapp.CashApplicationEngine;
import dev.o2c.domain.cashapp.MatchingRules;
import dev.o2c.domain.money.Money;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code scripts/bench matching}, the speed half: N bank credits against N open invoices of
 * N/10 customers, made in memory (no files, no store: the matching step alone), decided by
 * {@link CashApplicationEngine} with the given number of threads; timed from making the engine
 * (which starts building the indexes and returns) to the last row (the credits put in decision
 * order while the indexes build, then the evidence and the decisions), with the live heap sampled and a digest of every row, so runs
 * with different thread counts can be compared byte for byte.
 *
 * <p>The credits are written the ways {@code o2c generate} writes them: the invoice number
 * as issued, with another prefix or without its zeros, with a typo, several invoices in one
 * transfer, no reference from a known account, a variant of the payer's name, third parties.
 *
 * <pre>
 *   speed N THREADS
 * </pre>
 */
public final class MatchingBench {

    private MatchingBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        SplittableRandom random = new SplittableRandom(7);
        int customerCount = Math.max(1, n / 10);
        List<Customer> customers = new ArrayList<>(customerCount);
        String[] accounts = new String[customerCount];
        String[] names = new String[customerCount];
        for (int c = 0; c < customerCount; c++) {
            accounts[c] = String.format(Locale.ROOT, "DE%02d%018d", 10 + c % 89, (long) c * 7919L);
            names[c] = "Company " + word(c) + " " + word(c / 7 + 13) + " GmbH";
            customers.add(new Customer(String.format(Locale.ROOT, "C%07d", c), names[c], Money.currency("EUR"), null, 30, "DE",
                    List.of(accounts[c]), null));
        }
        List<Invoice> invoices = new ArrayList<>(n);
        LocalDate start = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(customerCount);
            LocalDate date = start.plusDays(random.nextInt(280));
            // the customer id and (below) the payer's account as strings of their own, as a reader makes them for each
            // row: shared with the master they made every lookup an identity comparison that no real input gives
            invoices.add(new Invoice(String.format(Locale.ROOT, "INV-%08d", i + 1), new String(customers.get(c).customerId()), null, date,
                    date.plusDays(30), Money.of(BigDecimal.valueOf(1_000 + random.nextLong(5_000_000), 2), Money.currency("EUR")),
                    DocumentType.INVOICE, null));
        }
        List<BankTransaction> credits = new ArrayList<>(n);
        LocalDate bankDay = LocalDate.of(2025, 10, 31);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        for (int k = n - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int swap = order[k];
            order[k] = order[j];
            order[j] = swap;
        }
        for (int k = 0; k < n; k++) {
            int i = order[k]; // every invoice paid once
            Invoice inv = invoices.get(i);
            int c = Integer.parseInt(inv.customerId().substring(1));
            String digits = inv.invoiceId().substring(4);
            int roll = random.nextInt(100);
            String remittance;
            String account = new String(accounts[c]);
            String payer = names[c].toUpperCase(Locale.ROOT);
            Money amount = inv.amount();
            if (roll < 48) {
                remittance = "Payment " + inv.invoiceId();
            } else if (roll < 62) {
                remittance = "RE " + digits.replaceFirst("^0+", "");
            } else if (roll < 66) {
                remittance = "INV-" + digits.substring(0, 6) + digits.charAt(7) + digits.charAt(6);
            } else if (roll < 83) {
                remittance = "PAYMENT OCTOBER";
            } else if (roll < 89) {
                remittance = "THANK YOU";
                account = "NL" + random.nextLong(1_000_000_000L);
                payer = "COMPANY " + word(c).toUpperCase(Locale.ROOT) + " " + word(c / 7 + 13).toUpperCase(Locale.ROOT);
            } else if (roll < 96) {
                remittance = "ON BEHALF OF CLIENT";
                account = "NL" + random.nextLong(1_000_000_000L);
                payer = "SETTLEMENT SERVICES BV";
            } else {
                remittance = inv.invoiceId();
                amount = amount.minus(Money.of(new BigDecimal("15.00"), Money.currency("EUR")));
            }
            credits.add(BankTransaction.builder().transactionId(String.format(Locale.ROOT, "B%08d", k)).account("DE89370400440532013000")
                    .bookingDate(bankDay).valueDate(bankDay.minusDays(random.nextInt(30))).amount(amount).counterpartyName(payer)
                    .counterpartyAccount(account).remittanceInfo(remittance).typeCode("PMNT-RCDT-ESCT").statementFile("bench")
                    .position(k).build());
        }
        MatchingRules d = MatchingRules.defaults();
        MatchingRules rules = new MatchingRules(d.rules(), d.nameSimilarity(), d.referenceMinDigits(), d.typoMinDigits(),
                d.shortAbsolute(), d.shortPercent(), d.bankFeeMax(), d.discounts(), d.subsetMaxItems(), d.subsetMaxSize(),
                d.receiptWindowDays(), d.amountOnly(), d.notCustomerCash(), d.orderTolerancePercent(), threads);
        System.gc();
        double waited = ThreadCpu.awaitCompilersIdle(); // what making the data queued for the compilers is not the step's
        HeapSampler sampler = HeapSampler.start();
        java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long p0 = os.getProcessCpuTime();
        Map<String, Double> threadsBefore = ThreadCpu.byKind();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        CashApplicationEngine engine = new CashApplicationEngine(rules, customers, invoices, List.of());
        long t1 = System.nanoTime();
        CashApplication result = engine.apply(credits);
        long t2 = System.nanoTime();
        long c2 = cpu.getCurrentThreadCpuTime();
        long p2 = os.getProcessCpuTime();
        Map<String, Double> threadCpu = ThreadCpu.since(threadsBefore);
        sampler.close();
        Map<ApplicationStatus, Integer> byStatus = new EnumMap<>(ApplicationStatus.class);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String last = null;
        for (CashAllocation a : result.allocations()) {
            if (!a.bankTransactionId().equals(last)) {
                byStatus.merge(a.status(), 1, Integer::sum);
                last = a.bankTransactionId();
            }
            sha.update(a.toString().getBytes(StandardCharsets.UTF_8));
        }
        double seconds = (t2 - t0) / 1e9;
        double jit = ThreadCpu.compilers(threadCpu);
        double collector = ThreadCpu.collector(threadCpu);
        System.out.printf(Locale.ROOT, "matching | %d credits x %d open items | %d threads | engine made %.2f s + applied %.2f s = %.2f s (CPU: deciding thread %.2f s, JIT compilers %.2f s, collector %.2f s, all threads %.2f s) | %.1fM lines/min | heap in use at most %.0f MB of %d MB | %s | rows sha256 %s | compilers idle after %.1f s%n",
                n, n, threads, (t1 - t0) / 1e9, (t2 - t1) / 1e9, seconds, (c2 - c0) / 1e9, jit, collector, (p2 - p0) / 1e9, 2.0 * n / seconds * 60 / 1e6, sampler.maxMegabytes(),
                Runtime.getRuntime().maxMemory() >> 20, byStatus, HexFormat.of().formatHex(sha.digest()).substring(0, 16), waited);
    }

    private static String word(int n) {
        String[] syllables = {"ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "xi", "zu", "ba", "de", "fi", "go", "hu", "ja"};
        StringBuilder sb = new StringBuilder();
        int x = n + 17;
        for (int i = 0; i < 4; i++) {
            sb.append(syllables[x % syllables.length]);
            x /= syllables.length;
        }
        return Character.toUpperCase(sb.charAt(0)) + sb.substring(1);
    }
}
