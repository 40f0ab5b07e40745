package dev.o2c.readers.csv;

/** Thrown by a row mapper for a record that fails validation; the reader turns it into a {@link Reject}. */
public final class RowRejectedException extends RuntimeException {
    public RowRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
