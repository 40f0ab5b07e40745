package dev.o2c.domain.controls;

/**
 * A record that could not be loaded: one row of {@code rejects/NAME.csv}.
 *
 * @param line the 1-based line of the file where the record starts
 * @param raw the record's text as it stood in the file, without its line break
 */
public record Reject(long line, String reason, String raw) {
}
