package dev.o2c.jobs.mail;

import java.util.List;

/** Mails that could not be sent after every attempt, each with its subject, recipients and reason. */
public class MailNotSentException extends RuntimeException {

    private final List<String> failures;

    public MailNotSentException(List<String> failures) {
        super(String.join("; ", failures));
        this.failures = List.copyOf(failures);
    }

    public List<String> failures() {
        return failures;
    }
}
