package dev.o2c.jobs.schedule;

import dev.o2c.domain.calendar.BusinessCalendar;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;

/**
 * When {@code o2c schedule} runs what, under {@code o2c.schedule} in {@code config/application.yml}.
 * Checked at start of every command, like every setting: a bad value exits 2 naming the key, the
 * value and what is allowed. Not part of a run's parameters: moving the schedule changes no output.
 *
 * @param zone the time zone the cron expressions and dates are read in (default: the machine's)
 * @param calendar the company's weekend days and holidays, for the close's business day
 * @param nightly the nightly run
 * @param close the month-end close
 * @param retry how often a run that failed (exit 1) is tried again, and how long apart; the same
 *        command again restarts it from the step that failed
 * @param catchUp at start, run what is due and not done: the latest nightly, and the latest month's
 *        close once its day has come (default true); a run killed with the service is finished so
 */
@ConfigurationProperties(prefix = "o2c.schedule")
public record ScheduleSettings(String zone, Calendar calendar, Job nightly, CloseJob close, Retry retry, Boolean catchUp) {

    /** Spring's cron: six fields, second minute hour day-of-month month day-of-week. */
    static final String CRON_HELP = "a cron expression of six fields, second minute hour day-of-month month day-of-week,"
            + " e.g. \"0 0 2 * * *\" for 02:00 every day";

    /**
     * @param weekend the days no one works (default SATURDAY, SUNDAY)
     * @param holidays dates, YYYY-MM-DD
     */
    public record Calendar(List<String> weekend, List<String> holidays) {
    }

    /**
     * @param enabled off unless true
     * @param cron when it runs (default 02:00 every day); the nightly reports the day before
     * @param input the input directory
     * @param out where the outputs go: a folder per as-of date inside it
     */
    public record Job(Boolean enabled, String cron, String input, String out) {
    }

    /**
     * @param businessDay the close runs on this business day after the month's end (default 3)
     * @param cron at what time of that day (default 06:00): the first time the expression gives on it
     */
    public record CloseJob(Boolean enabled, Integer businessDay, String cron, String input, String out) {
    }

    /**
     * @param attempts tries of a failed run after the first (default 2)
     * @param delay the wait before each (default 15 minutes)
     */
    public record Retry(Integer attempts, Duration delay) {
    }

    public ScheduleSettings {
        calendar = calendar == null ? new Calendar(null, null) : calendar;
        nightly = nightly == null ? new Job(null, null, null, null) : nightly;
        close = close == null ? new CloseJob(null, null, null, null, null) : close;
        retry = retry == null ? new Retry(null, null) : retry;
        catchUp = catchUp == null || catchUp;
    }

    public static ScheduleSettings none() {
        return new ScheduleSettings(null, null, null, null, null, null);
    }

    public boolean nightlyEnabled() {
        return Boolean.TRUE.equals(nightly.enabled());
    }

    public boolean closeEnabled() {
        return Boolean.TRUE.equals(close.enabled());
    }

    public ZoneId zoneId() {
        return zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone.trim());
    }

    public CronExpression nightlyCron() {
        return CronExpression.parse(nightly.cron() == null ? "0 0 2 * * *" : nightly.cron());
    }

    public CronExpression closeCron() {
        return CronExpression.parse(close.cron() == null ? "0 0 6 * * *" : close.cron());
    }

    public int closeBusinessDay() {
        return close.businessDay() == null ? 3 : close.businessDay();
    }

    public int retryAttempts() {
        return retry.attempts() == null ? 2 : retry.attempts();
    }

    public Duration retryDelay() {
        return retry.delay() == null ? Duration.ofMinutes(15) : retry.delay();
    }

    public BusinessCalendar businessCalendar() {
        List<DayOfWeek> weekend = new ArrayList<>();
        for (String day : calendar.weekend() == null ? List.of("SATURDAY", "SUNDAY") : calendar.weekend()) {
            weekend.add(DayOfWeek.valueOf(day.trim().toUpperCase(Locale.ROOT)));
        }
        List<LocalDate> holidays = new ArrayList<>();
        for (String day : calendar.holidays() == null ? List.<String>of() : calendar.holidays()) {
            holidays.add(LocalDate.parse(day.trim()));
        }
        return new BusinessCalendar(weekend, holidays);
    }

    /** @throws IllegalArgumentException naming the key, the value and what is allowed */
    public ScheduleSettings validate() {
        try {
            zoneId();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("o2c.schedule.zone: '" + zone + "' is not a time zone; allowed: a region id such as"
                    + " Europe/Berlin or America/New_York, or UTC");
        }
        cron("o2c.schedule.nightly.cron", nightly.cron());
        cron("o2c.schedule.close.cron", close.cron());
        if (calendar.weekend() != null) {
            for (String day : calendar.weekend()) {
                try {
                    DayOfWeek.valueOf(String.valueOf(day).trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("o2c.schedule.calendar.weekend: '" + day + "' is not a day; allowed: MONDAY,"
                            + " TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY");
                }
            }
        }
        if (calendar.holidays() != null) {
            for (String day : calendar.holidays()) {
                try {
                    LocalDate.parse(String.valueOf(day).trim());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("o2c.schedule.calendar.holidays: '" + day + "' is not a date; allowed: YYYY-MM-DD");
                }
            }
        }
        try {
            businessCalendar();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("o2c.schedule.calendar.weekend: " + calendar.weekend() + ": " + e.getMessage());
        }
        if (closeBusinessDay() < 1 || closeBusinessDay() > 20) {
            throw new IllegalArgumentException("o2c.schedule.close.business-day: " + closeBusinessDay()
                    + " is not allowed; allowed: 1 to 20 (business days after the month's end)");
        }
        if (retryAttempts() < 0 || retryAttempts() > 10) {
            throw new IllegalArgumentException("o2c.schedule.retry.attempts: " + retryAttempts() + " is not allowed; allowed: 0 to 10");
        }
        if (retryDelay().isNegative()) {
            throw new IllegalArgumentException("o2c.schedule.retry.delay: " + retryDelay() + " is not allowed; allowed: 0s or more");
        }
        if (nightlyEnabled()) {
            folder("o2c.schedule.nightly.input", nightly.input());
            folder("o2c.schedule.nightly.out", nightly.out());
        }
        if (closeEnabled()) {
            folder("o2c.schedule.close.input", close.input());
            folder("o2c.schedule.close.out", close.out());
        }
        return this;
    }

    private static void cron(String key, String value) {
        if (value == null) {
            return;
        }
        try {
            CronExpression.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not allowed (" + e.getMessage() + "); allowed: " + CRON_HELP);
        }
    }

    private static void folder(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + ": missing; allowed: a folder path (the job is enabled)");
        }
        Path.of(value.trim());
    }
}
