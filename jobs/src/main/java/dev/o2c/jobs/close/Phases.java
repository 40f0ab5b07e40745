package dev.o2c.jobs.close;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a step's time goes, phase by phase, for whoever measures a close
 * ({@code O2C_JAVA_OPTS=-Do2c.trace.phases=true}): one log line a phase with its wall time.
 * Off by default, and then free.
 */
final class Phases {

    private static final Logger LOG = LoggerFactory.getLogger("dev.o2c.phases");
    private static final boolean ON = Boolean.getBoolean("o2c.trace.phases");

    private final String step;
    private long since = System.nanoTime();

    Phases(String step) {
        this.step = step;
    }

    /** The phase that has just ended. */
    void done(String phase) {
        if (ON) {
            long now = System.nanoTime();
            LOG.info("step={} phase={} ms={}", step, phase, (now - since) / 1_000_000);
            since = now;
        }
    }
}
