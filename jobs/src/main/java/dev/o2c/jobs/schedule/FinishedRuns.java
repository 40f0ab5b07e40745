package dev.o2c.jobs.schedule;

import dev.o2c.jobs.close.RunKind;
import java.time.LocalDate;

/** Whether the store holds a finished run (done, or done with a failed control) of that kind and as-of date. */
@FunctionalInterface
public interface FinishedRuns {
    boolean finished(RunKind kind, LocalDate asOf);
}
