package dev.o2c.readers.csv;

import dev.o2c.domain.controls.Reject;

/** What became of one record: loaded as a value, or rejected. */
public sealed interface Outcome<T> {

    long line();

    record Loaded<T>(long line, T value) implements Outcome<T> {
    }

    record Rejected<T>(Reject reject) implements Outcome<T> {
        @Override
        public long line() {
            return reject.line();
        }
    }
}
