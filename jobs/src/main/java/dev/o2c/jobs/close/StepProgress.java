package dev.o2c.jobs.close;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The running step's progress on a terminal: one line, rewritten every second, with what is done
 * of how much, the rate and the time left at that rate (or the time spent, for a step that cannot
 * count its work). Steps say how much there is ({@link #expect}) and what they finished
 * ({@link #advance}); off a terminal nothing is printed (the step events are logged instead).
 */
final class StepProgress {

    private static final StepProgress PROCESS = new StepProgress(System.console() != null, System.err);

    private final boolean terminal;
    private final PrintStream screen;
    private final AtomicLong done = new AtomicLong();
    private volatile String step;
    private volatile long total = -1;
    private volatile String unit = "";
    private volatile long startNanos;
    private ScheduledExecutorService ticker;
    private ScheduledFuture<?> ticking;
    private int lastWidth;

    StepProgress(boolean terminal, PrintStream screen) {
        this.terminal = terminal;
        this.screen = screen;
    }

    /** This process's progress line. */
    static StepProgress get() {
        return PROCESS;
    }

    synchronized void begin(String stepName) {
        step = stepName;
        total = -1;
        unit = "";
        done.set(0);
        startNanos = System.nanoTime();
        if (terminal) {
            if (ticker == null) {
                ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "o2c-progress");
                    t.setDaemon(true);
                    return t;
                });
            }
            ticking = ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** How much work the step has, in {@code unit}s; 0 or less: from now on, not counted. */
    void expect(long amount, String unitName) {
        unit = unitName;
        total = amount;
    }

    void advance(long amount) {
        done.addAndGet(amount);
    }

    long done() {
        return done.get();
    }

    /** Sets what is done: after a part estimated as it went, the exact figure once it is over. */
    void doneAt(long amount) {
        done.set(amount);
    }

    /** Stops the line and clears it, for the step's closing event to take its place. */
    synchronized void end() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
        if (terminal && lastWidth > 0) {
            screen.print("\r" + " ".repeat(lastWidth) + "\r");
            screen.flush();
            lastWidth = 0;
        }
        step = null;
    }

    private synchronized void tick() {
        String name = step;
        if (name == null) {
            return;
        }
        String text = line(name, done.get(), total, unit, System.nanoTime() - startNanos);
        screen.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
        screen.flush();
        lastWidth = text.length();
    }

    /** "o2c: load      1,200 of 4,800 KB (400 KB/s, about 9 s left)", or the time spent when nothing is counted. */
    static String line(String step, long done, long total, String unit, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        if (total <= 0) {
            return String.format(Locale.ROOT, "o2c: %-9s running for %s", step, duration(seconds));
        }
        double rate = seconds > 0 ? done / seconds : 0;
        String left = rate > 0 ? "about " + duration((total - done) / rate) + " left" : "starting";
        return String.format(Locale.ROOT, "o2c: %-9s %,d of %,d %s (%,d %s/s, %s)", step, done, total, unit, Math.round(rate), unit, left);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }
}
