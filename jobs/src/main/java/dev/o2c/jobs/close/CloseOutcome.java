package dev.o2c.jobs.close;

import java.nio.file.Path;
import java.util.List;

/**
 * How a close ended, in the terms of CONTRACTS.md section 1.
 *
 * @param exitCode 0 all controls tied, 1 failed (restartable), 3 finished with a failed control
 * @param errors one line each, {@code FILE:LINE: reason} where there is a file
 */
public record CloseOutcome(int exitCode, String runId, long jobExecutionId, Path out, List<String> errors) {
}
