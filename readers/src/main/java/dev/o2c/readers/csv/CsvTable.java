package dev.o2c.readers.csv;

import dev.o2c.domain.controls.Reject;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * A CSV file with a header row, read as a stream of {@link Row}s that know their
 * line number and raw text (CONTRACTS.md section 2: UTF-8, a header, columns in any
 * order, unknown columns ignored). A byte order mark is skipped; bytes that are not
 * UTF-8 fail the file with the line where they stand.
 *
 * <p>Open with {@link #open}, iterate once, close. Not thread-safe.
 */
public final class CsvTable implements Iterable<CsvTable.Row>, SourceTable {

    private final String name;
    private final RawTextReader raw;
    private final CSVParser parser;
    private final Map<String, Integer> columns;
    private final int skippedLines;
    private boolean iterated;

    private CsvTable(String name, RawTextReader raw, CSVParser parser, Map<String, Integer> columns, int skippedLines) {
        this.name = name;
        this.skippedLines = skippedLines;
        this.raw = raw;
        this.parser = parser;
        this.columns = columns;
    }

    /**
     * Opens {@code file}, reads its header and checks that every required column is there.
     *
     * @param name how the file is named in messages (its path within the input directory)
     * @throws InputFormatException for a missing file, an empty one, or a required column absent
     */
    public static CsvTable open(Path file, String name, char delimiter, List<String> requiredColumns) {
        return open(file, name, delimiter, StandardCharsets.UTF_8, requiredColumns);
    }

    /**
     * Opens a file in another encoding: UTF-8 is decoded strictly (a bad byte fails the file at
     * its line); a single-byte encoding such as windows-1252 or ISO-8859-1 decodes every byte.
     */
    public static CsvTable open(Path file, String name, char delimiter, Charset charset, List<String> requiredColumns) {
        return open(file, name, delimiter, charset, 0, requiredColumns);
    }

    /**
     * Opens a file whose header follows {@code skipLines} lines of title (report name, date,
     * selection) that ERPs print above their exports; line numbers still count from the top.
     */
    public static CsvTable open(Path file, String name, char delimiter, Charset charset, int skipLines, List<String> requiredColumns) {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(name, "file not found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return open(in, name, delimiter, charset, skipLines, requiredColumns);
    }

    private static CsvTable open(InputStream in, String name, char delimiter, Charset charset, int skipLines,
                                 List<String> requiredColumns) {
        Reader decoder = charset.equals(StandardCharsets.UTF_8) ? new StrictUtf8Reader(in) : new java.io.InputStreamReader(in, charset);
        Reader text = new ByteOrderMarkSkipper(decoder);
        try {
            for (int i = 0; i < skipLines; i++) {
                int c;
                while ((c = text.read()) != -1 && c != '\n') {
                    // a title line: not data
                }
                if (c == -1) {
                    throw new InputFormatException(name, i + 1, "the file ends before its header (line " + (skipLines + 1) + ")");
                }
            }
        } catch (CharacterCodingException e) {
            throw new InputFormatException(name, "not valid UTF-8 in the first " + skipLines + " lines");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RawTextReader raw = new RawTextReader(text, name, skipLines);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .setAllowMissingColumnNames(true)
                .get();
        try {
            CSVParser parser = CSVParser.builder().setReader(raw).setFormat(format).get();
            Map<String, Integer> columns = new LinkedHashMap<>();
            List<String> names = parser.getHeaderNames();
            if (names.isEmpty()) {
                parser.close();
                throw new InputFormatException(name, skipLines + 1, "no header row");
            }
            for (int i = 0; i < names.size(); i++) {
                columns.putIfAbsent(normalise(names.get(i)), i);
            }
            List<String> missing = MissingColumns.of(requiredColumns, columns.keySet());
            if (!missing.isEmpty()) {
                parser.close();
                throw new InputFormatException(name, skipLines + 1, MissingColumns.message(missing, MissingColumns.unclaimed(columns.keySet(), requiredColumns)));
            }
            return new CsvTable(name, raw, parser, columns, skipLines);
        } catch (CharacterCodingException e) {
            throw new InputFormatException(name, raw.currentLine() + skipLines, "not valid UTF-8");
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new InputFormatException(name, skipLines + 1, "unreadable header: " + e.getMessage());
        }
    }

    /**
     * Checks a file's header alone: it exists, is UTF-8, and names every required column.
     * Reads the first line only, so a problem further down is left to the load, which
     * reports it with its line.
     *
     * @throws InputFormatException naming the file and what is wrong
     */
    public static void checkHeader(Path file, String name, char delimiter, List<String> requiredColumns) {
        byte[] firstLine;
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
            }
            firstLine = line.toByteArray();
        } catch (NoSuchFileException e) {
            throw new InputFormatException(name, "file not found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        open(new java.io.ByteArrayInputStream(firstLine), name, delimiter, StandardCharsets.UTF_8, 0, requiredColumns).close();
    }

    /**
     * The column names of a file's header, as written (trimmed), read from its first line only.
     *
     * @throws InputFormatException when the header cannot be read
     */
    public static List<String> header(Path file, String name, char delimiter, Charset charset) {
        return header(file, name, delimiter, charset, 0);
    }

    /** The column names of the header that follows {@code skipLines} title lines. */
    public static List<String> header(Path file, String name, char delimiter, Charset charset, int skipLines) {
        byte[] top = firstLines(file, name, skipLines + 1);
        try (CsvTable t = open(new java.io.ByteArrayInputStream(top), name, delimiter, charset, skipLines, List.of())) {
            return t.parser.getHeaderNames().stream().map(String::trim).toList();
        }
    }

    /** The first lines of a file, at most 64 KiB of them: a header is never longer. */
    public static byte[] firstLines(Path file, String name, int lines) {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            int b;
            int seen = 0;
            while ((b = in.read()) != -1 && line.size() < 65536) {
                if (b == '\n' && ++seen == lines) {
                    break;
                }
                line.write(b);
            }
            return line.toByteArray();
        } catch (NoSuchFileException e) {
            throw new InputFormatException(name, "file not found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalise(String header) {
        return header.trim().toLowerCase(Locale.ROOT);
    }

    public String name() {
        return name;
    }

    public boolean hasColumn(String column) {
        return columns.containsKey(column);
    }

    @Override
    public Iterator<Row> iterator() {
        if (iterated) {
            throw new IllegalStateException(name + " can be iterated once");
        }
        iterated = true;
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            private CSVRecord pending = advance(records);

            @Override
            public boolean hasNext() {
                return pending != null;
            }

            @Override
            public Row next() {
                if (pending == null) {
                    throw new NoSuchElementException();
                }
                CSVRecord current = pending;
                long line = raw.lineOf(current.getCharacterPosition()) + skippedLines;
                pending = advance(records);
                long end = pending != null ? pending.getCharacterPosition() : Long.MAX_VALUE;
                String text = raw.text(current.getCharacterPosition(), end);
                // The parser's position of a record that follows blank lines is that of the blank lines.
                int skip = 0;
                while (skip < text.length() && (text.charAt(skip) == '\n' || text.charAt(skip) == '\r')) {
                    if (text.charAt(skip) == '\n') {
                        line++;
                    }
                    skip++;
                }
                raw.release(current.getCharacterPosition());
                return new Row(current, line, stripLineBreaks(text.substring(skip)));
            }
        };
    }

    private CSVRecord advance(Iterator<CSVRecord> records) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new InputFormatException(name, raw.currentLine() + skippedLines, "not valid UTF-8");
            }
            throw new InputFormatException(name, parser.getCurrentLineNumber() + skippedLines, "unreadable CSV: " + e.getCause().getMessage());
        } catch (IllegalStateException e) {
            throw new InputFormatException(name, parser.getCurrentLineNumber() + skippedLines, "unreadable CSV: " + e.getMessage());
        }
    }

    private static String stripLineBreaks(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterator<SourceRow> rows() {
        return (Iterator<SourceRow>) (Iterator<?>) iterator();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One record: its values by column name, its line and raw text. */
    public final class Row implements SourceRow {
        private final CSVRecord record;
        private final long line;
        private final String rawText;

        private Row(CSVRecord record, long line, String rawText) {
            this.record = record;
            this.line = line;
            this.rawText = rawText;
        }

        @Override
        public long line() {
            return line;
        }

        @Override
        public String shapeProblem() {
            return isConsistent() ? null : "expected " + expectedSize() + " fields as in the header, found " + size();
        }

        @Override
        public String raw() {
            return rawText;
        }

        /** The number of fields against the header's. */
        public boolean isConsistent() {
            return record.size() == parser.getHeaderNames().size();
        }

        public int size() {
            return record.size();
        }

        public int expectedSize() {
            return parser.getHeaderNames().size();
        }

        /** The trimmed value of a column, or null when the column is absent or the value blank. */
        @Override
        public String get(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= record.size()) {
                return null;
            }
            String value = record.get(index).trim();
            return value.isEmpty() ? null : value;
        }


        public List<String> values() {
            return new ArrayList<>(record.toList());
        }
    }
}
