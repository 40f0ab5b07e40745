package dev.o2c.jobs.close;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Closes a process left marked as running when it was killed or crashed: the job repository
 * still says STARTED, and Spring Batch restarts only what it knows failed. Called while the
 * run lock of the as-of date is held, when no live process can be running that date's close or nightly run,
 * so every execution of it still marked as running is one whose process is gone.
 */
@Component
class InterruptedRuns {

    static final String KILLED = "the process running it ended without finishing (killed or crashed)";

    private final JobRepository repository;

    InterruptedRuns(JobRepository repository) {
        this.repository = repository;
    }

    /** Marks the as-of date's executions still marked as running FAILED, so the same command restarts them; says which. */
    List<String> release(LocalDate asOf) {
        List<String> released = new ArrayList<>();
        List<JobExecution> running = new ArrayList<>();
        for (RunKind kind : RunKind.values()) {
            running.addAll(repository.findRunningJobExecutions(kind.jobName()));
        }
        running.sort(Comparator.comparingLong(JobExecution::getId));
        for (JobExecution execution : running) {
            if (!asOf.equals(execution.getJobParameters().getLocalDate(CloseParameters.AS_OF))) {
                continue;
            }
            LocalDateTime now = LocalDateTime.now();
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStatus().isRunning()) {
                    step.setStatus(BatchStatus.FAILED);
                    step.setExitStatus(ExitStatus.FAILED.addExitDescription(KILLED));
                    step.setEndTime(now);
                    repository.update(step);
                }
            }
            execution.setStatus(BatchStatus.FAILED);
            execution.setExitStatus(ExitStatus.FAILED.addExitDescription(KILLED));
            execution.setEndTime(now);
            repository.update(execution);
            released.add("run " + execution.getJobParameters().getString(CloseParameters.RUN_ID) + " (execution " + execution.getId()
                    + ", started " + execution.getStartTime() + ") was left running: " + KILLED + "; marked failed, to be restarted");
        }
        return released;
    }
}
