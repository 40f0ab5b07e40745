package dev.o2c.writers.store;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Staging by JDBC batches of inserts: for H2, which has no COPY. */
final class BatchStaging implements Staging {

    private static final int BATCH = 5000;

    private final JdbcTemplate jdbc;
    private final String sql;
    private final List<Object[]> rows = new ArrayList<>(BATCH);

    BatchStaging(JdbcTemplate jdbc, String stageTable, List<String> columns) {
        this.jdbc = jdbc;
        this.sql = "INSERT INTO " + stageTable + " (line_no, raw, " + String.join(", ", columns) + ") VALUES (?, ?"
                + ", ?".repeat(columns.size()) + ")";
    }

    @Override
    public void add(long line, String raw, Object[] values) {
        Object[] row = new Object[values.length + 2];
        row[0] = line;
        row[1] = raw;
        System.arraycopy(values, 0, row, 2, values.length);
        rows.add(row);
        if (rows.size() == BATCH) {
            flush();
        }
    }

    private void flush() {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
            rows.clear();
        }
    }

    @Override
    public void close() {
        flush();
    }

    @Override
    public void abort() {
        rows.clear();
    }
}
