package dev.o2c.readers.csv;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Turns the rows of a {@link SourceTable} into {@link Outcome}s: a row with the wrong
 * number of fields, a row its mapper refuses, or a second row with the same natural
 * key (the first wins; the reason names both lines) is rejected; every other row is
 * loaded. Every row ends as exactly one outcome.
 *
 * <p>Memory grows with the number of distinct keys in the file. Not thread-safe.
 */
public final class RecordReader<T> implements Iterator<Outcome<T>>, AutoCloseable {

    private final SourceTable table;
    private final Iterator<SourceRow> rows;
    private final RowMapper<T> mapper;
    private final Function<T, String> naturalKey;
    private final String keyName;
    private final Map<String, Long> seen = new HashMap<>();

    /**
     * @param naturalKey the key duplicates are found by, or null to keep every row
     * @param keyName how the key is named in the reason of a duplicate
     */
    public RecordReader(SourceTable table, RowMapper<T> mapper, Function<T, String> naturalKey, String keyName) {
        this.table = table;
        this.rows = table.rows();
        this.mapper = mapper;
        this.naturalKey = naturalKey;
        this.keyName = keyName;
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public Outcome<T> next() {
        if (!rows.hasNext()) {
            throw new NoSuchElementException();
        }
        SourceRow row = rows.next();
        String shape = row.shapeProblem();
        if (shape != null) {
            return new Outcome.Rejected<>(row.reject(shape));
        }
        if (row.raw().indexOf('\u0000') >= 0) {
            // no store keeps a NUL in text, and no ERP writes one in a record it means
            return new Outcome.Rejected<>(row.reject("contains a NUL character"));
        }
        T value;
        try {
            value = mapper.map(row);
        } catch (RowRejectedException e) {
            return new Outcome.Rejected<>(row.reject(e.getMessage()));
        }
        if (naturalKey != null) {
            String key = naturalKey.apply(value);
            Long first = seen.putIfAbsent(key, row.line());
            if (first != null) {
                return new Outcome.Rejected<>(row.reject("duplicate " + keyName + " '" + key.replace('\u0000', '/')
                        + "': line " + row.line() + " repeats line " + first + ", which was kept"));
            }
        }
        return new Outcome.Loaded<>(row.line(), row.raw(), value);
    }

    @Override
    public void close() {
        table.close();
    }
}
