package dev.o2c.writers.store;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows by JDBC batches of inserts: for H2, which has no COPY. */
final class BatchRows implements RowSink {

    private static final int BATCH = 5000;

    private final JdbcTemplate jdbc;
    private final String sql;
    private final List<Object[]> rows = new ArrayList<>(BATCH);
    private long written;

    BatchRows(JdbcTemplate jdbc, String table, List<String> columns) {
        this.jdbc = jdbc;
        this.sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (?" + ", ?".repeat(columns.size() - 1) + ")";
    }

    @Override
    public void add(Object[] values) {
        rows.add(values);
        if (rows.size() == BATCH) {
            flush();
        }
    }

    @Override
    public void flush() {
        if (!rows.isEmpty()) {
            for (int n : jdbc.batchUpdate(sql, rows)) {
                written += n;
            }
            rows.clear();
        }
    }

    @Override
    public long finish() {
        flush();
        return written;
    }

    @Override
    public void abort() {
        rows.clear();
    }
}
