package dev.o2c.readers.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A date of a row reads as {@link LocalDate#parse} reads it, the common YYYY-MM-DD by a quicker path. */
class FieldsDateTest {

    private static SourceRow row(String value) {
        return new SourceRow() {
            @Override
            public long line() {
                return 7;
            }

            @Override
            public String raw() {
                return value;
            }

            @Override
            public String get(String column) {
                return value;
            }
        };
    }

    @Test
    void plainDatesAndTheirEdgesReadAsTheIsoParserReadsThem() {
        List<String> values = new ArrayList<>(List.of("2024-02-29", "2023-02-29", "2025-02-30", "2024-13-01", "2024-00-10",
                "2024-04-31", "2024-12-31", "0000-01-01", "9999-12-31", "2024-1-01", "2024/01/01", "20240101", "2024-01-0a",
                "+12024-01-01", "-0001-01-01", "2024-01-01 ", "２０２４-01-01", "2024-01-01T00:00"));
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            values.add(String.format("%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(14), random.nextInt(33)));
        }
        for (String value : values) {
            LocalDate expected;
            try {
                expected = LocalDate.parse(value);
            } catch (DateTimeException e) {
                expected = null;
            }
            if (expected == null) {
                assertThatThrownBy(() -> Fields.date(row(value), "invoice_date")).as(value)
                        .isInstanceOf(RowRejectedException.class).hasMessage("invoice_date '" + value + "' is not a date YYYY-MM-DD");
            } else {
                assertThat(Fields.date(row(value), "invoice_date")).as(value).isEqualTo(expected);
            }
        }
    }
}
