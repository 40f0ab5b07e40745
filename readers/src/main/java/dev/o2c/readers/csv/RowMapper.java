package dev.o2c.readers.csv;

/** Maps one validated row to a value; throws {@link RowRejectedException} for a row that fails. */
@FunctionalInterface
public interface RowMapper<T> {
    T map(SourceRow row);
}
