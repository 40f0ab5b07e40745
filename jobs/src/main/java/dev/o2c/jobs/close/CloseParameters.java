package dev.o2c.jobs.close;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters of one close, as the job repository keeps them. The run id, the output
 * folder and the attempt identify a job instance; a failed instance is restarted with
 * the same three, a finished one is never run again (a new attempt is started instead).
 */
public record CloseParameters(String runId, LocalDate asOf, Path input, Path out, long attempt) {

    static final String RUN_ID = "run.id";
    static final String AS_OF = "as.of";
    static final String INPUT = "input.dir";
    static final String OUT = "out.dir";
    static final String ATTEMPT = "attempt";

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString(RUN_ID, runId)
                .addString(OUT, out.toAbsolutePath().normalize().toString())
                .addLong(ATTEMPT, attempt)
                .addLocalDate(AS_OF, asOf, false)
                .addString(INPUT, input.toAbsolutePath().normalize().toString(), false)
                .toJobParameters();
    }

    static CloseParameters of(Map<String, Object> jobParameters) {
        return new CloseParameters((String) jobParameters.get(RUN_ID), (LocalDate) jobParameters.get(AS_OF),
                Path.of((String) jobParameters.get(INPUT)), Path.of((String) jobParameters.get(OUT)),
                (Long) jobParameters.get(ATTEMPT));
    }
}
