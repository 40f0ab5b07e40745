package dev.o2c.jobs.close;

import dev.o2c.jobs.O2cProperties;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Starts a close or a nightly run, or finishes one: the same command after a failure restarts the failed
 * job instance from the step that failed; after a success it starts a new attempt
 * (which publishes the same bytes again). One run per as-of date at a time ({@link RunLock});
 * a run left marked as running by a killed process is marked failed and restarted.
 */
@Component
public class CloseLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(CloseLauncher.class);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Map<RunKind, Job> jobs;
    private final O2cProperties properties;
    private final RunLock runLock;
    private final InterruptedRuns interrupted;

    CloseLauncher(JobOperator operator, JobRepository repository, @Qualifier("closeJob") Job closeJob,
                  @Qualifier("nightlyJob") Job nightlyJob, O2cProperties properties, RunLock runLock, InterruptedRuns interrupted) {
        this.operator = operator;
        this.repository = repository;
        this.jobs = Map.of(RunKind.CLOSE, closeJob, RunKind.NIGHTLY, nightlyJob);
        this.properties = properties;
        this.runLock = runLock;
        this.interrupted = interrupted;
    }

    public CloseOutcome run(LocalDate asOf, Path input, Path out, List<InputFileRef> files) throws Exception {
        return run(RunKind.CLOSE, asOf, input, out, files, null);
    }

    public CloseOutcome run(LocalDate asOf, Path input, Path out, List<InputFileRef> files, String expectedRunId) throws Exception {
        return run(RunKind.CLOSE, asOf, input, out, files, expectedRunId);
    }

    /**
     * @param kind the close or the nightly run
     * @param expectedRunId the run this must be (a restart of it), or null for whichever the inputs make
     */
    public CloseOutcome run(RunKind kind, LocalDate asOf, Path input, Path out, List<InputFileRef> files, String expectedRunId)
            throws Exception {
        Map<String, String> shaByName = new LinkedHashMap<>();
        files.forEach(f -> shaByName.put(f.name(), f.sha256()));
        String runId = RunIdentity.runId(kind, asOf, properties.asParameters(), shaByName);
        if (expectedRunId != null && !expectedRunId.equals(runId)) {
            return new CloseOutcome(1, expectedRunId, -1, out, List.of("cannot restart run " + expectedRunId + ": its input files or"
                    + " settings changed since it started (they now make run " + runId + "); nothing was done; start a new run"
                    + " with o2c " + kind.jobName() + " instead"));
        }
        Optional<RunLock.Held> lock = runLock.tryAcquire(asOf);
        if (lock.isEmpty()) {
            return new CloseOutcome(1, runId, -1, out, List.of("a run as of " + asOf + " is already running (another o2c process"
                    + " holds its lock on the store); one run (close or nightly) per as-of date at a time: nothing was done, run it"
                    + " again when that one has ended"));
        }
        try (RunLock.Held held = lock.get()) {
            interrupted.release(asOf).forEach(LOG::warn);
            return launch(kind, runId, asOf, input, out);
        }
    }

    private CloseOutcome launch(RunKind kind, String runId, LocalDate asOf, Path input, Path out) throws Exception {
        JobExecution execution = null;
        for (long attempt = 1; execution == null; attempt++) {
            CloseParameters params = new CloseParameters(runId, asOf, input, out, attempt);
            JobExecution last = repository.getLastJobExecution(kind.jobName(), params.toJobParameters());
            if (last == null) {
                execution = operator.start(jobs.get(kind), params.toJobParameters());
            } else if (last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED) {
                execution = operator.restart(last);
            } else if (last.getStatus().isRunning()) {
                // cannot happen while the run lock is held (InterruptedRuns released it); said plainly if it does
                return new CloseOutcome(1, runId, last.getId(), out, List.of("run " + runId + " (execution " + last.getId()
                        + ") is marked as running since " + last.getStartTime() + " although no run holds its lock"));
            }
        }
        return outcome(runId, execution, out);
    }

    private static CloseOutcome outcome(String runId, JobExecution execution, Path out) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            Object passed = execution.getExecutionContext().get(PublishTasklet.CONTROLS_PASSED);
            String failed = execution.getExecutionContext().getString(PublishTasklet.CONTROLS_FAILED_NAMES, "");
            // each refused file's FILE:LINE: reason first, then the controls that failed
            List<String> lines = new ArrayList<>(execution.getExecutionContext().getString(LoadInputsTasklet.REFUSED_LINES, "").lines().toList());
            failed.lines().map(l -> "control failed: " + l).forEach(lines::add);
            return new CloseOutcome(Boolean.TRUE.equals(passed) ? 0 : 3, runId, execution.getId(), out, lines, steps(execution));
        }
        List<String> errors = new ArrayList<>();
        for (StepExecution step : execution.getStepExecutions().stream().sorted(java.util.Comparator.comparingLong(StepExecution::getId)).toList()) {
            for (Throwable t : step.getFailureExceptions()) {
                errors.addAll(StepFailures.lines(step.getStepName(), t));
            }
        }
        for (Throwable t : execution.getFailureExceptions()) {
            errors.addAll(StepFailures.lines("close", t));
        }
        if (errors.isEmpty()) {
            errors.add("run " + runId + " ended " + execution.getStatus() + " (" + execution.getExitStatus().getExitDescription() + ")");
        }
        return new CloseOutcome(1, runId, execution.getId(), out, errors.stream().distinct().toList(), steps(execution));
    }

    private static List<StepSummary> steps(JobExecution execution) {
        return execution.getStepExecutions().stream().sorted(java.util.Comparator.comparingLong(s -> s.getId())).map(StepSummary::of)
                .toList();
    }
}
