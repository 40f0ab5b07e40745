package dev.o2c.reports;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * One list written across as many sheets as Excel's row limit needs: "Name", "Name (2)", …,
 * each with the header row frozen and an autofilter over what it holds. At least one sheet,
 * even for an empty list, so every section is where a reader looks for it. Given the number
 * of rows up front, every sheet is made at once, in its place among the others, and
 * {@link #next} then only writes rows in them: the list can be written on another thread
 * while the rest of the workbook is. The filters (names in the workbook) are set by
 * {@link #finish}, on the workbook's own thread.
 */
final class ContinuedSheets {

    private final WorkbookCells cells;
    private final String name;
    private final int rowsPerSheet;
    private final String[] header;
    private final int[] widths;
    /** Every sheet of the list so far, and the rows (header included) each holds. */
    private final List<SXSSFSheet> sheets = new ArrayList<>();
    private final List<Integer> rows = new ArrayList<>();
    /** When the sheets were made up front: how many; else -1 (made as rows come). */
    private final int madeUpFront;
    private int current = -1;
    private int next;

    ContinuedSheets(WorkbookCells cells, String name, int rowsPerSheet, String[] header, int[] widths) {
        this(cells, name, rowsPerSheet, header, widths, -1);
    }

    /** The sheets for {@code rowCount} rows made now; a negative count: made as rows come. */
    ContinuedSheets(WorkbookCells cells, String name, int rowsPerSheet, String[] header, int[] widths, long rowCount) {
        this.cells = cells;
        this.name = name;
        this.rowsPerSheet = rowsPerSheet;
        this.header = header;
        this.widths = widths;
        long needed = rowCount < 0 ? 0 : Math.max(1, (rowCount + rowsPerSheet - 1) / rowsPerSheet);
        for (long k = 0; k < needed; k++) {
            create();
        }
        this.madeUpFront = rowCount < 0 ? -1 : sheets.size();
    }

    /** A new row for the next record, on the next sheet when this one is full. */
    Row next() {
        if (current < 0 || next > rowsPerSheet) {
            nextSheet();
        }
        return sheets.get(current).createRow(next++);
    }

    /** Ends the list: every sheet gets its filter; an empty list still has its sheet. */
    void finish() {
        if (current < 0) {
            nextSheet();
        }
        rows.set(current, next);
        for (int k = 0; k < sheets.size(); k++) {
            sheets.get(k).setAutoFilter(new CellRangeAddress(0, Math.max(0, rows.get(k) - 1), 0, header.length - 1));
        }
    }

    private void nextSheet() {
        if (current >= 0) {
            rows.set(current, next);
        }
        current++;
        if (current == sheets.size()) {
            if (madeUpFront >= 0) {
                throw new IllegalStateException(name + ": more rows than the " + madeUpFront + " sheets made for them");
            }
            create();
        }
        next = 1;
    }

    private void create() {
        SXSSFSheet s = cells.wb.createSheet(sheets.isEmpty() ? name : name + " (" + (sheets.size() + 1) + ")");
        cells.header(s, 0, header);
        WorkbookCells.widths(s, widths);
        s.createFreezePane(0, 1);
        sheets.add(s);
        rows.add(1);
    }
}
