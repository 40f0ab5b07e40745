package dev.o2c.jobs.close;

import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.batch.core.step.StepExecution;

/**
 * What one step of a close did in this attempt: records read (the load step's input records),
 * written (rows loaded, allocation rows, open items, files), rejected, and how long it took.
 */
public record StepSummary(String step, String status, long read, long written, long rejected, Duration duration) {

    static StepSummary of(StepExecution s) {
        LocalDateTime end = s.getEndTime() != null ? s.getEndTime() : LocalDateTime.now();
        return new StepSummary(s.getStepName(), s.getStatus().name(), s.getReadCount(), s.getWriteCount(),
                s.getReadSkipCount() + s.getProcessSkipCount() + s.getWriteSkipCount(),
                s.getStartTime() == null ? Duration.ZERO : Duration.between(s.getStartTime(), end));
    }
}
