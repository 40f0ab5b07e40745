package dev.o2c.writers.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** What differs between the stores we support: how to insert-or-update by key. */
public enum Dialect {
    H2, POSTGRESQL;

    public static Dialect of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return H2;
            }
            if (product.contains("postgres")) {
                return POSTGRESQL;
            }
            throw new IllegalStateException("unsupported database: " + product + " (H2 and PostgreSQL are)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the store: " + e.getMessage(), e);
        }
    }

    /** An insert that replaces the row with the same key: a later extract updates a record by its natural key. */
    public String upsert(String table, List<String> columns, List<String> keys) {
        String cols = String.join(", ", columns);
        String params = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        return switch (this) {
            case H2 -> "MERGE INTO " + table + " (" + cols + ") KEY (" + String.join(", ", keys) + ") VALUES (" + params + ")";
            case POSTGRESQL -> "INSERT INTO " + table + " (" + cols + ") VALUES (" + params + ") ON CONFLICT ("
                    + String.join(", ", keys) + ") DO UPDATE SET "
                    + columns.stream().filter(c -> !keys.contains(c)).map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        };
    }
}
