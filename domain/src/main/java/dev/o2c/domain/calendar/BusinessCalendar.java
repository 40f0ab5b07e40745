package dev.o2c.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The company's working days: every day but the weekend days and the listed holidays. The
 * month-end close runs on business day N after the month's end: with N = 3, a month ending on a
 * Friday closes on the following Wednesday, a holiday in between pushing it a day further.
 */
public final class BusinessCalendar {

    private final Set<DayOfWeek> weekend;
    private final Set<LocalDate> holidays;

    public BusinessCalendar(Collection<DayOfWeek> weekend, Collection<LocalDate> holidays) {
        this.weekend = weekend.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekend);
        this.holidays = new TreeSet<>(holidays);
        if (this.weekend.size() == DayOfWeek.values().length) {
            throw new IllegalArgumentException("a week with no working day: every day is a weekend day");
        }
    }

    /** Saturday and Sunday off, no holidays. */
    public static BusinessCalendar weekdays() {
        return new BusinessCalendar(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of());
    }

    public boolean isBusinessDay(LocalDate day) {
        return !weekend.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** The {@code n}th business day after {@code day} (not counting {@code day} itself); n ≥ 1. */
    public LocalDate businessDayAfter(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("business day " + n + ": the first business day after is 1");
        }
        LocalDate d = day;
        for (int counted = 0; counted < n; ) {
            d = d.plusDays(1);
            if (isBusinessDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /** The day {@code month}'s close falls on: business day {@code n} after its last day. */
    public LocalDate closeDay(YearMonth month, int n) {
        return businessDayAfter(month.atEndOfMonth(), n);
    }
}
