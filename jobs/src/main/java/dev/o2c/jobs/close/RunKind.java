package dev.o2c.jobs.close;

import java.util.Locale;

/**
 * The two jobs a run can be: the month-end close (load, reconcile, compute, publish the pack) and
 * the nightly run (load, reconcile, the daily cash-application report and the exceptions mail).
 * A run id starts with its kind's name, so every command can tell which one it is given.
 */
public enum RunKind {
    CLOSE, NIGHTLY;

    /** The job's name in the job repository, the command that runs it, and the run id's first word. */
    public String jobName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException when the id is not one of ours */
    public static RunKind of(String runId) {
        for (RunKind kind : values()) {
            if (runId.startsWith(kind.jobName() + "-")) {
                return kind;
            }
        }
        throw new IllegalArgumentException("'" + runId + "' is not a run id (they start with close- or nightly-)");
    }
}
