package dev.o2c.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final BusinessCalendar GERMAN_2026 = new BusinessCalendar(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26), LocalDate.of(2027, 1, 1)));

    @Test
    void aMonthEndingOnAFridayClosesOnTheThirdWorkingDayAfterTheWeekend() {
        // 2026-07-31 is a Friday: Mon 3, Tue 4, Wed 5 August
        assertThat(BusinessCalendar.weekdays().closeDay(YearMonth.of(2026, 7), 3)).isEqualTo(LocalDate.of(2026, 8, 5));
        assertThat(BusinessCalendar.weekdays().closeDay(YearMonth.of(2026, 7), 1)).isEqualTo(LocalDate.of(2026, 8, 3));
    }

    @Test
    void holidaysArePassedOverAcrossTheYearEnd() {
        // 2026-12-31 is a Thursday; 1 January is a holiday, then the weekend: Mon 4, Tue 5, Wed 6 January
        assertThat(GERMAN_2026.closeDay(YearMonth.of(2026, 12), 3)).isEqualTo(LocalDate.of(2027, 1, 6));
        assertThat(BusinessCalendar.weekdays().closeDay(YearMonth.of(2026, 12), 3)).isEqualTo(LocalDate.of(2027, 1, 5));
        // November's close, before Christmas, is not touched by it
        assertThat(GERMAN_2026.closeDay(YearMonth.of(2026, 11), 2)).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(GERMAN_2026.isBusinessDay(LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(GERMAN_2026.isBusinessDay(LocalDate.of(2026, 12, 24))).isTrue();
    }

    @Test
    void anotherWeekendIsHonoured() {
        BusinessCalendar gulf = new BusinessCalendar(List.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), List.of());
        // 2026-04-30 is a Thursday: Sunday 3 May is the first working day
        assertThat(gulf.closeDay(YearMonth.of(2026, 4), 1)).isEqualTo(LocalDate.of(2026, 5, 3));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> BusinessCalendar.weekdays().businessDayAfter(LocalDate.of(2026, 1, 31), 0))
                .hasMessageContaining("the first business day after is 1");
        assertThatThrownBy(() -> new BusinessCalendar(List.of(DayOfWeek.values()), List.of()))
                .hasMessageContaining("no working day");
    }
}
