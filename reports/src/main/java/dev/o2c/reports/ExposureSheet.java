package dev.o2c.reports;

import dev.o2c.domain.figures.CreditExposure;
import dev.o2c.domain.figures.MonthEndFigures;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * The "Credit exposure" sheet: how many customers have a limit, and every customer over it
 * (with its subsidiaries), the largest excess first.
 */
final class ExposureSheet {

    private final WorkbookCells cells;

    ExposureSheet(WorkbookCells cells) {
        this.cells = cells;
    }

    void write(PackData data) {
        MonthEndFigures f = data.figures();
        MonthEndFigures.ExposureFigures e = f.creditExposure();
        SXSSFSheet s = cells.wb.createSheet("Credit exposure");
        WorkbookCells.widths(s, 14, 36, 12, 16, 9, 18, 18, 18, 12);
        int r = 0;
        cells.text(s.createRow(r++), 0, "Credit exposure as of " + f.asOf() + " (open AR of the customer and its subsidiaries against"
                + " credit_limit at the as-of rate)", cells.title);
        if (e == null) {
            cells.text(s.createRow(r), 0, "Not in this run's figures (kpis.json written before credit exposure was added).", null);
            return;
        }
        Row counts = s.createRow(r++);
        cells.text(counts, 0, "Customers with a limit", cells.bold);
        WorkbookCells.number(counts, 2, e.customersWithLimit(), cells.integer);
        Row over = s.createRow(r++);
        cells.text(over, 0, "Over the limit", cells.bold);
        WorkbookCells.number(over, 2, e.overLimit().size(), cells.integer);
        Row excess = s.createRow(r++);
        cells.text(excess, 0, "Excess over the limits, together (" + f.functionalCurrency().getCurrencyCode() + ")", cells.bold);
        WorkbookCells.money(excess, 2, e.overLimitExcess(), cells.amountBold);
        r++;
        int headerRow = r;
        cells.header(s, r++, "customer_id", "name", "members", "credit_limit", "currency", "limit_functional", "open_ar",
                "headroom", "utilisation");
        for (CreditExposure.Line l : e.overLimit()) {
            Row row = s.createRow(r++);
            cells.text(row, 0, l.customerId(), null);
            cells.text(row, 1, l.name(), null);
            WorkbookCells.number(row, 2, l.members().size(), cells.integer);
            WorkbookCells.money(row, 3, l.creditLimit(), cells.amount);
            cells.text(row, 4, l.creditLimit().currencyCode(), null);
            WorkbookCells.money(row, 5, l.limitFunctional(), cells.amount);
            WorkbookCells.money(row, 6, l.openAr(), cells.amount);
            WorkbookCells.money(row, 7, l.headroom(), cells.amount);
            cells.figure(row, 8, l.utilisation(), cells.percent);
        }
        s.createFreezePane(0, headerRow + 1);
        s.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, r - 1), 0, 8));
    }
}
