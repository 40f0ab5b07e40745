package dev.o2c.writers.store;

import dev.o2c.domain.controls.Reject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes what a file's load leaves besides its records: the rejected rows (in JDBC
 * batches, by line, so writing them again changes nothing), what a reader noticed, and
 * the file itself with its counts and control totals. ERP records go through
 * {@link LedgerLoad}, bank lines through {@link BankWriter}.
 *
 * <p>The caller owns the transaction: one file's rows and its {@link InputFile} row
 * commit together or not at all. Not thread-safe; one instance per file.
 */
public final class LedgerWriter implements AutoCloseable {

    static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final Dialect dialect;
    private final String sourceSha256;
    private final Map<Class<?>, Batch> batches = new java.util.HashMap<>();

    private long notices;
    private Runnable beforeWrite = () -> { };

    public LedgerWriter(JdbcTemplate jdbc, Dialect dialect, String sourceSha256) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.sourceSha256 = sourceSha256;
    }

    private final class Batch {
        final String sql;
        final List<Object[]> rows = new ArrayList<>(BATCH);

        Batch(String sql) {
            this.sql = sql;
        }

        void add(Object... row) {
            rows.add(row);
            if (rows.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (!rows.isEmpty()) {
                beforeWrite.run();
                jdbc.batchUpdate(sql, rows);
                rows.clear();
            }
        }
    }

    private Batch batch(Class<?> type, String table, String columns, String keys) {
        return batches.computeIfAbsent(type, t -> new Batch(dialect.upsert(table, List.of(columns.split(", ")), List.of(keys.split(", ")))));
    }

    /**
     * What must happen before this writer runs a statement: a {@link LedgerLoad} of PostgreSQL
     * ends its open COPY, since the connection runs nothing else while a COPY is open.
     */
    public void beforeWrite(Runnable action) {
        this.beforeWrite = action;
    }

    public void reject(Reject r) {
        reject(r, null);
    }

    /** A reject with a category the close turns into an exception (DUPLICATE_BANK_LINE, DUPLICATE_STATEMENT). */
    public void reject(Reject r, String category) {
        batch(Reject.class, "rejected_record", "source_sha256, line_no, reason, raw, category", "source_sha256, line_no")
                .add(sourceSha256, r.line(), r.reason(), r.raw(), category);
    }

    /** Something a reader noticed in a record it loaded all the same: a warning in the close's exceptions. */
    public void notice(long line, String category, String message) {
        beforeWrite.run();
        jdbc.update("INSERT INTO input_notice (source_sha256, seq, line_no, category, message) VALUES (?, ?, ?, ?, ?)",
                sourceSha256, ++notices, line, category, message);
    }

    /** Records the file as loaded; call last, after every row of the file. */
    public void inputFile(InputFile f) {
        flush();
        String totals = f.controlTotal().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().toPlainString())
                .collect(Collectors.joining(";"));
        jdbc.update(dialect.upsert("input_file", List.of("sha256", "name", "kind", "format", "records", "loaded", "rejected", "control_total"), List.of("sha256")),
                f.sha256(), f.name(), f.kind(), f.format(), f.records(), f.loaded(), f.rejected(), totals);
    }

    public void flush() {
        batches.values().forEach(Batch::flush);
    }

    @Override
    public void close() {
        flush();
    }

}
