package dev.o2c.writers.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows by PostgreSQL's COPY, in its text format, as they come: the server parses while we
 * read the next rows. Uses the connection of the surrounding transaction, which can run
 * nothing else while a COPY is open: {@link #suspend} ends the COPY before another statement
 * runs on it (the rows buffered since stay buffered), and the next buffer sent starts a new
 * one, after {@code beforeCopy} has ended whatever else holds the connection.
 */
final class CopyRows implements RowSink {

    private static final int FLUSH_AT = 1 << 16;

    private final DataSource dataSource;
    private final Connection connection;
    private final String sql;
    private final String table;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private final Runnable beforeCopy;
    private CopyIn copy;
    private long written;
    private boolean done;

    CopyRows(DataSource dataSource, String table, List<String> columns, Runnable beforeCopy) {
        this.dataSource = dataSource;
        this.beforeCopy = beforeCopy;
        this.connection = DataSourceUtils.getConnection(dataSource);
        this.table = table;
        this.sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
    }

    @Override
    public void add(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (i > 0) {
                buffer.append('\t');
            }
            if (v == null) {
                buffer.append("\\N");
            } else if (v instanceof String s) {
                text(s);
            } else if (v instanceof BigDecimal d) {
                buffer.append(d.toPlainString());
            } else {
                buffer.append(v);
            }
        }
        buffer.append('\n');
        if (buffer.length() >= FLUSH_AT) {
            send();
        }
    }

    /** Text in COPY's text format: backslash, tab and line breaks escaped. */
    private void text(String s) {
        if (s == null) {
            buffer.append("\\N");
            return;
        }
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                break;
            }
            i++;
        }
        if (i == n) {
            buffer.append(s); // the usual case: nothing to escape
            return;
        }
        buffer.append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private void send() {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        try {
            if (copy == null) {
                beforeCopy.run();
                copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            }
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void flush() {
        if (buffer.length() > 0) {
            send();
        }
        suspend();
    }

    /** Ends the open COPY, if any: the connection is free for another statement. */
    @Override
    public void suspend() {
        if (copy != null) {
            try {
                written += copy.endCopy();
            } catch (SQLException e) {
                throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
            } finally {
                copy = null;
            }
        }
    }

    @Override
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        try {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // the transaction rolls back anyway
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    @Override
    public long finish() {
        done = true;
        try {
            flush();
            return written;
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
