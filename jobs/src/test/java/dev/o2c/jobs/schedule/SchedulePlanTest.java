package dev.o2c.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.jobs.close.RunKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulePlanTest {

    static ScheduleSettings settings(String nightlyCron, String closeCron, Integer businessDay, List<String> holidays) {
        return new ScheduleSettings("Europe/Berlin", new ScheduleSettings.Calendar(null, holidays),
                new ScheduleSettings.Job(true, nightlyCron, "/in", "/nightly"),
                new ScheduleSettings.CloseJob(true, businessDay, closeCron, "/in", "/close"), null, null).validate();
    }

    private static final ScheduleSettings DEFAULTS = settings(null, null, null,
            List.of("2026-12-25", "2026-12-26", "2027-01-01"));

    @Test
    void theNightlyRunsAtTwoEveryNightAndReportsTheDayBefore() {
        List<Fire> fires = new SchedulePlan(DEFAULTS).next(ZonedDateTime.parse("2026-11-22T12:00+01:00[Europe/Berlin]"), 2);
        assertThat(fires).extracting(f -> f.at().toOffsetDateTime().toString(), Fire::kind, Fire::asOf, Fire::out).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2026-11-23T02:00+01:00", RunKind.NIGHTLY, LocalDate.of(2026, 11, 22),
                        Path.of("/nightly/2026-11-22")),
                org.assertj.core.groups.Tuple.tuple("2026-11-24T02:00+01:00", RunKind.NIGHTLY, LocalDate.of(2026, 11, 23),
                        Path.of("/nightly/2026-11-23")));
    }

    @Test
    void theCloseFallsOnTheThirdBusinessDayAfterTheMonthsEndPastWeekendAndHolidays() {
        SchedulePlan plan = new SchedulePlan(DEFAULTS);
        Fire november = plan.next(ZonedDateTime.parse("2026-11-22T12:00+01:00[Europe/Berlin]"), 20).stream()
                .filter(f -> f.kind() == RunKind.CLOSE).findFirst().orElseThrow();
        // 2026-11-30 is a Monday: Tue 1, Wed 2, Thu 3 December
        assertThat(november.at()).isEqualTo(ZonedDateTime.parse("2026-12-03T06:00+01:00[Europe/Berlin]"));
        assertThat(november.asOf()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(november.out()).isEqualTo(Path.of("/close/2026-11-30"));
        // December: 1 January a holiday, then the weekend: Mon 4, Tue 5, Wed 6
        Fire december = plan.next(november.at(), 60).stream().filter(f -> f.kind() == RunKind.CLOSE).findFirst().orElseThrow();
        assertThat(december.at()).isEqualTo(ZonedDateTime.parse("2027-01-06T06:00+01:00[Europe/Berlin]"));
        assertThat(december.asOf()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void onTheCloseDayTheNightlyComesFirstAndTheCloseAtItsTime() {
        List<Fire> fires = new SchedulePlan(DEFAULTS).next(ZonedDateTime.parse("2026-12-03T00:00+01:00[Europe/Berlin]"), 3);
        assertThat(fires).extracting(Fire::kind).containsExactly(RunKind.NIGHTLY, RunKind.CLOSE, RunKind.NIGHTLY);
        // a close whose time of day has passed on its day waits for the next month's
        Fire next = new SchedulePlan(DEFAULTS).next(ZonedDateTime.parse("2026-12-03T07:00+01:00[Europe/Berlin]"), 40).stream()
                .filter(f -> f.kind() == RunKind.CLOSE).findFirst().orElseThrow();
        assertThat(next.asOf()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void aCloseExpressionThatNeverFiresOnACloseDayIsNeverPlanned() {
        // Sundays only: a close day is never a Sunday
        ScheduleSettings sundays = settings(null, "0 0 6 * * SUN", 1, List.of());
        assertThat(new SchedulePlan(sundays).next(ZonedDateTime.parse("2026-11-22T12:00+01:00[Europe/Berlin]"), 50))
                .allMatch(f -> f.kind() == RunKind.NIGHTLY);
    }

    @Test
    void whatIsDueIsTheLatestNightlyAndTheLatestMonthsCloseOnceItsDayHasCome() {
        SchedulePlan plan = new SchedulePlan(DEFAULTS);
        assertThat(plan.latestDue(ZonedDateTime.parse("2026-12-02T09:00+01:00[Europe/Berlin]")))
                .extracting(Fire::kind, Fire::asOf)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RunKind.NIGHTLY, LocalDate.of(2026, 12, 1)));
        assertThat(plan.latestDue(ZonedDateTime.parse("2026-12-09T01:00+01:00[Europe/Berlin]")))
                .extracting(Fire::kind, Fire::asOf)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RunKind.NIGHTLY, LocalDate.of(2026, 12, 7)),
                        org.assertj.core.groups.Tuple.tuple(RunKind.CLOSE, LocalDate.of(2026, 11, 30)));
    }

    @Test
    void badSettingsNameTheKeyTheValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> settings("every night", null, null, List.of()))
                .hasMessageStartingWith("o2c.schedule.nightly.cron: 'every night' is not allowed")
                .hasMessageContaining("allowed: a cron expression of six fields");
        assertThatThrownBy(() -> settings(null, null, 0, List.of()))
                .hasMessage("o2c.schedule.close.business-day: 0 is not allowed; allowed: 1 to 20 (business days after the month's end)");
        assertThatThrownBy(() -> settings(null, null, null, List.of("25.12.2026")))
                .hasMessage("o2c.schedule.calendar.holidays: '25.12.2026' is not a date; allowed: YYYY-MM-DD");
        assertThatThrownBy(() -> new ScheduleSettings("Mars/Olympus", null, null, null, null, null).validate())
                .hasMessageStartingWith("o2c.schedule.zone: 'Mars/Olympus' is not a time zone");
        assertThatThrownBy(() -> new ScheduleSettings(null, null, new ScheduleSettings.Job(true, null, null, "/out"), null, null, null)
                .validate()).hasMessageStartingWith("o2c.schedule.nightly.input: missing");
        assertThatThrownBy(() -> new ScheduleSettings(null, new ScheduleSettings.Calendar(List.of("Caturday"), null), null, null, null,
                null).validate()).hasMessageStartingWith("o2c.schedule.calendar.weekend: 'Caturday' is not a day");
    }
}
