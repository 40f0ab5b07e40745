package dev.o2c.jobs.schedule;

import dev.o2c.domain.calendar.BusinessCalendar;
import dev.o2c.jobs.close.RunKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * When each run falls. The nightly runs at every time its cron expression gives and reports the
 * day before. The close runs on business day N after each month's end, at the first time its cron
 * expression gives on that day, and closes the month that ended.
 */
final class SchedulePlan {

    /** How far ahead a close day is looked for before its cron expression is judged never to fire on one. */
    private static final int MONTHS_AHEAD = 24;

    /** Earliest first; at the same instant the nightly (it loads what the close will read) before the close. */
    private static final Comparator<Fire> ORDER = Comparator.comparing((Fire f) -> f.at().toInstant())
            .thenComparing(f -> f.kind() == RunKind.NIGHTLY ? 0 : 1);

    private final ScheduleSettings settings;
    private final BusinessCalendar calendar;

    SchedulePlan(ScheduleSettings settings) {
        this.settings = settings;
        this.calendar = settings.businessCalendar();
    }

    /** The runs after {@code after}, earliest first, up to {@code count}; at the same time, the nightly first. */
    List<Fire> next(ZonedDateTime after, int count) {
        List<Fire> fires = new ArrayList<>();
        for (RunKind kind : RunKind.values()) {
            ZonedDateTime t = after;
            for (int i = 0; i < count; i++) {
                Optional<Fire> f = nextOf(kind, t);
                if (f.isEmpty()) {
                    break;
                }
                fires.add(f.get());
                t = f.get().at();
            }
        }
        fires.sort(ORDER);
        return List.copyOf(fires.subList(0, Math.min(count, fires.size())));
    }

    /** The first run strictly after {@code after}. */
    Optional<Fire> next(ZonedDateTime after) {
        return java.util.stream.Stream.of(nextOf(RunKind.NIGHTLY, after), nextOf(RunKind.CLOSE, after))
                .flatMap(Optional::stream).min(ORDER);
    }

    /**
     * What was due at or before {@code now} and may not have run: the latest nightly (within the last
     * day), and the close of the latest month once its day has come (within that month).
     */
    List<Fire> latestDue(ZonedDateTime now) {
        List<Fire> due = new ArrayList<>();
        if (settings.nightlyEnabled()) {
            Optional<Fire> latest = Optional.empty();
            for (Optional<Fire> f = nextOf(RunKind.NIGHTLY, now.minusDays(1)); f.isPresent() && !f.get().at().isAfter(now);
                 f = nextOf(RunKind.NIGHTLY, f.get().at())) {
                latest = f;
            }
            latest.ifPresent(due::add);
        }
        if (settings.closeEnabled()) {
            YearMonth closed = YearMonth.from(now.toLocalDate()).minusMonths(1);
            LocalDate day = calendar.closeDay(closed, settings.closeBusinessDay());
            Optional<ZonedDateTime> at = firstOn(settings.closeCron(), day, now.minusYears(1));
            if (at.isPresent() && !at.get().isAfter(now)) {
                due.add(fire(RunKind.CLOSE, closed.atEndOfMonth(), at.get()));
            }
        }
        return due;
    }

    private Optional<Fire> nextOf(RunKind kind, ZonedDateTime after) {
        if (kind == RunKind.NIGHTLY) {
            if (!settings.nightlyEnabled()) {
                return Optional.empty();
            }
            ZonedDateTime at = settings.nightlyCron().next(after.withZoneSameInstant(settings.zoneId()));
            return Optional.ofNullable(at).map(t -> fire(RunKind.NIGHTLY, t.toLocalDate().minusDays(1), t));
        }
        if (!settings.closeEnabled()) {
            return Optional.empty();
        }
        ZonedDateTime local = after.withZoneSameInstant(settings.zoneId());
        // the month whose close day may still come: the one before this month, then this one, ...
        for (YearMonth month = YearMonth.from(local.toLocalDate()).minusMonths(1);
             month.isBefore(YearMonth.from(local.toLocalDate()).plusMonths(MONTHS_AHEAD)); month = month.plusMonths(1)) {
            LocalDate day = calendar.closeDay(month, settings.closeBusinessDay());
            if (day.isBefore(local.toLocalDate())) {
                continue;
            }
            Optional<ZonedDateTime> at = firstOn(settings.closeCron(), day, local);
            if (at.isPresent()) {
                return Optional.of(fire(RunKind.CLOSE, month.atEndOfMonth(), at.get()));
            }
        }
        return Optional.empty();
    }

    /** The first time {@code cron} gives on {@code day}, after {@code after}. */
    private Optional<ZonedDateTime> firstOn(CronExpression cron, LocalDate day, ZonedDateTime after) {
        ZonedDateTime dayStart = day.atStartOfDay(settings.zoneId());
        ZonedDateTime from = after.isAfter(dayStart) ? after : dayStart.minusNanos(1);
        ZonedDateTime at = cron.next(from);
        return at != null && at.toLocalDate().equals(day) ? Optional.of(at) : Optional.empty();
    }

    private Fire fire(RunKind kind, LocalDate asOf, ZonedDateTime at) {
        ScheduleSettings.Job nightly = settings.nightly();
        ScheduleSettings.CloseJob close = settings.close();
        String input = kind == RunKind.NIGHTLY ? nightly.input() : close.input();
        String out = kind == RunKind.NIGHTLY ? nightly.out() : close.out();
        return new Fire(kind, asOf, at, Path.of(input.trim()), Path.of(out.trim()).resolve(asOf.toString()));
    }
}
