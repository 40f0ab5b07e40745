package dev.o2c.jobs.close;

import java.nio.file.Path;
import java.util.List;

/**
 * How a close ended, in the terms of CONTRACTS.md section 1.
 *
 * @param exitCode 0 all controls tied, 1 failed (restartable), 3 finished with a failed control
 * @param errors one line each, {@code FILE:LINE: reason} where there is a file
 * @param steps what each step of this attempt did, in order; empty when the close did not start
 */
public record CloseOutcome(int exitCode, String runId, long jobExecutionId, Path out, List<String> errors, List<StepSummary> steps) {

    public CloseOutcome {
        errors = List.copyOf(errors);
        steps = List.copyOf(steps);
    }

    /** A close that did not start: no steps. */
    public CloseOutcome(int exitCode, String runId, long jobExecutionId, Path out, List<String> errors) {
        this(exitCode, runId, jobExecutionId, out, errors, List.of());
    }
}
