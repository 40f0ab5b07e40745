package dev.o2c.jobs.schedule;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * The schedule's loop: at start, what is due and not done (catch-up); then each run at its time,
 * one at a time, a run that failed (exit 1) tried again after the configured delay. A run whose
 * time passed while another ran starts late rather than never. Says what it does, one line per
 * event ({@code key=value}) on its output, for a journal or a log collector.
 */
final class Scheduler {

    /** Starts one run and waits for its exit code. */
    interface Runner {
        int run(Fire fire) throws InterruptedException;
    }

    /** Waits until a time, or until woken by {@link #stop}. */
    interface Sleeper {
        void sleepUntil(Instant until, Clock clock) throws InterruptedException;
    }

    static final int FAILED = 1;

    private final SchedulePlan plan;
    private final ScheduleSettings settings;
    private final Clock clock;
    private final Runner runner;
    private final FinishedRuns history;
    private final Sleeper sleeper;
    private final PrintWriter out;
    private volatile boolean stopped;
    private volatile Thread loop;

    Scheduler(ScheduleSettings settings, Clock clock, Runner runner, FinishedRuns history, Sleeper sleeper, PrintWriter out) {
        this.plan = new SchedulePlan(settings);
        this.settings = settings;
        this.clock = clock;
        this.runner = runner;
        this.history = history;
        this.sleeper = sleeper;
        this.out = out;
    }

    /** Runs until {@link #stop}, or until nothing is left to run (an expression that never fires again). */
    void run() {
        loop = Thread.currentThread();
        try {
            event("schedule_start", "zone=" + settings.zoneId()
                    + " nightly=" + (settings.nightlyEnabled() ? quoted(settings.nightly().cron() == null ? "0 0 2 * * *" : settings.nightly().cron()) : "off")
                    + " close=" + (settings.closeEnabled() ? "business_day_" + settings.closeBusinessDay() + "@"
                    + quoted(settings.close().cron() == null ? "0 0 6 * * *" : settings.close().cron()) : "off")
                    + " catch_up=" + settings.catchUp());
            ZonedDateTime cursor = now();
            if (settings.catchUp()) {
                for (Fire due : plan.latestDue(cursor)) {
                    if (stopped) {
                        return;
                    }
                    if (history.finished(due.kind(), due.asOf())) {
                        event("schedule_done_already", fields(due));
                    } else {
                        event("schedule_catch_up", fields(due) + " due_at=" + due.at().toOffsetDateTime());
                        execute(due);
                    }
                }
            }
            while (!stopped) {
                Optional<Fire> next = plan.next(cursor);
                if (next.isEmpty()) {
                    event("schedule_end", "reason=\"no run is ever due again\"");
                    return;
                }
                Fire fire = next.get();
                event("schedule_next", fields(fire) + " at=" + fire.at().toOffsetDateTime());
                sleeper.sleepUntil(fire.at().toInstant(), clock);
                if (stopped) {
                    break;
                }
                execute(fire);
                cursor = fire.at();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            event("schedule_stopped", "");
            loop = null;
        }
    }

    /** Ends the loop: at once while it waits; after the run in progress, which the caller stops or lets finish. */
    void stop() {
        stopped = true;
        Thread t = loop;
        if (t != null) {
            t.interrupt();
        }
    }

    boolean stopped() {
        return stopped;
    }

    private void execute(Fire fire) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            event("schedule_run_start", fields(fire) + " attempt=" + (attempt + 1));
            Instant started = clock.instant();
            int code = runner.run(fire);
            event("schedule_run_end", fields(fire) + " attempt=" + (attempt + 1) + " exit=" + code + " duration_ms="
                    + Duration.between(started, clock.instant()).toMillis());
            if (code != FAILED || attempt >= settings.retryAttempts() || stopped) {
                if (code == FAILED) {
                    event("schedule_gave_up", fields(fire) + " attempts=" + (attempt + 1)
                            + " next=\"o2c restart, or the same command, once the cause is mended\"");
                }
                return;
            }
            Instant retryAt = clock.instant().plus(settings.retryDelay());
            event("schedule_retry", fields(fire) + " at=" + retryAt);
            sleeper.sleepUntil(retryAt, clock);
            if (stopped) {
                return;
            }
        }
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock).withZoneSameInstant(settings.zoneId());
    }

    private static String fields(Fire fire) {
        return "kind=" + fire.kind().jobName() + " as_of=" + fire.asOf() + " out=" + quoted(fire.out().toString());
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "'") + "\"";
    }

    private void event(String name, String fields) {
        synchronized (out) {
            out.printf(Locale.ROOT, "%s event=%s%s%n", clock.instant(), name, fields.isEmpty() ? "" : " " + fields);
            out.flush();
        }
    }

    /** Sleeps in slices of at most a minute against the clock, so a suspended machine or a changed clock is noticed. */
    static void sleep(Instant until, Clock clock) throws InterruptedException {
        while (true) {
            long millis = Duration.between(clock.instant(), until).toMillis();
            if (millis <= 0) {
                return;
            }
            Thread.sleep(Math.min(millis, 60_000));
        }
    }
}
