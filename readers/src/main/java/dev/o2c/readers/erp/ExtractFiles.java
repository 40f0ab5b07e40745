package dev.o2c.readers.erp;

import dev.o2c.readers.csv.CsvTable;
import dev.o2c.readers.csv.InputFormatException;
import dev.o2c.readers.csv.SourceRow;
import dev.o2c.readers.csv.SourceTable;
import dev.o2c.readers.csv.WrittenNumbers;
import dev.o2c.readers.xlsx.XlsxTable;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Opens an ERP extract (CSV or XLSX) through its mapping profile, as rows of our layout.
 * Also answers, from the top of a file alone, whether a profile's layout is the file's.
 */
public final class ExtractFiles {

    private ExtractFiles() {
    }

    /** Whether a file is a spreadsheet (by its name: the content of an .xlsx is a zip). */
    public static boolean isSpreadsheet(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /**
     * The rows of an extract as the generic layout has them.
     *
     * @throws InputFormatException when the file cannot be opened or lacks a column the profile needs
     */
    public static SourceTable open(Path file, String name, MappingProfile given) {
        // a layout exported in another language: the names its header gives the columns
        MappingProfile profile = given.alternatives().isEmpty() ? given : given.forHeader(header(file, name, given));
        List<String> required = profile.extract().requiredColumns().stream()
                .filter(f -> profile.columns().containsKey(f))
                .map(f -> profile.columns().get(f).toLowerCase(Locale.ROOT)).toList();
        SourceTable table;
        WrittenNumbers numbers;
        if (isSpreadsheet(name)) {
            table = XlsxTable.open(file, name, profile.skipLines(), required);
            numbers = profile.numbers(',');
        } else {
            char delimiter = delimiter(file, name, profile);
            table = CsvTable.open(file, name, delimiter, profile.encoding(), profile.skipLines(), required);
            numbers = profile.numbers(delimiter);
        }
        return profile.isGeneric() ? table : new Mapped(table, profile, numbers);
    }

    /** The column names of the file's header, as the profile would read it. */
    public static List<String> header(Path file, String name, MappingProfile profile) {
        if (isSpreadsheet(name)) {
            return XlsxTable.header(file, name, profile.skipLines());
        }
        return CsvTable.header(file, name, delimiter(file, name, profile), profile.encoding(), profile.skipLines());
    }

    private static char delimiter(Path file, String name, MappingProfile profile) {
        if (profile.delimiter() != null) {
            return profile.delimiter();
        }
        byte[] top = CsvTable.firstLines(file, name, profile.skipLines() + 1);
        String text = new String(top, profile.encoding());
        int lastBreak = text.lastIndexOf('\n');
        return profile.delimiterOf(lastBreak < 0 ? text : text.substring(lastBreak + 1));
    }

    /** A table whose rows are read through a profile. */
    private record Mapped(SourceTable table, MappingProfile profile, WrittenNumbers numbers) implements SourceTable {
        @Override
        public String name() {
            return table.name();
        }

        @Override
        public Iterator<SourceRow> rows() {
            Iterator<SourceRow> rows = table.rows();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public SourceRow next() {
                    return profile.map(rows.next(), numbers);
                }
            };
        }

        @Override
        public void close() {
            table.close();
        }
    }

}
