package dev.o2c.jobs.close;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/** Finds a run's output folder from the job repository: the latest completed close with that run id. */
@Component
public class RunLookup {

    private final JobRepository repository;

    RunLookup(JobRepository repository) {
        this.repository = repository;
    }

    public Optional<Path> outputFolder(String runId) {
        return repository.findJobInstances(CloseJobConfiguration.JOB).stream()
                .map(repository::getJobExecutions)
                .flatMap(java.util.List::stream)
                .filter(e -> e.getStatus() == BatchStatus.COMPLETED)
                .filter(e -> runId.equals(e.getJobParameters().getString(CloseParameters.RUN_ID)))
                .max(Comparator.comparing(JobExecution::getId))
                .map(e -> Path.of(e.getJobParameters().getString(CloseParameters.OUT)));
    }
}
