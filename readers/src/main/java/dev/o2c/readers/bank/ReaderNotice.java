package dev.o2c.readers.bank;

/**
 * Something a reader found wrong in a file it could still read (a control total or
 * record count that does not agree): for a person to look at, not a reason to refuse.
 *
 * @param category what kind, as {@code exceptions.csv} shows it
 */
public record ReaderNotice(long line, String category, String message) {
}
