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
 * Staging by PostgreSQL's COPY, in its text format, as the rows come: the server parses
 * while we read the next rows. Uses the connection of the surrounding transaction.
 */
final class CopyStaging implements Staging {

    private static final int FLUSH_AT = 1 << 16;

    private final DataSource dataSource;
    private final Connection connection;
    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);

    CopyStaging(DataSource dataSource, String stageTable, List<String> columns) {
        this.dataSource = dataSource;
        this.connection = DataSourceUtils.getConnection(dataSource);
        try {
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + stageTable + " (line_no, raw, " + String.join(", ", columns) + ") FROM STDIN");
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw new IllegalStateException("cannot start COPY into " + stageTable + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void add(long line, String raw, Object[] values) {
        buffer.append(line).append('\t');
        text(raw);
        for (Object v : values) {
            buffer.append('\t');
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
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void abort() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // the transaction rolls back anyway
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    @Override
    public void close() {
        try {
            if (buffer.length() > 0) {
                send();
            }
            copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
