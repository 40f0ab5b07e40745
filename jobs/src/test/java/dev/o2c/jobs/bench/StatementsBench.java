package dev.o2c.jobs.bench;

import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.readers.bank.BankFormat;
import dev.o2c.readers.bank.StatementEvent;
import dev.o2c.readers.bank.StatementReader;
import dev.o2c.readers.bank.StatementReaders;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code scripts/bench statements}: how fast the statement readers read, and in how much
 * memory. Run by the script on one pinned core with a 256 MB heap; prints one line per
 * measurement, which the script gathers into target/bench/statements.md.
 *
 * <pre>
 *   generate DIR MB [KINDS]         synthetic files of about MB each: KINDS of camt053,mt940,bai2 (all)
 *   read ours|prowide FORMAT FILE N read the file N times, print each pass and the best MB/s
 *   heap FILE                       read once with our reader, print the live heap after GC
 * </pre>
 */
public final class StatementsBench {

    private StatementsBench() {
    }

    public static void main(String[] args) throws IOException {
        switch (args.length == 0 ? "" : args[0]) {
            case "generate" -> generate(Path.of(args[1]), Long.parseLong(args[2]), args.length > 3 ? args[3] : "camt053,mt940,bai2");
            case "read" -> read(args[1], BankFormat.valueOf(args[2]), Path.of(args[3]), Integer.parseInt(args[4]));
            case "heap" -> heap(BankFormat.valueOf(args[1]), Path.of(args[2]));
            default -> {
                System.err.println("usage: generate DIR MB [KINDS] | read ours|prowide FORMAT FILE PASSES | heap FORMAT FILE");
                System.exit(2);
            }
        }
    }

    static void generate(Path dir, long megabytes, String kinds) throws IOException {
        Files.createDirectories(dir);
        long bytes = megabytes << 20;
        List<String> wanted = List.of(kinds.split(","));
        // statements as a busy account has them: 20,000 entries a day in camt and BAI2, 2,000 in MT940
        if (wanted.contains("camt053")) {
            StatementFiles.camt053(dir.resolve("camt053-" + megabytes + "mb.xml"), bytes, 20_000);
        }
        if (wanted.contains("mt940")) {
            StatementFiles.mt940(dir.resolve("mt940-" + megabytes + "mb.sta"), bytes, 2_000);
        }
        if (wanted.contains("bai2")) {
            StatementFiles.bai2(dir.resolve("bai2-" + megabytes + "mb.bai"), bytes, 20_000);
        }
    }

    /** What one pass read: counted, and checked, so the work cannot be skipped or wrong. */
    record Pass(long statements, long entries, long breaks, BigDecimal entriesSum) {
    }

    static void read(String reader, BankFormat format, Path file, int passes) throws IOException {
        double size = Files.size(file) / 1048576.0;
        double best = Double.MAX_VALUE;
        StringBuilder times = new StringBuilder();
        Pass last = null;
        for (int i = 0; i < passes; i++) {
            long start = System.nanoTime();
            last = reader.equals("prowide") ? prowide(file) : ours(format, file, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.min(best, seconds);
            times.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f s", seconds));
        }
        System.out.printf(Locale.ROOT, "%s | %s | %s | %.0f MB | %d statements, %d entries, %d balance breaks | %s | %.0f MB/s%n",
                reader, format, file.getFileName(), size, last.statements(), last.entries(), last.breaks(), times,
                size / best);
    }

    static void heap(BankFormat format, Path file) throws IOException {
        long[] maxLive = {0};
        long start = System.nanoTime();
        Pass pass = ours(format, file, () -> maxLive[0] = Math.max(maxLive[0], liveHeap()));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "heap | %s | %s | %.0f MB | %d statements, %d entries, %d balance breaks | %.1f s"
                        + " | live heap at most %.1f MB (a full GC every 100,000 entries) of a %d MB limit%n",
                format, file.getFileName(), Files.size(file) / 1048576.0, pass.statements(), pass.entries(), pass.breaks(), seconds,
                maxLive[0] / 1048576.0, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** What the reader keeps live: the heap in use right after a full collection. */
    static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static Pass ours(BankFormat format, Path file, Runnable sample) throws IOException {
        long statements = 0;
        long entries = 0;
        long breaks = 0;
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal sum = BigDecimal.ZERO;
        try (StatementReader r = StatementReaders.open(format, file, file.getFileName().toString(), "0".repeat(64))) {
            StatementEvent e;
            while ((e = r.next()) != null) {
                if (e instanceof StatementEvent.Begin) {
                    statements++;
                    sum = BigDecimal.ZERO;
                } else if (e instanceof StatementEvent.Line line) {
                    sum = sum.add(line.transaction().amount().amount());
                    if (++entries % 100_000 == 0 && sample != null) {
                        sample.run();
                    }
                } else if (e instanceof StatementEvent.End end) {
                    breaks += ties(end.summary(), sum) ? 0 : 1;
                    total = total.add(sum);
                }
            }
        }
        return new Pass(statements, entries, breaks, total);
    }

    static Pass prowide(Path file) throws IOException {
        long[] counts = new long[3];
        BigDecimal[] total = {BigDecimal.ZERO};
        ProwideMt940.messages(file, text -> {
            BankStatement s = ProwideMt940.statement(text);
            BigDecimal sum = BigDecimal.ZERO;
            List<BankTransaction> lines = s.transactions();
            for (BankTransaction t : lines) {
                sum = sum.add(t.amount().amount());
            }
            counts[0]++;
            counts[1] += lines.size();
            counts[2] += ties(s, sum) ? 0 : 1;
            total[0] = total[0].add(sum);
        });
        return new Pass(counts[0], counts[1], counts[2], total[0]);
    }

    private static boolean ties(BankStatement s, BigDecimal entriesSum) {
        return s.openingBalance() == null || s.closingBalance() == null
                || s.openingBalance().amount().amount().add(entriesSum).compareTo(s.closingBalance().amount().amount()) == 0;
    }
}
