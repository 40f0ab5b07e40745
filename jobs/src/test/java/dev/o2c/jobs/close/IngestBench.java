package dev.o2c.jobs.close;

import dev.o2c.writers.store.Dialect;
import dev.o2c.writers.store.InputFile;
import dev.o2c.writers.store.LedgerQueries;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
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
 *   floor h2|pg DIR ROWS         what the store alone needs for the same rows, nothing of ours in the
 *                                way: PostgreSQL COPYs the file as it is into a table shaped like
 *                                ar_document (its primary key, no other index); H2 takes the rows,
 *                                split in advance, by JDBC batches into such a table; one
 *                                transaction, committed, three times
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
            case "floor" -> floor(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
            default -> {
                System.err.println("usage: generate DIR ROWS | load h2|pg DIR ROWS [heap] | floor h2|pg DIR ROWS");
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

    /** The table the floor is measured on: ar_document's columns and primary key (V2), no other index. */
    private static final String FLOOR_TABLE = "CREATE TABLE floor_document (document_id VARCHAR(100) NOT NULL PRIMARY KEY,"
            + " customer_id VARCHAR(100) NOT NULL, order_id VARCHAR(100), document_date DATE NOT NULL, due_date DATE NOT NULL,"
            + " currency CHAR(3) NOT NULL, amount NUMERIC(19,4) NOT NULL, document_type VARCHAR(20) NOT NULL,"
            + " original_invoice_id VARCHAR(100))";

    static void floor(String store, Path dir, int rows) throws Exception {
        Path file = dir.resolve("invoices-" + rows + ".csv");
        if (store.equals("pg")) {
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                    java.sql.Connection c = pg.getPostgresDatabase().getConnection();
                    java.sql.Statement s = c.createStatement()) {
                s.execute(FLOOR_TABLE);
                for (int run = 1; run <= 3; run++) {
                    s.execute("TRUNCATE floor_document");
                    c.setAutoCommit(false);
                    long start = System.nanoTime();
                    long n;
                    try (java.io.Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        n = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                                .copyIn("COPY floor_document FROM STDIN (FORMAT csv, HEADER true)", r);
                    }
                    c.commit();
                    c.setAutoCommit(true);
                    report("pg floor: COPY of the file into the table", run, n, start);
                }
            }
        } else {
            List<String[]> split = new java.util.ArrayList<>(rows);
            try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                lines.skip(1).forEach(l -> split.add(l.split(",", -1)));
            }
            Path db = dir.resolve("h2-floor-" + System.nanoTime());
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath().resolve("o2c"), "sa", "");
                    java.sql.Statement s = c.createStatement()) {
                s.execute(FLOOR_TABLE);
                for (int run = 1; run <= 3; run++) {
                    s.execute("TRUNCATE TABLE floor_document");
                    c.setAutoCommit(false);
                    long start = System.nanoTime();
                    try (java.sql.PreparedStatement p = c.prepareStatement("INSERT INTO floor_document VALUES (?,?,?,?,?,?,?,?,?)")) {
                        int batch = 0;
                        for (String[] f : split) {
                            p.setString(1, f[0]);
                            p.setString(2, f[1]);
                            p.setString(3, f[2]);
                            p.setObject(4, LocalDate.parse(f[3]));
                            p.setObject(5, LocalDate.parse(f[4]));
                            p.setString(6, f[5]);
                            p.setBigDecimal(7, new java.math.BigDecimal(f[6]));
                            p.setString(8, f[7]);
                            p.setString(9, f[8].isEmpty() ? null : f[8]);
                            p.addBatch();
                            if (++batch == 1000) {
                                p.executeBatch();
                                batch = 0;
                            }
                        }
                        p.executeBatch();
                    }
                    c.commit();
                    c.setAutoCommit(true);
                    report("h2 floor: JDBC batches of split rows into the table", run, split.size(), start);
                }
            }
        }
    }

    private static void report(String what, int run, long rows, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s (run %d) | %d rows | %.2f s | %.0f rows/s%n", what, run, rows, seconds, rows / seconds);
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
            InputLoader loader = new InputLoader(jdbc, dialect, queries, List.of(), false, dev.o2c.readers.bank.ReadingRules.STANDARD);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
            List<InputFileRef> files = InputDirectory.scan(dir, List.of());
            HeapSampler sampler = heap ? HeapSampler.live() : null;
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
                sampler.close();
                System.out.printf(Locale.ROOT, "%s | live heap at most %.1f MB (a full GC every second) of a %d MB limit%n", store,
                        sampler.maxMegabytes(), Runtime.getRuntime().maxMemory() >> 20);
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }
}
