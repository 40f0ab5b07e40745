package dev.o2c.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.jobs.close.RunKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The schedule's loop on a clock the test moves: no waiting, every decision visible. */
class SchedulerTest {

    /** A clock that jumps to whatever the loop waits for. */
    private static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final StringWriter log = new StringWriter();
    private final List<String> ran = new ArrayList<>();

    /** Runs the loop until {@code runs} runs happened, each returning the next of {@code codes} (0 after). */
    private List<String> schedule(ScheduleSettings settings, String start, Set<String> finished, int runs, Integer... codes) {
        MovingClock clock = new MovingClock(Instant.parse(start));
        Deque<Integer> exits = new ArrayDeque<>(List.of(codes));
        Scheduler[] scheduler = new Scheduler[1];
        scheduler[0] = new Scheduler(settings, clock, fire -> {
            ran.add(clock.instant() + " " + fire.kind().jobName() + " " + fire.asOf());
            clock.now = clock.now.plus(Duration.ofMinutes(5)); // a run takes five minutes
            if (ran.size() >= runs) {
                scheduler[0].stop();
            }
            return exits.isEmpty() ? 0 : exits.pop();
        }, (kind, asOf) -> finished.contains(kind.jobName() + " " + asOf), (until, c) -> {
            if (until.isAfter(clock.now)) {
                clock.now = until;
            }
        }, new PrintWriter(log));
        scheduler[0].run();
        return ran;
    }

    private static final ScheduleSettings SETTINGS = SchedulePlanTest.settings(null, null, 3, List.of());

    @Test
    void atStartWhatIsDueAndNotDoneRunsFirstThenEachRunAtItsTime() {
        // Thursday 3 December 2026, 09:00 in Berlin: last night's nightly and November's close are due
        List<String> runs = schedule(SETTINGS, "2026-12-03T08:00:00Z", Set.of(), 4);
        assertThat(runs).containsExactly(
                "2026-12-03T08:00:00Z nightly 2026-12-02",
                "2026-12-03T08:05:00Z close 2026-11-30",
                "2026-12-04T01:00:00Z nightly 2026-12-03",
                "2026-12-05T01:00:00Z nightly 2026-12-04");
        assertThat(log.toString()).contains("event=schedule_catch_up kind=nightly as_of=2026-12-02",
                "event=schedule_catch_up kind=close as_of=2026-11-30", "event=schedule_next kind=nightly as_of=2026-12-03 out=\"/nightly/2026-12-03\" at=2026-12-04T02:00+01:00",
                "event=schedule_run_end kind=close as_of=2026-11-30 out=\"/close/2026-11-30\" attempt=1 exit=0 duration_ms=300000",
                "event=schedule_stopped");
    }

    @Test
    void whatIsDoneAlreadyIsNotRunAgain() {
        List<String> runs = schedule(SETTINGS, "2026-12-03T08:00:00Z", Set.of("nightly 2026-12-02", "close 2026-11-30"), 1);
        assertThat(runs).containsExactly("2026-12-04T01:00:00Z nightly 2026-12-03");
        assertThat(log.toString()).contains("event=schedule_done_already kind=nightly as_of=2026-12-02",
                "event=schedule_done_already kind=close as_of=2026-11-30");
    }

    @Test
    void aRunThatFailsIsTriedAgainAfterTheDelayAndThenGivenUp() {
        // exit 1 three times: the first try and two retries, fifteen minutes apart; then the next night's
        List<String> runs = schedule(SETTINGS, "2026-12-04T00:30:00Z", Set.of("nightly 2026-12-02", "close 2026-11-30"), 4, 1, 1, 1);
        assertThat(runs).containsExactly(
                "2026-12-04T01:00:00Z nightly 2026-12-03",
                "2026-12-04T01:20:00Z nightly 2026-12-03",
                "2026-12-04T01:40:00Z nightly 2026-12-03",
                "2026-12-05T01:00:00Z nightly 2026-12-04");
        assertThat(log.toString()).contains("event=schedule_retry kind=nightly as_of=2026-12-03", "event=schedule_gave_up kind=nightly"
                + " as_of=2026-12-03 out=\"/nightly/2026-12-03\" attempts=3");
    }

    @Test
    void onlyAFailureThatARestartCanMendIsRetried() {
        // exit 3 (a control failed) and 2 (configuration) are not retried: the same run would fail the same way
        List<String> runs = schedule(SETTINGS, "2026-12-04T00:30:00Z", Set.of("nightly 2026-12-02", "close 2026-11-30"), 2, 3, 2);
        assertThat(runs).containsExactly("2026-12-04T01:00:00Z nightly 2026-12-03", "2026-12-05T01:00:00Z nightly 2026-12-04");
    }

    @Test
    void aRunWhoseTimePassedWhileAnotherRanStartsLateRatherThanNever() {
        // a nightly at 01:00 and the close at 01:02 UTC on 3 December: the close starts when the nightly ends
        ScheduleSettings close = SchedulePlanTest.settings(null, "0 2 2 * * *", 3, List.of());
        List<String> runs = schedule(close, "2026-12-03T00:30:00Z", Set.of("nightly 2026-12-01", "close 2026-10-31"), 2);
        assertThat(runs).containsExactly("2026-12-03T01:00:00Z nightly 2026-12-02", "2026-12-03T01:05:00Z close 2026-11-30");
        assertThat(RunKind.of("close-2026-11-30-abc")).isEqualTo(RunKind.CLOSE);
    }
}
