package dev.o2c.readers.csv;

/**
 * A file that cannot be read at all (missing, no header, a required column absent,
 * not the format it claims). Its message is the one line a person sees:
 * {@code FILE:LINE: reason}, or {@code FILE: reason} when no line applies.
 */
public final class InputFormatException extends RuntimeException {

    public InputFormatException(String file, long line, String reason) {
        super(line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason);
    }

    public InputFormatException(String file, String reason) {
        this(file, 0, reason);
    }
}
