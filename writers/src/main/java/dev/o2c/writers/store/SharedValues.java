package dev.o2c.writers.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * One object for each value a query reads again and again: a customer's id on every one of its
 * invoices, orders and receipts, a date shared by thousands of documents. A close holds its
 * ledger while it reconciles and computes (a million documents, a million orders, three quarters
 * of a million receipt lines); with a new string and a new date in every row, that ledger was
 * about 300 MB larger, which the collector copied and the 2 GB heap ran short of. Equal values
 * only, so nothing read changes. For one query; not thread-safe.
 */
final class SharedValues {

    /** Beyond this many distinct values of a kind, new ones are returned as read rather than kept. */
    private static final int MAX_KEPT = 1 << 20;

    private final Map<String, String> texts = new HashMap<>();
    private final Map<LocalDate, LocalDate> dates = new HashMap<>();

    String text(ResultSet rs, int column) throws SQLException {
        return shared(texts, rs.getString(column));
    }

    LocalDate date(ResultSet rs, int column) throws SQLException {
        return shared(dates, LedgerQueries.date(rs, column));
    }

    private static <T> T shared(Map<T, T> kept, T value) {
        if (value == null) {
            return null;
        }
        T known = kept.get(value);
        if (known != null) {
            return known;
        }
        if (kept.size() < MAX_KEPT) {
            kept.put(value, value);
        }
        return value;
    }
}
