package dev.o2c.jobs.close;

import dev.o2c.writers.store.Dialect;
import dev.o2c.writers.store.InputFile;
import dev.o2c.writers.store.LedgerQueries;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code scripts/bench ingest}: an invoice extract of N rows loaded end to end (parsed,
 * validated, stored) by the close's load step into H2 or PostgreSQL, timed; and the live
 * heap, sampled by a full collection every second on a thread of its own, when asked.
 *
 * <pre>
 *   generate DIR ROWS            customers.csv (10,000) and invoices-ROWS.csv, generic profile
 *   load h2|pg DIR ROWS [heap]   loads both into a fresh store, prints rows/s (and the live heap)
 * </pre>
 */
public final class IngestBench {

    static final int CUSTOMERS = 10_000;

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]));
            case "load" -> load(args[1], Path.of(args[2]), Integer.parseInt(args[3]), args.length > 4 && args[4].equals("heap"));
            default -> {
                System.err.println("usage: generate DIR ROWS | load h2|pg DIR ROWS [heap]");
                System.exit(2);
            }
        }
    }

    static void generate(Path dir, int rows) throws IOException {
        Files.createDirectories(dir);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("customers.csv"), StandardCharsets.UTF_8)) {
            w.write("customer_id,name,currency,credit_limit,payment_terms_days,country\n");
            for (int c = 1; c <= CUSTOMERS; c++) {
                w.write(String.format(Locale.ROOT, "C%06d,Customer %d GmbH,%s,50000.00,30,DE%n", c, c, c % 4 == 0 ? "USD" : "EUR"));
            }
        }
        SplittableRandom random = new SplittableRandom(42);
        LocalDate start = LocalDate.of(2024, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("invoices-" + rows + ".csv"), StandardCharsets.UTF_8)) {
            w.write("invoice_id,customer_id,order_id,invoice_date,due_date,currency,amount,type,original_invoice_id\n");
            for (int i = 1; i <= rows; i++) {
                int c = 1 + random.nextInt(CUSTOMERS);
                LocalDate date = start.plusDays(random.nextInt(700));
                long cents = 1_000 + random.nextLong(5_000_000);
                boolean memo = i % 50 == 0;
                w.write(String.format(Locale.ROOT, "INV-%08d,C%06d,SO-%08d,%s,%s,%s,%d.%02d,%s,%s%n", i, c, i, date,
                        date.plusDays(30), c % 4 == 0 ? "USD" : "EUR", cents / 100, cents % 100,
                        memo ? "CREDIT_MEMO" : "INVOICE", memo ? String.format(Locale.ROOT, "INV-%08d", i - 1) : ""));
            }
        }
    }

    static void load(String store, Path dir, int rows, boolean heap) throws Exception {
        EmbeddedPostgres pg = null;
        DataSource ds;
        Dialect dialect;
        if (store.equals("pg")) {
            pg = EmbeddedPostgres.builder().start();
            ds = pg.getPostgresDatabase();
            dialect = Dialect.POSTGRESQL;
        } else {
            Path db = dir.resolve("h2-" + System.nanoTime());
            ds = new DriverManagerDataSource("jdbc:h2:file:" + db.toAbsolutePath().resolve("o2c"), "sa", "");
            dialect = Dialect.H2;
        }
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration/common",
                    "classpath:db/migration/" + (dialect == Dialect.H2 ? "h2" : "postgresql")).load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            LedgerQueries queries = new LedgerQueries(jdbc);
            InputLoader loader = new InputLoader(jdbc, dialect, queries, List.of(), false);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
            List<InputFileRef> files = InputDirectory.scan(dir, List.of());
            AtomicLong maxLive = new AtomicLong();
            Thread sampler = null;
            if (heap) {
                sampler = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        System.gc();
                        maxLive.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "heap-sampler");
                sampler.setDaemon(true);
                sampler.start();
            }
            for (InputFileRef f : files) {
                long start = System.nanoTime();
                long[] inside = new long[1];
                InputFile loaded = tx.execute(s -> {
                    InputFile l = loader.load(f);
                    inside[0] = System.nanoTime();
                    return l;
                });
                System.err.printf(Locale.ROOT, "commit %.2f s%n", (System.nanoTime() - inside[0]) / 1e9);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%s | %s | %d records, %d loaded, %d rejected | %.2f s | %.0f rows/s%n", store, f.name(),
                        loaded.records(), loaded.loaded(), loaded.rejected(), seconds, loaded.records() / seconds);
            }
            if (sampler != null) {
                sampler.interrupt();
                System.out.printf(Locale.ROOT, "%s | live heap at most %.1f MB (a full GC every second) of a %d MB limit%n", store,
                        maxLive.get() / 1048576.0, Runtime.getRuntime().maxMemory() >> 20);
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }
}
