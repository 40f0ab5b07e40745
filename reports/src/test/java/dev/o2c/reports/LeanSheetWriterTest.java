package dev.o2c.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The lean rows read back, cell for cell, as what POI's own streaming writer writes. */
class LeanSheetWriterTest {

    /** Text that tests the escaping, the spaces kept and characters of every UTF-8 length. */
    private static final String[] TEXTS = {"plain", " leading", "trailing ", "a < b & c > d \"q\" 'a'", "Müller € 日本",
        "emoji \uD83D\uDCB6 pair", "=SUM(A1)", "tab\there", "line\nbreak", "", "ZZ99"};

    private static final double[] NUMBERS = {0, 1, -1, 45621, 12.5, -0.01, 1e15, 1e15 + 2, 123456789012345.67, 1e20,
        -7.4777664363E8, 0.1 + 0.2, Double.MIN_VALUE, -0.0, 2.5e-7};

    /** Writes the same random sheet through {@code wb}: gaps, text, numbers, styles, formulas, booleans, blanks. */
    private static byte[] write(SXSSFWorkbook wb, long seed) throws IOException {
        Random random = new Random(seed);
        CellStyle styled = wb.createCellStyle();
        styled.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        Sheet s = wb.createSheet("Rows");
        for (int r = 0; r < 400; r++) {
            if (random.nextInt(10) == 0) {
                continue; // a missing row
            }
            Row row = s.createRow(r);
            for (int c = 0; c < 30; c++) {
                int kind = random.nextInt(8);
                if (kind == 0) {
                    continue; // a gap: the next cell needs its reference
                }
                Cell cell = row.createCell(c);
                switch (kind) {
                    case 1, 2 -> cell.setCellValue(TEXTS[random.nextInt(TEXTS.length)]);
                    case 3, 4 -> cell.setCellValue(NUMBERS[random.nextInt(NUMBERS.length)]);
                    case 5 -> cell.setCellValue(random.nextInt(2_000_000) / 100.0 - 5_000);
                    case 6 -> cell.setCellFormula("SUM(A1:B" + (r + 1) + ")");
                    default -> cell.setCellValue(random.nextBoolean());
                }
                if (random.nextBoolean()) {
                    cell.setCellStyle(styled);
                }
            }
            row.createCell(40).setCellStyle(styled); // a styled blank far to the right
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (wb) {
            wb.write(out);
            wb.dispose();
        }
        return out.toByteArray();
    }

    private static List<String> cells(byte[] xlsx) throws IOException {
        List<String> seen = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : wb.getSheet("Rows")) {
                for (Cell cell : row) {
                    String value = switch (cell.getCellType()) {
                        case STRING -> "s:" + cell.getStringCellValue();
                        case NUMERIC -> "n:" + Double.doubleToLongBits(cell.getNumericCellValue());
                        case FORMULA -> "f:" + cell.getCellFormula();
                        case BOOLEAN -> "b:" + cell.getBooleanCellValue();
                        default -> cell.getCellType().name();
                    };
                    seen.add(cell.getAddress() + " " + value + " style " + cell.getCellStyle().getDataFormatString());
                }
            }
        }
        return seen;
    }

    @Test
    void readsBackCellForCellAsPoisOwnWriter() throws IOException {
        for (long seed = 1; seed <= 5; seed++) {
            List<String> lean = cells(write(new StreamingWorkbook(50), seed));
            List<String> poi = cells(write(new SXSSFWorkbook(50), seed));
            assertThat(lean).hasSizeGreaterThan(1000).isEqualTo(poi);
        }
    }

    @Test
    void writesFewerBytesForTheSameCells() throws IOException {
        byte[] lean = write(new StreamingWorkbook(50), 7);
        byte[] poi = write(new SXSSFWorkbook(50), 7);
        String sheet = sheetXml(lean);
        assertThat(sheet).contains("<c t=\"inlineStr\"><is><t>").doesNotContain("t=\"n\"><v>")
                .contains("xml:space=\"preserve\"").contains("&lt;").contains("<f>SUM(");
        assertThat(sheet.length()).isLessThan(sheetXml(poi).length());
    }

    private static String sheetXml(byte[] xlsx) throws IOException {
        // POI's streaming zip keeps sizes in data descriptors: read it through its central directory
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get()) {
            return new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void wholeNumbersLoseOnlyTheirPointZero() throws IOException {
        String sheet = sheetXml(write(new StreamingWorkbook(50), 3));
        assertThat(sheet).doesNotContain("<v>45621.0</v>").doesNotContain("<v>-0</v>");
        assertThat(cells(write(new StreamingWorkbook(50), 3))).anyMatch(c -> c.contains("n:" + Double.doubleToLongBits(-0.0)));
    }
}
