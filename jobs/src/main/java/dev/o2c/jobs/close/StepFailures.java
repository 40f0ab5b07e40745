package dev.o2c.jobs.close;

import dev.o2c.domain.money.MissingFxRateException;
import java.util.List;
import java.util.Optional;

/**
 * What a step's failure says to the operator, one line each (an input file that cannot be read
 * does not fail the step: it is refused alone, see {@link LoadInputsTasklet}): a missing rate or a refused state in our own words, a
 * store error with its step, table and what to do ({@link StoreFailure}). Anything else is a
 * defect of ours: its class and message, and its stack trace in the log.
 */
final class StepFailures {

    private StepFailures() {
    }

    static List<String> lines(String step, Throwable failure) {
        Throwable cause = rootOf(failure);
        if (cause instanceof MissingFxRateException || cause instanceof IllegalStateException || cause instanceof IllegalArgumentException) {
            return List.of(cause.getMessage());
        }
        Optional<String> store = StoreFailure.describe(step, failure);
        if (store.isPresent()) {
            return List.of(store.get());
        }
        return List.of(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    /** Whether the failure is none that {@link #lines} words for the operator: a defect, whose stack trace belongs in the log. */
    static boolean isDefect(String step, Throwable failure) {
        Throwable cause = rootOf(failure);
        return !(cause instanceof MissingFxRateException
                || cause instanceof IllegalStateException || cause instanceof IllegalArgumentException)
                && StoreFailure.describe(step, failure).isEmpty();
    }

    private static Throwable rootOf(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
