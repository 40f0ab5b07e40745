package dev.o2c.jobs.close;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Says when each step of a close starts and ends. With nobody watching (cron, a scheduler, a
 * pipe) one structured log line per event, {@code key=value}, for a log collector to parse; on
 * a terminal a line a person reads: the step, its records and records per second.
 */
final class StepEvents implements StepExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger("dev.o2c.steps");

    private final boolean terminal;
    private final PrintStream screen;

    StepEvents(boolean terminal, PrintStream screen) {
        this.terminal = terminal;
        this.screen = screen;
    }

    /** On a terminal when both ends of the console are (System.console() says so); else to the log. */
    static StepEvents forThisProcess() {
        return new StepEvents(System.console() != null, System.err);
    }

    @Override
    public void beforeStep(StepExecution step) {
        StepProgress.get().begin(step.getStepName());
        String run = step.getJobExecution().getJobParameters().getString(CloseParameters.RUN_ID);
        if (terminal) {
            screen.printf(Locale.ROOT, "o2c: %-9s started%n", step.getStepName());
        } else {
            LOG.info("event=step_start run={} execution={} step={}", run, step.getJobExecutionId(), step.getStepName());
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        StepProgress.get().end();
        String run = step.getJobExecution().getJobParameters().getString(CloseParameters.RUN_ID);
        StepSummary s = StepSummary.of(step);
        long records = Math.max(s.read(), s.written());
        double seconds = Math.max(s.duration().toMillis(), 1) / 1000.0;
        long perSecond = Math.round(records / seconds);
        if (terminal) {
            screen.printf(Locale.ROOT, "o2c: %-9s %s in %s: %,d read, %,d written, %,d rejected (%,d records/s)%n", s.step(),
                    s.status().toLowerCase(Locale.ROOT), seconds(s.duration()), s.read(), s.written(), s.rejected(), perSecond);
        } else {
            LOG.info("event=step_end run={} execution={} step={} status={} read={} written={} rejected={} duration_ms={} records_per_s={}",
                    run, step.getJobExecutionId(), s.step(), s.status(), s.read(), s.written(), s.rejected(), s.duration().toMillis(),
                    perSecond);
        }
        // Spring Batch's own report of a failed step is a stack trace (its logger is off in
        // logback-spring.xml); the operator gets one line per failure, a defect its stack trace too.
        for (Throwable failure : step.getFailureExceptions()) {
            for (String line : StepFailures.lines(step.getStepName(), failure)) {
                if (StepFailures.isDefect(step.getStepName(), failure)) {
                    LOG.error("event=step_failed run={} step={} error={}", run, step.getStepName(), line, failure);
                } else {
                    LOG.error("event=step_failed run={} step={} error={}", run, step.getStepName(), line);
                }
            }
        }
        return step.getExitStatus();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
