package dev.o2c.writers.out;

import dev.o2c.domain.text.CellText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one of our CSV outputs: RFC 4180 (comma, CRLF, quotes where needed), UTF-8
 * without a byte order mark. Text cells that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, tab or carriage return) get a leading apostrophe;
 * numbers and dates are written as they are, so {@code -12.30} stays a number.
 *
 * <p>Build a row with {@link #text}, {@link #number}, {@link #date}, then {@link #endRow}.
 * Not thread-safe.
 */
public final class SafeCsvPrinter implements AutoCloseable {

    private final CSVPrinter printer;
    private final List<String> row = new ArrayList<>();

    public SafeCsvPrinter(OutputStream out, String... header) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            this.printer = new CSVPrinter(writer, CSVFormat.RFC4180);
            printer.printRecord((Object[]) header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SafeCsvPrinter text(String value) {
        row.add(value == null ? "" : CellText.neutralise(value));
        return this;
    }

    public SafeCsvPrinter number(BigDecimal value) {
        row.add(value == null ? "" : value.toPlainString());
        return this;
    }

    public SafeCsvPrinter number(long value) {
        row.add(Long.toString(value));
        return this;
    }

    public SafeCsvPrinter date(LocalDate value) {
        row.add(value == null ? "" : value.toString());
        return this;
    }

    public void endRow() {
        try {
            printer.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        row.clear();
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
