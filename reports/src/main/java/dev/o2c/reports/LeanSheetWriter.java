package dev.o2c.reports;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.Writer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * POI's writer of a streaming sheet's rows, writing text and number cells in fewer bytes:
 * a cell's reference ({@code r="J1000001"}) only where it does not follow the cell before it
 * in its row, and no type on numbers (a number is what a cell without one is). Both are
 * optional in SpreadsheetML (ECMA-376 part 1, 18.3.1.4), and a million rows of aging detail
 * were a gigabyte of XML to write, then deflate: a third of it was these. Numbers that are
 * whole are written without ".0". Formulas and the other kinds go through POI as they are.
 * Characters go to the temporary file through {@link Utf8FileWriter}. No shared strings:
 * text is written inline, as POI's own writer does without a shared strings table.
 */
final class LeanSheetWriter extends SheetDataWriter {

    /** The column that follows the last cell written in this row: a cell there needs no reference. */
    private int nextColumn;
    private int rowNum;

    LeanSheetWriter() throws IOException {
        super();
    }

    @Override
    public Writer createWriter(File file) throws IOException {
        return new Utf8FileWriter(decorateOutputStream(new FileOutputStream(file)));
    }

    @Override
    public void writeRow(int rowNum, SXSSFRow row) throws IOException {
        this.rowNum = rowNum;
        this.nextColumn = 0;
        super.writeRow(rowNum, row);
    }

    @Override
    public void writeCell(int column, Cell cell) throws IOException {
        if (cell == null) {
            return;
        }
        CellType type = cell.getCellType();
        if (type != CellType.STRING && type != CellType.NUMERIC) {
            super.writeCell(column, cell);
            nextColumn = column + 1;
            return;
        }
        _out.write("<c");
        if (column != nextColumn) {
            _out.write(" r=\"");
            writeReference(column);
            _out.write('"');
        }
        nextColumn = column + 1;
        int style = cell.getCellStyle().getIndex() & 0xFFFF;
        if (style != 0) {
            _out.write(" s=\"");
            _out.write(Integer.toString(style));
            _out.write('"');
        }
        if (type == CellType.NUMERIC) {
            _out.write("><v>");
            writeNumber(cell.getNumericCellValue());
            _out.write("</v></c>");
            return;
        }
        String text = cell.getStringCellValue();
        _out.write(" t=\"inlineStr\"><is><t");
        if (!text.isEmpty() && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1)))) {
            _out.write(" xml:space=\"preserve\"");
        }
        _out.write('>');
        outputEscapedString(text);
        _out.write("</t></is></c>");
    }

    /** A1-style reference of this row's cell in {@code column}. */
    private void writeReference(int column) throws IOException {
        char[] letters = new char[3];
        int n = 0;
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters[n++] = (char) ('A' + (c - 1) % 26);
        }
        while (n > 0) {
            _out.write(letters[--n]);
        }
        _out.write(Integer.toString(rowNum + 1));
    }

    /** As POI writes a number (Java's shortest round-trip form), but a whole number without ".0". */
    private void writeNumber(double value) throws IOException {
        long whole = (long) value;
        if (whole == value && Math.abs(value) < 1e15 && !(whole == 0 && 1 / value < 0)) {
            _out.write(Long.toString(whole));
        } else {
            _out.write(Double.toString(value));
        }
    }
}
