package dev.o2c.jobs.close;

import java.util.List;

/** One or more input files could not be read at all; each message is {@code FILE:LINE: reason}. */
public final class InputFilesFailedException extends RuntimeException {

    private final List<String> failures;

    public InputFilesFailedException(List<String> failures) {
        super(String.join("\n", failures));
        this.failures = List.copyOf(failures);
    }

    public List<String> failures() {
        return failures;
    }
}
