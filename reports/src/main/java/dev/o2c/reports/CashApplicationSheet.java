package dev.o2c.reports;

import dev.o2c.domain.figures.MonthEndFigures;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * The "Cash application" sheet: the period's bank credits by the status that describes each,
 * by count and by amount, with totals as formulas that tie to the stated number of credits;
 * unapplied and unidentified cash; time to apply.
 */
final class CashApplicationSheet {

    private final WorkbookCells cells;

    CashApplicationSheet(WorkbookCells cells) {
        this.cells = cells;
    }

    void write(MonthEndFigures f) {
        MonthEndFigures.CashApplicationFigures c = f.cashApplication();
        SXSSFSheet s = cells.wb.createSheet("Cash application");
        WorkbookCells.widths(s, 36, 12, 14, 18, 14);
        int r = 0;
        cells.text(s.createRow(r++), 0, "Cash application: bank credits with a value date in the period ("
                + f.dso().periodStart() + " to " + f.dso().periodEnd() + ")", cells.title);
        r++;
        cells.header(s, r++, "Status", "Credits", "Share by count", "Amount (" + f.functionalCurrency().getCurrencyCode() + ")",
                "Share by amount");
        int first = r;
        r = share(s, r, "AUTO (applied in full)", c.auto());
        r = share(s, r, "SUGGESTED (needs a person)", c.suggested());
        r = share(s, r, "ON_ACCOUNT (customer known)", c.onAccount());
        r = share(s, r, "UNMATCHED (no customer)", c.unmatched());
        r = share(s, r, "RECONCILED (already in the ERP)", c.reconciled());
        int last = r - 1;
        Row total = s.createRow(r++);
        cells.text(total, 0, "Sum of the statuses", cells.bold);
        long countSum = c.auto().count() + c.suggested().count() + c.onAccount().count() + c.unmatched().count() + c.reconciled().count();
        BigDecimal amountSum = c.auto().amount().amount().add(c.suggested().amount().amount()).add(c.onAccount().amount().amount())
                .add(c.unmatched().amount().amount()).add(c.reconciled().amount().amount());
        WorkbookCells.formula(total, 1, "SUM(B" + (first + 1) + ":B" + (last + 1) + ")", BigDecimal.valueOf(countSum), cells.integer);
        WorkbookCells.formula(total, 3, "SUM(D" + (first + 1) + ":D" + (last + 1) + ")", amountSum, cells.amountBold);
        Row stated = s.createRow(r++);
        cells.text(stated, 0, "Bank credits of the period (stated)", cells.bold);
        WorkbookCells.number(stated, 1, c.bankCreditsCount(), cells.integer);
        WorkbookCells.money(stated, 3, c.bankCreditsAmount(), cells.amountBold);
        Row difference = s.createRow(r++);
        cells.text(difference, 0, "Difference (must be 0)", cells.bold);
        WorkbookCells.formula(difference, 1, "B" + (total.getRowNum() + 1) + "-B" + (stated.getRowNum() + 1),
                BigDecimal.valueOf(countSum - c.bankCreditsCount()), cells.integer);
        WorkbookCells.formula(difference, 3, "ROUND(D" + (total.getRowNum() + 1) + "-D" + (stated.getRowNum() + 1) + ",2)",
                amountSum.subtract(c.bankCreditsAmount().amount()), cells.amountBold);
        r++;
        r = share(s, r, "Unapplied cash (on account + unmatched)", c.unapplied());
        r = share(s, r, "Unidentified cash (unmatched)", c.unidentified());
        r++;
        cells.header(s, r++, "Time to apply", "Credits", "Median days", "90th percentile days");
        r = time(s, r, "AUTO credits: as-of − value date", c.timeToApplyAuto());
        time(s, r, "ERP receipts naming a bank line: receipt − value date", c.timeToApplyErp());
    }

    private int share(SXSSFSheet s, int r, String label, MonthEndFigures.Share share) {
        return share(cells, s, r, label, share);
    }

    /** A status's row: label, count, share by count, amount, share by amount; returns the next row. */
    static int share(WorkbookCells cells, SXSSFSheet s, int r, String label, MonthEndFigures.Share share) {
        Row row = s.createRow(r);
        cells.text(row, 0, label, null);
        WorkbookCells.number(row, 1, share.count(), cells.integer);
        cells.figure(row, 2, share.rateCount(), cells.percent);
        WorkbookCells.money(row, 3, share.amount(), cells.amount);
        cells.figure(row, 4, share.rateAmount(), cells.percent);
        return r + 1;
    }

    private int time(SXSSFSheet s, int r, String label, MonthEndFigures.TimeToApply t) {
        Row row = s.createRow(r);
        cells.text(row, 0, label, null);
        if (t == null) {
            cells.text(row, 1, "n/a (not in this run's figures)", null);
        } else {
            WorkbookCells.number(row, 1, t.credits(), cells.integer);
            cells.figure(row, 2, t.medianDays(), cells.decimal);
            cells.figure(row, 3, t.p90Days(), cells.decimal);
        }
        return r + 1;
    }
}
