package dev.o2c.jobs.close;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** The runs (closes and nightly runs) the job repository knows, one line per attempt (a restart is an attempt of its own), newest first. */
@Component
public class RunHistory {

    private final JobRepository repository;
    private final RunLock runLock;

    RunHistory(JobRepository repository, RunLock runLock) {
        this.repository = repository;
        this.runLock = runLock;
    }

    /**
     * One attempt of a run; its kind is the run id's first word ({@link RunKind#of}).
     *
     * @param status done, controls failed, failed, running, or interrupted (marked as running, but no process holds its lock:
     *        killed or crashed; the same close command or {@code o2c restart} finishes it)
     * @param loaded records loaded by the load step; {@code rejected} the records it rejected
     * @param allocations cash application rows; {@code openItems} aged open items; {@code files} outputs published
     */
    public record Attempt(String runId, long execution, LocalDate asOf, String status, LocalDateTime started, Duration duration,
                          long loaded, long rejected, long allocations, long openItems, long files, String out, String input) {
    }

    public List<Attempt> attempts(int newest) throws SQLException {
        List<JobExecution> executions = new ArrayList<>();
        for (RunKind kind : RunKind.values()) {
            repository.findJobInstances(kind.jobName()).forEach(i -> executions.addAll(repository.getJobExecutions(i)));
        }
        executions.sort(Comparator.comparingLong(JobExecution::getId).reversed());
        Map<LocalDate, Boolean> someoneRuns = new HashMap<>();
        List<Attempt> attempts = new ArrayList<>();
        for (JobExecution e : executions.subList(0, Math.min(newest, executions.size()))) {
            LocalDate asOf = e.getJobParameters().getLocalDate(CloseParameters.AS_OF);
            String status = status(e);
            if (status.equals("running") && !someoneRuns.computeIfAbsent(asOf, this::held)) {
                status = "interrupted";
            }
            Map<String, StepExecution> steps = new HashMap<>();
            e.getStepExecutions().forEach(s -> steps.put(s.getStepName(), s));
            LocalDateTime end = e.getEndTime() != null ? e.getEndTime() : LocalDateTime.now();
            attempts.add(new Attempt(e.getJobParameters().getString(CloseParameters.RUN_ID), e.getId(), asOf, status,
                    e.getStartTime(), e.getStartTime() == null ? Duration.ZERO : Duration.between(e.getStartTime(), end),
                    writes(steps.get("load")), skips(steps.get("load")), writes(steps.get(ReconcileTasklet.STEP)),
                    writes(steps.get(ComputeTasklet.STEP)),
                    writes(steps.get(PublishTasklet.STEP)) + writes(steps.get(DailyReportTasklet.STEP)),
                    e.getJobParameters().getString(CloseParameters.OUT), e.getJobParameters().getString(CloseParameters.INPUT)));
        }
        return attempts;
    }

    /** The newest attempt of {@code runId}. */
    public Optional<Attempt> last(String runId) throws SQLException {
        for (Attempt a : attempts(Integer.MAX_VALUE)) {
            if (a.runId().equals(runId)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The output folder of the newest finished attempt of {@code runId} (done, or finished with a failed control). */
    public Optional<Path> outputFolder(String runId) throws SQLException {
        for (Attempt a : attempts(Integer.MAX_VALUE)) {
            if (a.runId().equals(runId) && (a.status().equals("done") || a.status().equals("controls failed"))) {
                return Optional.of(Path.of(a.out()));
            }
        }
        return Optional.empty();
    }

    private static String status(JobExecution e) {
        if (e.getStatus() == BatchStatus.COMPLETED) {
            return Boolean.TRUE.equals(e.getExecutionContext().get(PublishTasklet.CONTROLS_PASSED)) ? "done" : "controls failed";
        }
        if (e.getStatus().isRunning()) {
            return "running";
        }
        return e.getStatus().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether a live process holds the close of {@code asOf} (its lock cannot be taken). */
    private boolean held(LocalDate asOf) {
        try {
            Optional<RunLock.Held> lock = runLock.tryAcquire(asOf);
            if (lock.isEmpty()) {
                return true;
            }
            lock.get().close();
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell whether the close of " + asOf + " is running: " + e.getMessage(), e);
        }
    }

    private static long writes(StepExecution s) {
        return s == null ? 0 : s.getWriteCount();
    }

    private static long skips(StepExecution s) {
        return s == null ? 0 : s.getReadSkipCount();
    }
}
