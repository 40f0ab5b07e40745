package dev.o2c.writers.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * A query whose rows are handed over as they arrive, a few thousand at a time, from any thread.
 * PostgreSQL's driver reads a whole result into memory unless the query has a fetch size and
 * runs inside a transaction; a million open items would be hundreds of megabytes of rows. On a
 * thread with no transaction of its own (a helper thread), the query gets a read-only one.
 */
final class StreamedQuery {

    static final int FETCH_SIZE = 5_000;

    private StreamedQuery() {
    }

    static void run(JdbcTemplate jdbc, String sql, RowCallbackHandler rows, Object... args) {
        jdbc.execute((ConnectionCallback<Void>) con -> {
            boolean autoCommit = con.getAutoCommit();
            if (autoCommit) {
                con.setAutoCommit(false);
            }
            try {
                query(con, sql, rows, args);
            } finally {
                if (autoCommit) {
                    con.rollback(); // it only read: nothing to keep
                    con.setAutoCommit(true);
                }
            }
            return null;
        });
    }

    private static void query(Connection con, String sql, RowCallbackHandler rows, Object... args) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.processRow(rs);
                }
            }
        }
    }
}
