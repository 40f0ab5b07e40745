package dev.o2c.reports;

import dev.o2c.domain.money.Money;
import dev.o2c.domain.text.CellText;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The workbook's cell styles and the ways every sheet writes a cell: numbers as numbers in
 * one number format, dates as dates, text never a formula (a text cell is never evaluated,
 * and one that looks like a formula carries the quote prefix so it stays text when a person
 * edits it), and formulas with their result already stored.
 */
final class WorkbookCells {

    final SXSSFWorkbook wb;
    final CellStyle bold;
    final CellStyle title;
    final CellStyle header;
    final CellStyle amount;
    final CellStyle amountBold;
    final CellStyle decimal;
    final CellStyle percent;
    final CellStyle integer;
    final CellStyle date;
    final CellStyle wrapped;
    private final CellStyle quoted;
    /** The workbook's default style, set on every cell that has no other: a cell without one
     *  makes the streaming sheet look up its column's style in the sheet's XML, cell by cell. */
    private final CellStyle plain;

    WorkbookCells(SXSSFWorkbook wb) {
        this.wb = wb;
        DataFormat format = wb.createDataFormat();
        Font boldFont = wb.createFont();
        boldFont.setBold(true);
        Font titleFont = wb.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 14);
        bold = wb.createCellStyle();
        bold.setFont(boldFont);
        title = wb.createCellStyle();
        title.setFont(titleFont);
        header = wb.createCellStyle();
        header.setFont(boldFont);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        amount = wb.createCellStyle();
        amount.setDataFormat(format.getFormat("#,##0.00;-#,##0.00"));
        amountBold = wb.createCellStyle();
        amountBold.cloneStyleFrom(amount);
        amountBold.setFont(boldFont);
        decimal = wb.createCellStyle();
        decimal.setDataFormat(format.getFormat("0.00"));
        percent = wb.createCellStyle();
        percent.setDataFormat(format.getFormat("0.00%"));
        integer = wb.createCellStyle();
        integer.setDataFormat(format.getFormat("#,##0"));
        date = wb.createCellStyle();
        date.setDataFormat(format.getFormat("yyyy-mm-dd"));
        wrapped = wb.createCellStyle();
        wrapped.setWrapText(true);
        quoted = wb.createCellStyle();
        quoted.setQuotePrefixed(true);
        plain = wb.getCellStyleAt(0);
    }

    void text(Row row, int col, String value, CellStyle style) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        if (style == null) {
            cell.setCellStyle(CellText.looksLikeFormula(value) ? quoted : plain);
        } else {
            cell.setCellStyle(style);
        }
    }

    /** A number in a style (every cell has one: see {@link #plain}). */
    static void number(Row row, int col, double value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        cell.setCellStyle(java.util.Objects.requireNonNull(style, "style"));
    }

    /** An amount, or nothing for none. */
    static void money(Row row, int col, Money value, CellStyle style) {
        if (value != null) {
            number(row, col, value.amount().doubleValue(), style);
        }
    }

    /** A figure that may be undefined (null): the cell says "n/a" rather than 0. */
    void figure(Row row, int col, BigDecimal value, CellStyle style) {
        if (value == null) {
            text(row, col, "n/a", null);
        } else {
            number(row, col, value.doubleValue(), style);
        }
    }

    void date(Row row, int col, LocalDate value) {
        if (value != null) {
            Cell cell = row.createCell(col);
            cell.setCellValue(value);
            cell.setCellStyle(date);
        }
    }

    /**
     * A formula with its result already stored, computed exactly in Java: a reader that does
     * not recalculate (a script, a viewer) sees the right figure, and Excel recalculates anyway.
     */
    static void formula(Row row, int col, String formula, BigDecimal cached, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellFormula(formula);
        cell.setCellValue(cached.doubleValue());
        cell.setCellStyle(style);
    }

    /** A header row of bold grey cells. */
    void header(Sheet s, int r, String... titles) {
        Row head = s.createRow(r);
        for (int c = 0; c < titles.length; c++) {
            text(head, c, titles[c], header);
        }
    }

    /** Column widths in characters. */
    static void widths(Sheet s, int... characters) {
        for (int c = 0; c < characters.length; c++) {
            s.setColumnWidth(c, characters[c] * 256);
        }
    }

    static String col(int index) {
        return CellReference.convertNumToColString(index);
    }
}
