package dev.o2c.jobs.close;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Named places in the middle of the close's and the nightly run's steps where the crash tests kill it. A process
 * started with {@code O2C_TEST_PAUSE_AT=NAME} writes {@code NAME} to the file named by
 * {@code O2C_TEST_PAUSE_MARKER} on reaching that place and waits there to be killed; without
 * that variable (every real run) a pause point does nothing.
 */
final class PausePoint {

    static final String AFTER_FIRST_FILE = "load:after-first-file";
    static final String AFTER_ALLOCATIONS = "reconcile:after-allocations";
    static final String AFTER_OPEN_ITEMS = "compute:after-open-items";
    static final String AFTER_AGING_CSV = "publish:after-aging-csv";
    static final String AFTER_DAILY_CSV = "report:after-cash-application-csv";

    private static final String AT = System.getenv("O2C_TEST_PAUSE_AT");

    private PausePoint() {
    }

    static void reached(String name) {
        if (AT == null || !AT.equals(name)) {
            return;
        }
        try {
            Files.writeString(Path.of(System.getenv("O2C_TEST_PAUSE_MARKER")), name);
            while (true) {
                Thread.sleep(60_000); // until killed
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at pause point " + name, e);
        }
    }
}
