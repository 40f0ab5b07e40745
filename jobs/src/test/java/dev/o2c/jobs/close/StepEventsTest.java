package dev.o2c.jobs.close;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.step.StepExecution;

class StepEventsTest {

    private static StepExecution loadStep() {
        var params = new CloseParameters("close-2025-10-31-abc", LocalDate.of(2025, 10, 31), Path.of("in"), Path.of("out"), 1)
                .toJobParameters();
        StepExecution step = new StepExecution(7, "load", new JobExecution(3, new JobInstance(1, RunKind.CLOSE.jobName()), params));
        step.setStartTime(LocalDateTime.of(2025, 11, 1, 2, 0, 0));
        step.setEndTime(LocalDateTime.of(2025, 11, 1, 2, 0, 4));
        step.setReadCount(12_000);
        step.setWriteCount(11_990);
        step.setReadSkipCount(10);
        step.setStatus(BatchStatus.COMPLETED);
        return step;
    }

    @Test
    void aPersonAtATerminalReadsTheStepItsRecordsAndItsRate() {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        StepEvents events = new StepEvents(true, new PrintStream(screen, true, StandardCharsets.UTF_8));
        StepExecution step = loadStep();
        events.beforeStep(step);
        events.afterStep(step);
        assertThat(screen.toString(StandardCharsets.UTF_8)).isEqualTo("o2c: load      started\n"
                + "o2c: load      completed in 4.0 s: 12,000 read, 11,990 written, 10 rejected (3,000 records/s)\n");
    }

    @Test
    void unattendedEachEventIsOneStructuredLogLine() {
        Logger log = (Logger) LoggerFactory.getLogger("dev.o2c.steps");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try {
            StepEvents events = new StepEvents(false, System.err);
            StepExecution step = loadStep();
            events.beforeStep(step);
            events.afterStep(step);
        } finally {
            log.detachAppender(lines);
        }
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "event=step_start run=close-2025-10-31-abc execution=3 step=load",
                "event=step_end run=close-2025-10-31-abc execution=3 step=load status=COMPLETED read=12000 written=11990 rejected=10"
                        + " duration_ms=4000 records_per_s=3000");
    }
}
