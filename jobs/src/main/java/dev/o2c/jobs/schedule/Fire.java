package dev.o2c.jobs.schedule;

import dev.o2c.jobs.close.RunKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * One run the schedule starts: which, as of when, at what time, from which input folder, into which
 * output folder (the job's {@code out} and the as-of date).
 */
public record Fire(RunKind kind, LocalDate asOf, ZonedDateTime at, Path input, Path out) {

    /** The command line of the run, after {@code o2c}. */
    String[] arguments() {
        return new String[]{kind.jobName(), "--as-of", asOf.toString(), "--input", input.toString(), "--out", out.toString()};
    }

    @Override
    public String toString() {
        return at.toOffsetDateTime() + " " + kind.jobName() + " as of " + asOf + ": --input " + input + " --out " + out;
    }
}
