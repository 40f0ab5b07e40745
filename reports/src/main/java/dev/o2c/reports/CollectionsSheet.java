package dev.o2c.reports;

import dev.o2c.domain.figures.CollectionsWorklist;
import dev.o2c.domain.figures.MonthEndFigures;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * The collections worklist: a sheet with the summary per dunning level, then every item,
 * most pressing first, the same rows as collections.csv (continued past Excel's row limit).
 */
final class CollectionsSheet {

    private static final String[] HEADER = {"rank", "customer_id", "customer_name", "document_id", "due_date", "days_past_due",
        "open_amount", "currency", "functional_amount", "score", "dunning_level"};

    private final WorkbookCells cells;
    private final int rowsPerSheet;

    CollectionsSheet(WorkbookCells cells, int rowsPerSheet) {
        this.cells = cells;
        this.rowsPerSheet = rowsPerSheet;
    }

    void write(PackData data) {
        MonthEndFigures f = data.figures();
        SXSSFSheet s = cells.wb.createSheet("Collections summary");
        WorkbookCells.widths(s, 40, 14, 18);
        int r = 0;
        cells.text(s.createRow(r++), 0, "Collections: overdue invoices not disputed, as of " + f.asOf()
                + ", ranked by functional open amount × days past due (sheet \"Collections\")", cells.title);
        r++;
        MonthEndFigures.CollectionsFigures c = f.collections();
        if (c == null) {
            cells.text(s.createRow(r), 0, "Not in this run's figures (kpis.json written before the worklist was added).", null);
        } else {
            cells.header(s, r++, "Dunning level", "Items", "Amount (" + f.functionalCurrency().getCurrencyCode() + ")");
            for (CollectionsWorklist.Level l : c.byLevel()) {
                Row row = s.createRow(r++);
                cells.text(row, 0, "Level " + l.level(), null);
                WorkbookCells.number(row, 1, l.items(), cells.integer);
                WorkbookCells.money(row, 2, l.amount(), cells.amount);
            }
            Row total = s.createRow(r);
            cells.text(total, 0, "Overdue, together", cells.bold);
            WorkbookCells.number(total, 1, c.overdueItems(), cells.integer);
            WorkbookCells.money(total, 2, c.overdueAmount(), cells.amountBold);
        }
        ContinuedSheets items = new ContinuedSheets(cells, "Collections", rowsPerSheet, HEADER,
                new int[]{8, 14, 32, 22, 12, 13, 16, 9, 18, 18, 13});
        for (CollectionsWorklist.Item i : data.worklist()) {
            Row row = items.next();
            WorkbookCells.number(row, 0, i.rank(), cells.integer);
            cells.text(row, 1, i.customerId(), null);
            cells.text(row, 2, data.customerNames().get(i.customerId()), null);
            cells.text(row, 3, i.documentId(), null);
            cells.date(row, 4, i.dueDate());
            WorkbookCells.number(row, 5, i.daysPastDue(), cells.integer);
            WorkbookCells.money(row, 6, i.open(), cells.amount);
            cells.text(row, 7, i.open().currencyCode(), null);
            WorkbookCells.money(row, 8, i.functional(), cells.amount);
            WorkbookCells.number(row, 9, i.score().doubleValue(), cells.amount);
            WorkbookCells.number(row, 10, i.dunningLevel(), cells.integer);
        }
        items.finish();
    }
}
