package dev.o2c.writers.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One ERP extract into one ledger table, inside the caller's transaction: rows that pass
 * their own checks are staged (COPY on PostgreSQL, batches on H2), then the checks that
 * need the whole file run in SQL (a key repeated in the file, references to other
 * records), each failing row going to the rejects with its line, reason and raw text;
 * the version of a record that the file changes is kept in {@code TABLE_version}; and
 * the rest is merged by natural key. The JVM holds none of the file's rows: a fixed-size
 * {@link KeyFilter} and the counts and totals.
 */
public final class LedgerLoad implements AutoCloseable {

    /** What the load does with the staged rows once they are all there, in order. */
    public sealed interface Step permits Check, Merge {
    }

    /**
     * A check on the staged rows: {@code condition} over the staged row {@code s} picks the
     * rows that fail, {@code reason} is the SQL text expression that says why. In all three,
     * {@code STAGE} stands for the staging table.
     *
     * @param from the rows as {@code s}: null for the staged rows themselves, else a derived
     *        table over {@code STAGE}
     */
    public record Check(String from, String condition, String reason) implements Step {
        public static Check on(String condition, String reason) {
            return new Check(null, condition, reason);
        }
    }

    /**
     * Keeps the versions that the staged rows picked by {@code condition} (over {@code s})
     * replace, and merges them into the table. A check after a merge can look the merged
     * rows up in the table by its key, which has an index; the staging table has none.
     */
    public record Merge(String condition) implements Step {
    }

    /** What reached the table: rows, and the sum of the amounts per currency. */
    public record Result(long loaded, Map<String, BigDecimal> totals) {
    }

    private final JdbcTemplate jdbc;
    private final Dialect dialect;
    private final LedgerTable table;
    private final String sha256;
    private final List<String> columns;
    private final List<String> values;
    private final String definition;
    private final Staging staging;
    private final int amountAt;
    private final int currencyAt;
    private final int[] keyAt;
    private final KeyFilter keysSeen = new KeyFilter();
    private final Map<String, BigDecimal> stagedTotals = new TreeMap<>();
    private String stage;
    private int stages = 1;
    private long staged;
    private boolean finished;

    public LedgerLoad(JdbcTemplate jdbc, Dialect dialect, LedgerTable table, String sha256) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.table = table;
        this.sha256 = sha256;
        this.columns = table.columns().stream().map(LedgerTable.Column::name).toList();
        this.values = columns.stream().filter(c -> !table.keys().contains(c)).toList();
        this.amountAt = table.amountColumn() == null ? -1 : columns.indexOf(table.amountColumn());
        this.currencyAt = columns.indexOf("currency");
        this.keyAt = table.keys().stream().mapToInt(columns::indexOf).toArray();
        this.definition = "line_no BIGINT NOT NULL, raw VARCHAR(1000000), "
                + table.columns().stream().map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", "));
        if (dialect == Dialect.POSTGRESQL) {
            // the sorts of the whole-file checks in memory rather than on disk, for this transaction only
            jdbc.execute("SET LOCAL work_mem = '64MB'");
        }
        this.stage = stageName(1);
        temporaryTable(stage, definition);
        this.staging = switch (dialect) {
            case POSTGRESQL -> new CopyStaging(jdbc.getDataSource(), stage, columns);
            case H2 -> new BatchStaging(jdbc, stage, columns);
        };
    }

    /** A row that passed its own checks; values in the table's column order. */
    public void add(long line, String raw, Object[] row) {
        staging.add(line, raw, row);
        staged++;
        if (amountAt >= 0) {
            stagedTotals.merge((String) row[currencyAt], (BigDecimal) row[amountAt], BigDecimal::add);
        }
        Object[] key = new Object[keyAt.length];
        for (int i = 0; i < keyAt.length; i++) {
            key[i] = row[keyAt[i]];
        }
        if (key.length == 1 && key[0] instanceof String single) {
            keysSeen.add(single, key);
        } else {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < key.length; i++) {
                text.append(i == 0 ? "" : "\u0000").append(key[i]);
            }
            keysSeen.add(text.toString(), key);
        }
    }

    /**
     * Runs the whole-file checks, keeps the versions the file replaces, merges the rest.
     *
     * @param steps after the duplicate check: the table's reference checks and partial
     *        merges, in order; whatever no merge picked is merged at the end
     */
    public Result finish(List<Step> steps) {
        finished = true;
        long t = System.nanoTime();
        staging.close();
        analyze();
        t = trace("staged", t);
        if (keysSeen.hasSuspects()) {
            reject(duplicates());
            t = trace("duplicates", t);
        }
        for (Step step : steps) {
            if (step instanceof Check check) {
                reject(check);
                t = trace("check", t);
            } else if (step instanceof Merge merge) {
                merge(merge.condition());
                t = trace("merge " + merge.condition(), t);
                rest(merge.condition());
                t = trace("rest", t);
            }
        }
        merge("1 = 1");
        trace("merge", t);
        if (dialect == Dialect.H2) {
            for (int i = 1; i <= stages; i++) {
                jdbc.update("DELETE FROM " + stageName(i));
            }
        }
        return new Result(staged, new TreeMap<>(stagedTotals));
    }

    private String stageName(int n) {
        return "stage_" + table.table() + (n == 1 ? "" : "_" + n);
    }

    /** A temporary table of the transaction, empty. */
    private void temporaryTable(String name, String columnsDefinition) {
        switch (dialect) {
            case POSTGRESQL -> jdbc.execute("CREATE TEMPORARY TABLE " + name + " (" + columnsDefinition + ") ON COMMIT DROP");
            case H2 -> {
                // TRANSACTIONAL: creating it does not commit the file's transaction
                jdbc.execute("CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS " + name + " (" + columnsDefinition + ") TRANSACTIONAL");
                jdbc.update("DELETE FROM " + name);
            }
            default -> throw new IllegalStateException(dialect.name());
        }
    }

    /** A temporary table is never analysed on its own: without it the planner guesses its size. */
    private void analyze() {
        if (dialect == Dialect.POSTGRESQL) {
            jdbc.execute("ANALYZE " + stage);
        }
    }

    /** After a partial merge, the rows it did not pick move to a table of their own, scanned from then on. */
    private void rest(String merged) {
        String next = stageName(++stages);
        temporaryTable(next, definition);
        jdbc.update("INSERT INTO " + next + " SELECT * FROM " + stage + " s WHERE NOT (" + merged + ")");
        stage = next;
        analyze();
    }

    /**
     * The second and later rows with a key the file has already given: the first wins. Only
     * the rows of keys the filter suspects are looked at, unless it had too many to list.
     */
    private Check duplicates() {
        String rows = "STAGE st";
        if (!keysSeen.overflowed()) {
            String suspects = "stage_" + table.table() + "_suspect";
            temporaryTable(suspects, table.columns().stream().filter(c -> table.keys().contains(c.name()))
                    .map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", "))
                    + ", PRIMARY KEY (" + String.join(", ", table.keys()) + ")");
            List<Object[]> keys = new ArrayList<>();
            keysSeen.suspects().forEach(keys::add);
            jdbc.batchUpdate("INSERT INTO " + suspects + " (" + String.join(", ", table.keys()) + ") VALUES ("
                    + table.keys().stream().map(k -> "?").collect(Collectors.joining(", ")) + ")", keys);
            rows = "STAGE st WHERE EXISTS (SELECT 1 FROM " + suspects + " x WHERE " + keyJoin("x", "st") + ")";
        }
        String key = table.keys().stream().map(k -> "s." + k).collect(Collectors.joining(" || '/' || "));
        String reason = "'duplicate " + table.keyName() + " ''' || " + key + " || ''': line ' || s.line_no"
                + " || ' repeats line ' || s.first_line || ', which was kept'";
        return new Check("(SELECT st.*, MIN(st.line_no) OVER (PARTITION BY " + prefixed("st", table.keys()) + ") AS first_line"
                + " FROM " + rows + ") s", "s.line_no > s.first_line", reason);
    }

    private void reject(Check check) {
        String from = check.from() == null ? "STAGE s" : check.from();
        int rejected = jdbc.update(("INSERT INTO rejected_record (source_sha256, line_no, reason, raw, category) SELECT ?, s.line_no, "
                + check.reason() + ", s.raw, NULL FROM " + from + " WHERE " + check.condition()).replace("STAGE", stage), sha256);
        if (rejected > 0) {
            // EXISTS on the rejects' key, not IN (subquery): H2 would scan the subquery for every staged row
            String these = " s WHERE EXISTS (SELECT 1 FROM rejected_record r WHERE r.source_sha256 = ? AND r.line_no = s.line_no)";
            staged -= rejected;
            if (amountAt >= 0) {
                jdbc.query("SELECT s.currency, SUM(s." + table.amountColumn() + ") FROM " + stage + these + " GROUP BY s.currency",
                        rs -> {
                            stagedTotals.merge(rs.getString(1).trim(), rs.getBigDecimal(2).negate(), BigDecimal::add);
                        }, sha256);
            }
            jdbc.update("DELETE FROM " + stage + these, sha256);
        }
    }

    /**
     * Keeps the versions the picked rows replace, then writes the picked rows by key: an
     * unchanged record keeps its version and its source file.
     */
    private void merge(String condition) {
        String cols = String.join(", ", columns);
        String picked = "(SELECT * FROM " + stage + " s WHERE " + condition + ")";
        jdbc.update("INSERT INTO " + table.table() + "_version (" + cols + ", source_sha256, superseded_by) SELECT "
                + prefixed("t", columns) + ", t.source_sha256, ? FROM " + table.table() + " t JOIN " + picked + " s ON "
                + keyJoin("t", "s") + " WHERE " + changed("t", "s"), sha256);
        switch (dialect) {
            case POSTGRESQL -> {
                // update what exists, insert what does not: cheaper than INSERT ... ON CONFLICT for many rows
                jdbc.update("UPDATE " + table.table() + " t SET " + values.stream().map(c -> c + " = s." + c).collect(Collectors.joining(", "))
                        + ", source_sha256 = ? FROM " + picked + " s WHERE " + keyJoin("t", "s") + " AND " + changed("t", "s"), sha256);
                jdbc.update("INSERT INTO " + table.table() + " (" + cols + ", source_sha256) SELECT " + prefixed("s", columns) + ", ? FROM "
                        + picked + " s WHERE NOT EXISTS (SELECT 1 FROM " + table.table() + " t WHERE " + keyJoin("t", "s") + ")", sha256);
            }
            case H2 -> jdbc.update("MERGE INTO " + table.table() + " t USING " + picked + " s ON (" + keyJoin("t", "s")
                    + ") WHEN MATCHED AND " + changed("t", "s") + " THEN UPDATE SET "
                    + values.stream().map(c -> c + " = s." + c).collect(Collectors.joining(", "))
                    + ", source_sha256 = ? WHEN NOT MATCHED THEN INSERT (" + cols + ", source_sha256) VALUES (" + prefixed("s", columns)
                    + ", ?)", sha256, sha256);
            default -> throw new IllegalStateException(dialect.name());
        }
        // Every row merged must now be in the table: a row that passed every check and is not
        // there would be a record lost in silence, so the file fails and rolls back instead.
        Long missing = jdbc.queryForObject("SELECT COUNT(*) FROM " + picked + " s WHERE NOT EXISTS (SELECT 1 FROM "
                + table.table() + " t WHERE " + keyJoin("t", "s") + ")", Long.class);
        if (missing != null && missing > 0) {
            throw new IllegalStateException(missing + " records that passed every check did not reach " + table.table()
                    + "; the file is rolled back");
        }
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

    /** With {@code -Do2c.trace.load=true}, how long each phase took, on standard error. */
    private static long trace(String what, long since) {
        long now = System.nanoTime();
        if (Boolean.getBoolean("o2c.trace.load")) {
            System.err.printf("load: %s %.2f s%n", what, (now - since) / 1e9);
        }
        return now;
    }

    /** Drops the staging if the load ends before {@link #finish}: the transaction rolls back. */
    @Override
    public void close() {
        if (!finished) {
            staging.abort();
        }
    }
}
