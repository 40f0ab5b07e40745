package dev.o2c.writers.store;

import dev.o2c.domain.collections.KeyLines;
import dev.o2c.domain.controls.Reject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One ERP extract into one ledger table, inside the caller's transaction, each row written
 * once. As the rows come, each is checked against the rows before it (a key the file gave
 * already: the first wins) and by the table's own {@link RowCheck}s (references the store or
 * the file must answer); a row that fails goes to the rejects with its line, reason and raw
 * text. A row whose key the table cannot have yet goes straight into the table (COPY on
 * PostgreSQL, batches on H2). A row whose key the table may have is written to a temporary
 * table instead and merged by key when the file is read: the version it replaces is kept in
 * {@code TABLE_version}, and an unchanged record keeps its version and its source file.
 *
 * <p>Memory: the file's keys with their first lines ({@link KeyLines}, about 40 bytes a key),
 * a fixed-size filter of the table's keys, the rows a check puts off until the file is read
 * (credit memos naming an invoice further down), and what the checks remember.
 */
public final class LedgerLoad implements AutoCloseable {

    /**
     * A check of an extract's rows that needs more than the row: what the store holds, or
     * what rows before it said. Rows come in file order, each after the duplicate check.
     */
    public interface RowCheck {

        /** Why the row of source line {@code line} is refused, or null; {@link #LATER} when only the whole file can tell. */
        String check(long line, Object[] row);

        /** Asked once the whole file is read, for each row {@link #check} put off. */
        default String checkLater(Object[] row) {
            return null;
        }

        /** A row that every check accepted. */
        default void accepted(Object[] row) {
        }
    }

    /** What {@link RowCheck#check} returns for a row it can judge only at the end of the file. */
    public static final String LATER = new String("later"); // compared by identity

    /** What reached the table: rows, and the sum of the amounts per currency. */
    public record Result(long loaded, Map<String, BigDecimal> totals) {
    }

    private record Held(long line, String raw, String key, Object[] row) {
    }

    private final JdbcTemplate jdbc;
    private final Dialect dialect;
    private final LedgerTable table;
    private final String sha256;
    private final LedgerWriter writer;
    private final List<RowCheck> checks;
    private final List<String> columns;
    private final List<String> values;
    private final int amountAt;
    private final int currencyAt;
    private final int[] keyAt;
    private final KeyLines fileKeys = new KeyLines(1 << 16);
    /** The table's keys before this file, or null when the table was empty. */
    private final KeyFilter tableKeys;
    private final RowSink direct;
    private RowSink staged;
    private final String stage;
    private final List<Held> held = new ArrayList<>();
    private final Map<String, BigDecimal> totals = new TreeMap<>();
    private long directRows;
    private long stagedRows;
    private boolean finished;

    public LedgerLoad(JdbcTemplate jdbc, Dialect dialect, LedgerTable table, String sha256, LedgerWriter writer, List<RowCheck> checks) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.table = table;
        this.sha256 = sha256;
        this.writer = writer;
        this.checks = List.copyOf(checks);
        this.columns = table.columns().stream().map(LedgerTable.Column::name).toList();
        this.values = columns.stream().filter(c -> !table.keys().contains(c)).toList();
        this.amountAt = table.amountColumn() == null ? -1 : columns.indexOf(table.amountColumn());
        this.currencyAt = columns.indexOf("currency");
        this.keyAt = table.keys().stream().mapToInt(columns::indexOf).toArray();
        this.stage = "stage_" + table.table();
        if (dialect == Dialect.POSTGRESQL) {
            // the merge's joins in memory rather than on disk, for this transaction only
            jdbc.execute("SET LOCAL work_mem = '64MB'");
        }
        this.tableKeys = tableKeys();
        List<String> withSource = new ArrayList<>(columns);
        withSource.add("source_sha256");
        this.direct = RowSink.of(dialect, jdbc, table.table(), withSource, () -> {
            if (staged != null) {
                staged.suspend();
            }
        });
        writer.beforeWrite(this::suspend);
    }

    /** The table's keys, in a filter; null when it has none (a first load writes every row straight in). */
    private KeyFilter tableKeys() {
        if (jdbc.queryForList("SELECT 1 FROM " + table.table() + " FETCH FIRST 1 ROWS ONLY").isEmpty()) {
            return null;
        }
        KeyFilter filter = new KeyFilter();
        StreamedQuery.run(jdbc, "SELECT " + String.join(", ", table.keys()) + " FROM " + table.table(), rs -> {
            Object[] key = new Object[keyAt.length];
            for (int i = 0; i < key.length; i++) {
                key[i] = rs.getObject(i + 1);
            }
            filter.add(keyText(key));
        });
        return filter;
    }

    /** A row that passed its own checks; values in the table's column order. */
    public void add(long line, String raw, Object[] row) {
        String key = keyText(keyOf(row));
        int earlier = fileKeys.putIfAbsent(key, line, 0);
        if (earlier != KeyLines.ADDED) {
            writer.reject(new Reject(line, "duplicate " + table.keyName() + " '" + key.replace('\u0000', '/') + "': line " + line
                    + " repeats line " + fileKeys.line(earlier) + ", which was kept", raw));
            return;
        }
        for (RowCheck check : checks) {
            String reason = check.check(line, row);
            if (reason == LATER) {
                held.add(new Held(line, raw, key, row));
                return;
            }
            if (reason != null) {
                writer.reject(new Reject(line, reason, raw));
                return;
            }
        }
        accept(key, row);
    }

    private void accept(String key, Object[] row) {
        for (RowCheck check : checks) {
            check.accepted(row);
        }
        if (amountAt >= 0) {
            totals.merge((String) row[currencyAt], (BigDecimal) row[amountAt], BigDecimal::add);
        }
        if (tableKeys != null && tableKeys.mightContain(key)) {
            if (staged == null) {
                direct.suspend();
                temporaryTable();
                staged = RowSink.of(dialect, jdbc, stage, columns, this::suspendDirect);
            }
            staged.add(row);
            stagedRows++;
        } else {
            Object[] withSource = java.util.Arrays.copyOf(row, row.length + 1);
            withSource[row.length] = sha256;
            direct.add(withSource);
            directRows++;
        }
    }

    private void suspendDirect() {
        direct.suspend();
    }

    /** Ends any open COPY: another statement is about to run on the transaction's connection. */
    private void suspend() {
        direct.suspend();
        if (staged != null) {
            staged.suspend();
        }
    }

    /**
     * Decides the rows put off until the end, merges the rows the table may have had, and
     * checks that every row accepted is in the table.
     */
    public Result finish() {
        for (Held h : held) {
            String reason = null;
            for (RowCheck check : checks) {
                reason = check.checkLater(h.row());
                if (reason != null) {
                    break;
                }
            }
            if (reason == null) {
                accept(h.key(), h.row());
            } else {
                writer.reject(new Reject(h.line(), reason, h.raw()));
            }
        }
        held.clear();
        finished = true;
        direct.finish(directRows, table.table(), "the file");
        if (staged != null) {
            staged.finish();
            merge();
            if (dialect == Dialect.H2) {
                jdbc.update("DELETE FROM " + stage);
            }
        }
        writer.flush();
        return new Result(directRows + stagedRows, new TreeMap<>(totals));
    }

    /** A temporary table of the transaction, empty, for the rows whose key the table may have. */
    private void temporaryTable() {
        String definition = table.columns().stream().map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", "));
        switch (dialect) {
            case POSTGRESQL -> jdbc.execute("CREATE TEMPORARY TABLE " + stage + " (" + definition + ") ON COMMIT DROP");
            case H2 -> {
                // TRANSACTIONAL: creating it does not commit the file's transaction
                jdbc.execute("CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS " + stage + " (" + definition + ") TRANSACTIONAL");
                jdbc.update("DELETE FROM " + stage);
            }
            default -> throw new IllegalStateException(dialect.name());
        }
    }

    /**
     * Keeps the versions the staged rows replace, then writes them by key: an unchanged record
     * keeps its version and its source file.
     */
    private void merge() {
        if (dialect == Dialect.POSTGRESQL) {
            jdbc.execute("ANALYZE " + stage); // a temporary table is never analysed on its own
        }
        String cols = String.join(", ", columns);
        jdbc.update("INSERT INTO " + table.table() + "_version (" + cols + ", source_sha256, superseded_by) SELECT "
                + prefixed("t", columns) + ", t.source_sha256, ? FROM " + table.table() + " t JOIN " + stage + " s ON "
                + keyJoin("t", "s") + " WHERE " + changed("t", "s"), sha256);
        switch (dialect) {
            case POSTGRESQL -> {
                // update what exists, insert what does not: cheaper than INSERT ... ON CONFLICT for many rows
                jdbc.update("UPDATE " + table.table() + " t SET " + values.stream().map(c -> c + " = s." + c).collect(Collectors.joining(", "))
                        + ", source_sha256 = ? FROM " + stage + " s WHERE " + keyJoin("t", "s") + " AND " + changed("t", "s"), sha256);
                jdbc.update("INSERT INTO " + table.table() + " (" + cols + ", source_sha256) SELECT " + prefixed("s", columns) + ", ? FROM "
                        + stage + " s WHERE NOT EXISTS (SELECT 1 FROM " + table.table() + " t WHERE " + keyJoin("t", "s") + ")", sha256);
            }
            case H2 -> jdbc.update("MERGE INTO " + table.table() + " t USING " + stage + " s ON (" + keyJoin("t", "s")
                    + ") WHEN MATCHED AND " + changed("t", "s") + " THEN UPDATE SET "
                    + values.stream().map(c -> c + " = s." + c).collect(Collectors.joining(", "))
                    + ", source_sha256 = ? WHEN NOT MATCHED THEN INSERT (" + cols + ", source_sha256) VALUES (" + prefixed("s", columns)
                    + ", ?)", sha256, sha256);
            default -> throw new IllegalStateException(dialect.name());
        }
        Long missing = jdbc.queryForObject("SELECT COUNT(*) FROM " + stage + " s WHERE NOT EXISTS (SELECT 1 FROM "
                + table.table() + " t WHERE " + keyJoin("t", "s") + ")", Long.class);
        if (missing != null && missing > 0) {
            throw new IllegalStateException(missing + " records that passed every check did not reach " + table.table()
                    + "; the file is rolled back");
        }
    }

    private Object[] keyOf(Object[] row) {
        Object[] key = new Object[keyAt.length];
        for (int i = 0; i < keyAt.length; i++) {
            key[i] = row[keyAt[i]];
        }
        return key;
    }

    /** A key as text, its parts apart by NUL: the same for a row of the file and for the table's row. */
    private static String keyText(Object[] key) {
        if (key.length == 1) {
            return String.valueOf(key[0]);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < key.length; i++) {
            text.append(i == 0 ? "" : "\u0000").append(keyPart(key[i]));
        }
        return text.toString();
    }

    /** A key's part as the file and the store both give it: a date from the store comes as java.sql.Date. */
    private static String keyPart(Object part) {
        if (part instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        return String.valueOf(part);
    }

    private static String prefixed(String alias, List<String> names) {
        return names.stream().map(c -> alias + "." + c).collect(Collectors.joining(", "));
    }

    /** Whether any column but the key differs. */
    private String changed(String current, String incoming) {
        return "(" + values.stream().map(c -> current + "." + c + " IS DISTINCT FROM " + incoming + "." + c)
                .collect(Collectors.joining(" OR ")) + ")";
    }

    private String keyJoin(String a, String b) {
        return table.keys().stream().map(k -> a + "." + k + " = " + b + "." + k).collect(Collectors.joining(" AND "));
    }

    /** Drops what is buffered if the load ends before {@link #finish}: the transaction rolls back. */
    @Override
    public void close() {
        writer.beforeWrite(() -> { });
        if (!finished) {
            direct.abort();
            if (staged != null) {
                staged.abort();
            }
        }
    }
}
