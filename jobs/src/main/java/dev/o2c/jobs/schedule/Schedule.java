package dev.o2c.jobs.schedule;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What the {@code o2c schedule} command asks of this package: the plan, or the service itself. */
public final class Schedule {

    private Schedule() {
    }

    /** The next {@code count} runs after {@code from}, in the schedule's zone. */
    public static List<Fire> plan(ScheduleSettings settings, ZonedDateTime from, int count) {
        return new SchedulePlan(settings).next(from.withZoneSameInstant(settings.zoneId()), count);
    }

    /**
     * Runs the schedule until the process is told to stop (SIGTERM, Ctrl-C): each run in a process of its own
     * with the given store arguments; says each event on {@code out}.
     */
    public static void runUntilStopped(ScheduleSettings settings, Clock clock, List<String> storeArguments,
                                       FinishedRuns history, PrintWriter out) {
        Scheduler scheduler = new Scheduler(settings, clock, new ProcessRunner(storeArguments), history, Scheduler::sleep, out);
        CountDownLatch ended = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            scheduler.stop();
            try {
                ended.await(60, TimeUnit.SECONDS); // the loop ends, a run in progress asked to stop first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "o2c-schedule-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            scheduler.run();
        } finally {
            ended.countDown();
        }
    }
}
