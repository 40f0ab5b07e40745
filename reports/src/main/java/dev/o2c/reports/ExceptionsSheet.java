package dev.o2c.reports;

import dev.o2c.domain.controls.ExceptionItem;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;

/**
 * Every exception of the run, the rows of exceptions.csv (bank against ERP receipts, orders
 * against invoices, statement breaks, cash application, credit limits, documents), errors first.
 */
final class ExceptionsSheet {

    private static final String[] HEADER = {"category", "severity", "entity_type", "entity_id", "amount", "currency", "reason"};

    private final WorkbookCells cells;
    private final int rowsPerSheet;

    ExceptionsSheet(WorkbookCells cells, int rowsPerSheet) {
        this.cells = cells;
        this.rowsPerSheet = rowsPerSheet;
    }

    void write(List<ExceptionItem> exceptions) {
        ContinuedSheets sheets = new ContinuedSheets(cells, "Exceptions", rowsPerSheet, HEADER, new int[]{30, 10, 16, 34, 16, 9, 110});
        for (ExceptionItem e : exceptions) {
            Row row = sheets.next();
            cells.text(row, 0, e.category(), null);
            cells.text(row, 1, e.severity().name(), null);
            cells.text(row, 2, e.entityType(), null);
            cells.text(row, 3, e.entityId(), null);
            if (e.amount() != null) {
                WorkbookCells.money(row, 4, e.amount(), cells.amount);
                cells.text(row, 5, e.amount().currencyCode(), null);
            }
            cells.text(row, 6, e.reason(), null);
        }
        sheets.finish();
    }
}
