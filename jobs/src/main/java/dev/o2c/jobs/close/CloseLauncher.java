package dev.o2c.jobs.close;

import dev.o2c.domain.money.MissingFxRateException;
import dev.o2c.jobs.O2cProperties;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts a close, or finishes one: the same command after a failure restarts the failed
 * job instance from the step that failed; after a success it starts a new attempt
 * (which publishes the same bytes again). A run still marked as running is refused.
 */
@Component
public class CloseLauncher {

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job closeJob;
    private final O2cProperties properties;

    CloseLauncher(JobOperator operator, JobRepository repository, Job closeJob, O2cProperties properties) {
        this.operator = operator;
        this.repository = repository;
        this.closeJob = closeJob;
        this.properties = properties;
    }

    public CloseOutcome run(LocalDate asOf, Path input, Path out, List<InputFileRef> files) throws Exception {
        Map<String, String> shaByName = new LinkedHashMap<>();
        files.forEach(f -> shaByName.put(f.name(), f.sha256()));
        String runId = RunIdentity.runId(asOf, properties.asParameters(), shaByName);
        JobExecution execution = null;
        for (long attempt = 1; execution == null; attempt++) {
            CloseParameters params = new CloseParameters(runId, asOf, input, out, attempt);
            JobExecution last = repository.getLastJobExecution(CloseJobConfiguration.JOB, params.toJobParameters());
            if (last == null) {
                execution = operator.start(closeJob, params.toJobParameters());
            } else if (last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED) {
                execution = operator.restart(last);
            } else if (last.getStatus().isRunning()) {
                return new CloseOutcome(1, runId, last.getId(), out, List.of("run " + runId + " (execution " + last.getId()
                        + ") is marked as running since " + last.getStartTime() + "; if no o2c process is running it was killed:"
                        + " mark it abandoned in the job repository, then run the same command again"));
            }
        }
        return outcome(runId, execution, out);
    }

    private static CloseOutcome outcome(String runId, JobExecution execution, Path out) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            Object passed = execution.getExecutionContext().get(PublishTasklet.CONTROLS_PASSED);
            String failed = execution.getExecutionContext().getString(PublishTasklet.CONTROLS_FAILED_NAMES, "");
            return new CloseOutcome(Boolean.TRUE.equals(passed) ? 0 : 3, runId, execution.getId(), out,
                    failed.isEmpty() ? List.of() : failed.lines().map(l -> "control failed: " + l).toList());
        }
        List<String> errors = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>(execution.getAllFailureExceptions());
        for (Throwable t : failures) {
            Throwable cause = rootOf(t);
            if (cause instanceof InputFilesFailedException f) {
                errors.addAll(f.failures());
            } else if (cause instanceof MissingFxRateException || cause instanceof IllegalStateException
                    || cause instanceof IllegalArgumentException) {
                errors.add(cause.getMessage());
            } else {
                errors.add(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
        }
        if (errors.isEmpty()) {
            errors.add("run " + runId + " ended " + execution.getStatus() + " (" + execution.getExitStatus().getExitDescription() + ")");
        }
        return new CloseOutcome(1, runId, execution.getId(), out, errors.stream().distinct().toList());
    }

    private static Throwable rootOf(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof InputFilesFailedException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
