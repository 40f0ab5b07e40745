package dev.o2c.readers.csv;

import dev.o2c.domain.controls.Reject;

/** What became of one record: loaded as a value, or rejected. */
public sealed interface Outcome<T> {

    long line();

    /** A loaded record, with the raw text it was read from. */
    record Loaded<T>(long line, String raw, T value) implements Outcome<T> {
    }

    record Rejected<T>(Reject reject) implements Outcome<T> {
        @Override
        public long line() {
            return reject.line();
        }
    }
}
