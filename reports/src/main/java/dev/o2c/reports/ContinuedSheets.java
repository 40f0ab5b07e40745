package dev.o2c.reports;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * One list written across as many sheets as Excel's row limit needs: "Name", "Name (2)", …,
 * each with the header row frozen and an autofilter over what it holds. At least one sheet,
 * even for an empty list, so every section is where a reader looks for it.
 */
final class ContinuedSheets {

    private final WorkbookCells cells;
    private final String name;
    private final int rowsPerSheet;
    private final String[] header;
    private final int[] widths;
    private SXSSFSheet sheet;
    private int sheets;
    private int next;

    ContinuedSheets(WorkbookCells cells, String name, int rowsPerSheet, String[] header, int[] widths) {
        this.cells = cells;
        this.name = name;
        this.rowsPerSheet = rowsPerSheet;
        this.header = header;
        this.widths = widths;
    }

    /** A new row for the next record, on a new sheet when this one is full. */
    Row next() {
        if (sheet == null || next > rowsPerSheet) {
            close();
            newSheet();
        }
        return sheet.createRow(next++);
    }

    /** Ends the list: the last sheet gets its filter; an empty list still gets its sheet. */
    void finish() {
        if (sheet == null) {
            newSheet();
        }
        close();
    }

    private void newSheet() {
        sheet = cells.wb.createSheet(++sheets == 1 ? name : name + " (" + sheets + ")");
        cells.header(sheet, 0, header);
        WorkbookCells.widths(sheet, widths);
        sheet.createFreezePane(0, 1);
        next = 1;
    }

    private void close() {
        if (sheet != null) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, header.length - 1));
        }
    }
}
