package dev.o2c.reports;

import dev.o2c.domain.figures.MonthEndFigures;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * The "Roll-forward" sheet: opening AR + invoiced − credit memos − cash applied − write-offs
 * + fx revaluation = closing AR in the functional currency, and exactly per document currency,
 * with the computed closing and the difference as formulas beside the stated closing.
 */
final class RollForwardSheet {

    private final WorkbookCells cells;

    RollForwardSheet(WorkbookCells cells) {
        this.cells = cells;
    }

    void write(MonthEndFigures f) {
        MonthEndFigures.RollForward rf = f.rollforward();
        SXSSFSheet s = cells.wb.createSheet("Roll-forward");
        WorkbookCells.widths(s, 52, 18, 18, 18, 18, 18, 18, 18);
        int r = 0;
        cells.text(s.createRow(r++), 0, "AR roll-forward " + f.dso().periodStart() + " to " + f.asOf(), cells.title);
        r++;
        cells.header(s, r++, "In " + f.functionalCurrency().getCurrencyCode(), "Amount");
        int first = r;
        r = line(s, r, "Opening AR", rf.openingAr().amount());
        r = line(s, r, "Invoiced (+)", rf.invoiced().amount());
        r = line(s, r, "Credit memos (−)", rf.creditMemos().amount().negate());
        r = line(s, r, "Cash applied (−)", rf.cashApplied().amount().negate());
        r = line(s, r, "Write-offs (−)", rf.writeOffs().amount().negate());
        r = line(s, r, "FX revaluation (+)", rf.fxRevaluation().amount());
        int last = r - 1;
        BigDecimal computed = rf.openingAr().amount().add(rf.invoiced().amount()).subtract(rf.creditMemos().amount())
                .subtract(rf.cashApplied().amount()).subtract(rf.writeOffs().amount()).add(rf.fxRevaluation().amount());
        Row sum = s.createRow(r++);
        cells.text(sum, 0, "Closing AR, computed (=)", cells.bold);
        WorkbookCells.formula(sum, 1, "SUM(B" + (first + 1) + ":B" + (last + 1) + ")", computed, cells.amountBold);
        Row stated = s.createRow(r++);
        cells.text(stated, 0, "Closing AR (stated, the aging's total)", cells.bold);
        WorkbookCells.money(stated, 1, rf.closingAr(), cells.amountBold);
        Row difference = s.createRow(r++);
        cells.text(difference, 0, "Difference (the currencies' differences, must be 0.00)", cells.bold);
        WorkbookCells.formula(difference, 1, "ROUND(B" + (sum.getRowNum() + 1) + "-B" + (stated.getRowNum() + 1) + ",2)",
                computed.subtract(rf.closingAr().amount()), cells.amountBold);
        r++;

        cells.header(s, r++, "Per document currency", "Opening AR", "Invoiced", "Credit memos", "Cash applied", "Closing AR (stated)",
                "Difference");
        for (MonthEndFigures.CurrencyRollForward c : f.rollforwardByCurrency()) {
            Row row = s.createRow(r);
            int n = r + 1;
            cells.text(row, 0, c.currency().getCurrencyCode(), null);
            WorkbookCells.money(row, 1, c.openingAr(), cells.amount);
            WorkbookCells.money(row, 2, c.invoiced(), cells.amount);
            WorkbookCells.money(row, 3, c.creditMemos(), cells.amount);
            WorkbookCells.money(row, 4, c.cashApplied(), cells.amount);
            WorkbookCells.money(row, 5, c.closingAr(), cells.amount);
            WorkbookCells.formula(row, 6, "ROUND(B" + n + "+C" + n + "-D" + n + "-E" + n + "-F" + n + ","
                            + c.currency().getDefaultFractionDigits() + ")",
                    c.difference().amount(), cells.amountBold);
            r++;
        }
    }

    private int line(SXSSFSheet s, int r, String label, BigDecimal value) {
        Row row = s.createRow(r);
        cells.text(row, 0, label, null);
        WorkbookCells.number(row, 1, value.doubleValue(), cells.amount);
        return r + 1;
    }
}
