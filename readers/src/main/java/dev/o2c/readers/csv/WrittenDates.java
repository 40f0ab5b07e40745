package dev.o2c.readers.csv;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a layout writes its dates: one or more {@link DateTimeFormatter} patterns, tried in
 * order. Month names are English and case-insensitive ({@code 15-OCT-25} as Oracle writes
 * it); {@code yy} is 2000 to 2099; a date-time gives its date.
 */
public record WrittenDates(List<String> patterns) {

    /** Formatters by pattern, built once: a formatter is immutable and files have millions of dates. */
    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

    public WrittenDates {
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("give at least one date format");
        }
        patterns.forEach(WrittenDates::formatter);
    }

    public static WrittenDates of(String... patterns) {
        return new WrittenDates(List.of(patterns));
    }

    private static DateTimeFormatter formatter(String pattern) {
        return FORMATTERS.computeIfAbsent(pattern, p -> new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p)
                .toFormatter(Locale.ENGLISH));
    }

    /**
     * The date a text says.
     *
     * @throws RowRejectedException naming the column, the value and the formats
     */
    public LocalDate parse(String column, String text) {
        String t = text.strip();
        for (String pattern : patterns) {
            try {
                return LocalDate.from(formatter(pattern).parse(t));
            } catch (DateTimeParseException e) {
                // the next pattern
            }
        }
        throw new RowRejectedException(column + " '" + t + "' is not a date as " + String.join(" or ", patterns));
    }
}
