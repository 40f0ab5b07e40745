package dev.o2c.readers.xlsx;

import com.ctc.wstx.stax.WstxInputFactory;
import dev.o2c.readers.csv.InputFormatException;
import dev.o2c.readers.csv.SourceRow;
import dev.o2c.readers.csv.SourceTable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * The first sheet of an XLSX workbook as rows under a header row, streamed: POI's event
 * API gives the sheet's XML, read here with StAX one row at a time, so memory holds the
 * shared strings and the styles, never the sheet. POI's zip-bomb limits stay as POI sets
 * them: a workbook that inflates beyond them is refused.
 *
 * <p>Cells are read as Excel holds them, not as it shows them: a number cell gives its
 * exact value as a plain decimal (rounded to Excel's 15 significant digits, so a stored
 * {@code 0.30000000000000004} is {@code 0.3}), a cell formatted as a date gives
 * {@code YYYY-MM-DD}; both are marked {@link SourceRow#typed typed}, so the profile's own
 * text formats do not apply to them. Text cells are taken as written.
 */
public final class XlsxTable implements SourceTable {

    private static final XMLInputFactory FACTORY = factory();
    private static final MathContext EXCEL_DIGITS = new MathContext(15);

    private final String name;
    private final OPCPackage pkg;
    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final Map<String, Integer> columns = new HashMap<>();
    private final int width;
    private final long headerRow;
    private boolean iterated;

    private XlsxTable(String name, OPCPackage pkg, InputStream sheet, XMLStreamReader xml, ReadOnlySharedStringsTable strings,
                      StylesTable styles, int skipRows, List<String> requiredColumns) throws XMLStreamException {
        this.name = name;
        this.pkg = pkg;
        this.sheet = sheet;
        this.xml = xml;
        this.strings = strings;
        this.styles = styles;
        Cells header = nextRow();
        while (header != null && (header.row <= skipRows || header.isBlank())) {
            header = nextRow();
        }
        if (header == null) {
            throw new InputFormatException(name, skipRows + 1, "no header row in the first sheet");
        }
        this.headerRow = header.row;
        for (int i = 0; i < header.values.length; i++) {
            if (header.values[i] != null) {
                columns.putIfAbsent(header.values[i].trim().toLowerCase(Locale.ROOT), i);
            }
        }
        this.width = header.values.length;
        java.util.List<String> missing = dev.o2c.readers.csv.MissingColumns.of(requiredColumns, columns.keySet());
        if (!missing.isEmpty()) {
            throw new InputFormatException(name, headerRow, dev.o2c.readers.csv.MissingColumns.message(missing,
                    dev.o2c.readers.csv.MissingColumns.unclaimed(columns.keySet(), requiredColumns)));
        }
    }

    /**
     * Opens a workbook and reads its header.
     *
     * @param skipRows rows above the header (titles), skipped
     * @throws InputFormatException for a file that is not a workbook, is refused as a zip bomb,
     *         has no header, or lacks a required column
     */
    public static XlsxTable open(Path file, String name, int skipRows, List<String> requiredColumns) {
        if (!Files.isRegularFile(file)) {
            throw new InputFormatException(name, "file not found");
        }
        OPCPackage pkg = null;
        InputStream sheet = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new InputFormatException(name, "the workbook has no sheet");
            }
            sheet = sheets.next();
            XMLStreamReader xml = FACTORY.createXMLStreamReader(sheet);
            return new XlsxTable(name, pkg, sheet, xml, strings, styles, skipRows, requiredColumns);
        } catch (InputFormatException e) {
            closeQuietly(pkg, sheet);
            throw e;
        } catch (Exception e) {
            // POI wraps what it refuses (zip bombs, not a zip, not OOXML) in several types
            closeQuietly(pkg, sheet);
            throw new InputFormatException(name, "not a readable XLSX workbook: " + firstLine(e));
        }
    }

    /** The header's column names, as written. */
    public static List<String> header(Path file, String name, int skipRows) {
        try (XlsxTable t = open(file, name, skipRows, List.of())) {
            String[] names = new String[t.width];
            t.columns.forEach((k, v) -> names[v] = k);
            return Arrays.stream(names).filter(java.util.Objects::nonNull).toList();
        }
    }

    private static String firstLine(Throwable e) {
        Throwable t = e;
        String message = t.getMessage();
        while ((message == null || message.isBlank()) && t.getCause() != null) {
            t = t.getCause();
            message = t.getMessage();
        }
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Iterator<SourceRow> rows() {
        if (iterated) {
            throw new IllegalStateException(name + " can be iterated once");
        }
        iterated = true;
        return new Iterator<>() {
            private Cells pending = advance();

            @Override
            public boolean hasNext() {
                return pending != null;
            }

            @Override
            public SourceRow next() {
                if (pending == null) {
                    throw new NoSuchElementException();
                }
                Cells current = pending;
                pending = advance();
                return new Row(current);
            }
        };
    }

    /** The next row that has a value: Excel keeps formatted empty rows, which are not records. */
    private Cells advance() {
        try {
            Cells row = nextRow();
            while (row != null && row.isBlank()) {
                row = nextRow();
            }
            return row;
        } catch (XMLStreamException e) {
            throw new InputFormatException(name, "unreadable sheet XML: " + firstLine(e));
        }
    }

    /** The cells of the next {@code <row>} of the sheet, or null at its end. */
    private Cells nextRow() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                return readRow();
            }
        }
        return null;
    }

    private Cells readRow() throws XMLStreamException {
        String r = xml.getAttributeValue(null, "r");
        long rowNumber = r == null ? -1 : Long.parseLong(r);
        List<String> values = new ArrayList<>();
        List<Boolean> typed = new ArrayList<>();
        int next = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                String ref = xml.getAttributeValue(null, "r");
                int column = ref == null ? next : columnIndex(ref);
                String type = xml.getAttributeValue(null, "t");
                String style = xml.getAttributeValue(null, "s");
                String[] value = cell(type, style);
                while (values.size() <= column) {
                    values.add(null);
                    typed.add(false);
                }
                values.set(column, value[0]);
                typed.set(column, value[1] != null);
                next = column + 1;
            }
        }
        Cells cells = new Cells();
        cells.row = rowNumber;
        cells.values = values.toArray(new String[0]);
        cells.typed = new boolean[typed.size()];
        for (int i = 0; i < typed.size(); i++) {
            cells.typed[i] = typed.get(i);
        }
        return cells;
    }

    /** A cell's text and, when it was a number or date cell, a marker in [1]. */
    private String[] cell(String type, String style) throws XMLStreamException {
        String raw = null;
        StringBuilder inline = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String element = xml.getLocalName();
                if (element.equals("v")) {
                    raw = xml.getElementText();
                } else if (element.equals("t")) {
                    inline = inline == null ? new StringBuilder() : inline;
                    inline.append(xml.getElementText());
                }
            }
        }
        if (type == null || type.equals("n")) {
            if (raw == null || raw.isBlank()) {
                return new String[]{null, null};
            }
            return number(raw.trim(), style);
        }
        return switch (type) {
            case "s" -> new String[]{raw == null ? null : strings.getItemAt(Integer.parseInt(raw.trim())).getString(), null};
            case "inlineStr" -> new String[]{inline == null ? null : inline.toString(), null};
            case "b" -> new String[]{"1".equals(raw) ? "TRUE" : "FALSE", null};
            default -> new String[]{raw, null}; // str (a formula's text), e (an error such as #N/A)
        };
    }

    private String[] number(String raw, String style) {
        BigDecimal value;
        try {
            value = new BigDecimal(raw);
        } catch (NumberFormatException e) {
            return new String[]{raw, null};
        }
        if (style != null && isDateStyle(Integer.parseInt(style))) {
            double serial = value.doubleValue();
            if (DateUtil.isValidExcelDate(serial)) {
                return new String[]{DateUtil.getLocalDateTime(serial).toLocalDate().toString(), "typed"};
            }
        }
        BigDecimal exact = value.round(EXCEL_DIGITS).stripTrailingZeros();
        return new String[]{exact.scale() < 0 ? exact.setScale(0).toPlainString() : exact.toPlainString(), "typed"};
    }

    private final Map<Integer, Boolean> dateStyles = new HashMap<>();

    private boolean isDateStyle(int index) {
        return dateStyles.computeIfAbsent(index, i -> {
            XSSFCellStyle s = styles.getStyleAt(i);
            return s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
        });
    }

    /** {@code AB12} to 27. */
    private static int columnIndex(String ref) {
        int n = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            n = n * 26 + (c - 'A' + 1);
        }
        return n - 1;
    }

    @Override
    public void close() {
        closeQuietly(pkg, sheet);
    }

    private static void closeQuietly(OPCPackage pkg, InputStream sheet) {
        try {
            if (sheet != null) {
                sheet.close();
            }
        } catch (IOException e) {
            // read-only: nothing to lose
        }
        if (pkg != null) {
            pkg.revert(); // read-only: close without saving
        }
    }

    /** One {@code <row>} as read. */
    private static final class Cells {
        long row;
        String[] values;
        boolean[] typed;

        boolean isBlank() {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A data row, by the header's columns. */
    private final class Row implements SourceRow {
        private final Cells cells;

        Row(Cells cells) {
            this.cells = cells;
        }

        @Override
        public long line() {
            return cells.row;
        }

        @Override
        public String raw() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < cells.values.length; i++) {
                if (i > 0) {
                    text.append(',');
                }
                String v = cells.values[i];
                if (v != null) {
                    boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0;
                    text.append(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
                }
            }
            return text.toString();
        }

        @Override
        public String get(String column) {
            Integer i = columns.get(column);
            if (i == null || i >= cells.values.length || cells.values[i] == null) {
                return null;
            }
            String v = cells.values[i].trim();
            return v.isEmpty() ? null : v;
        }

        @Override
        public String shapeProblem() {
            for (int i = width; i < cells.values.length; i++) {
                if (cells.values[i] != null && !cells.values[i].isBlank()) {
                    return "a value in column " + (i + 1) + ", right of the header's last column";
                }
            }
            return null;
        }

        @Override
        public boolean typed(String column) {
            Integer i = columns.get(column);
            return i != null && i < cells.typed.length && cells.typed[i];
        }
    }
}
