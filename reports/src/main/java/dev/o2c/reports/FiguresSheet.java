package dev.o2c.reports;

import dev.o2c.domain.figures.Allowance;
import dev.o2c.domain.figures.MonthEndFigures;
import dev.o2c.domain.figures.Trend;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * The "Figures" sheet: the DSO family and CEI with the inputs they were computed from, the
 * bad-debt allowance by bucket, and the month-end trend (with a chart of DSO, best possible
 * DSO, average days delinquent and CEI). A figure that is undefined says "n/a", never 0.
 */
final class FiguresSheet {

    private final WorkbookCells cells;

    FiguresSheet(WorkbookCells cells) {
        this.cells = cells;
    }

    void write(PackData data) {
        MonthEndFigures f = data.figures();
        SXSSFSheet s = cells.wb.createSheet("Figures");
        WorkbookCells.widths(s, 34, 16, 16, 16, 16, 16, 16);
        int r = 0;
        cells.text(s.createRow(r++), 0, "Month-end figures — " + data.entity(), cells.title);
        Row period = s.createRow(r++);
        cells.text(period, 0, "Period", cells.bold);
        cells.date(period, 1, f.dso().periodStart());
        cells.date(period, 2, f.dso().periodEnd());
        r++;

        cells.header(s, r++, "DSO family", "Days");
        MonthEndFigures.DsoFigures d = f.dso();
        r = figure(s, r, "DSO (standard)", d.standard());
        r = figure(s, r, "DSO (average AR)", d.averageAr());
        r = figure(s, r, "DSO (countback)", d.countback());
        r = figure(s, r, "Best possible DSO", d.bestPossible());
        r = figure(s, r, "Average days delinquent", d.averageDaysDelinquent());
        r = figure(s, r, "DSO (rolling three months)", d.rollingThreeMonth());
        r++;
        cells.header(s, r++, "Inputs (" + f.functionalCurrency().getCurrencyCode() + ")", "Amount");
        r = amount(s, r, "Credit sales of the period", d.creditSales().amount());
        r = amount(s, r, "Beginning AR", d.beginningAr().amount());
        r = amount(s, r, "Ending AR", d.endingAr().amount());
        r = amount(s, r, "Current AR (not yet due)", d.currentAr().amount());
        Row days = s.createRow(r++);
        cells.text(days, 0, "Days in the period", null);
        WorkbookCells.number(days, 1, d.days(), cells.integer);
        r++;

        cells.header(s, r++, "Collection effectiveness (CEI)", "Index", "Beginning AR", "Credit sales", "Ending AR", "Ending current AR");
        Row month = s.createRow(r++);
        cells.text(month, 0, "Month", null);
        cells.figure(month, 1, f.cei(), cells.decimal);
        WorkbookCells.money(month, 2, d.beginningAr(), cells.amount);
        WorkbookCells.money(month, 3, d.creditSales(), cells.amount);
        WorkbookCells.money(month, 4, d.endingAr(), cells.amount);
        WorkbookCells.money(month, 5, d.currentAr(), cells.amount);
        MonthEndFigures.CeiFigures q = f.ceiQuarter();
        if (q != null) {
            Row quarter = s.createRow(r++);
            cells.text(quarter, 0, "Quarter " + q.periodStart() + " to " + q.periodEnd(), null);
            cells.figure(quarter, 1, q.cei(), cells.decimal);
            WorkbookCells.money(quarter, 2, q.beginningAr(), cells.amount);
            WorkbookCells.money(quarter, 3, q.creditSales(), cells.amount);
            WorkbookCells.money(quarter, 4, q.endingAr(), cells.amount);
            WorkbookCells.money(quarter, 5, q.endingCurrentAr(), cells.amount);
        }
        r++;

        Allowance allowance = f.allowance();
        if (allowance != null) {
            cells.header(s, r++, "Bad-debt allowance", "Balance", "Loss rate", "Allowance");
            for (Allowance.Line l : allowance.lines()) {
                Row row = s.createRow(r++);
                cells.text(row, 0, l.label(), null);
                WorkbookCells.money(row, 1, l.balance(), cells.amount);
                WorkbookCells.number(row, 2, l.ratePercent().movePointLeft(2).doubleValue(), cells.percent);
                WorkbookCells.money(row, 3, l.allowance(), cells.amount);
            }
            Row total = s.createRow(r++);
            // the total is the exact sum rounded once, so it is stated, not a SUM of the rounded lines
            cells.text(total, 0, "Required allowance (exact sum, rounded once)", cells.bold);
            WorkbookCells.money(total, 3, allowance.total(), cells.amountBold);
            r++;
        }

        if (!f.trend().isEmpty()) {
            cells.header(s, r++, "Month-end trend (blank: undefined)", "Total open AR", "DSO", "Best possible DSO",
                    "Avg days delinquent", "CEI", "Source");
            int first = r;
            for (Trend.Point p : f.trend()) {
                Row row = s.createRow(r++);
                cells.text(row, 0, p.asOf().toString(), null);
                WorkbookCells.money(row, 1, p.totalOpen(), cells.amount);
                // undefined figures stay blank here, not "n/a": the chart then leaves a gap instead of drawing 0
                point(row, 2, p.dsoStandard());
                point(row, 3, p.dsoBestPossible());
                point(row, 4, p.averageDaysDelinquent());
                point(row, 5, p.cei());
                cells.text(row, 6, p.source(), null);
            }
            List<Trend.Point> t = f.trend();
            String[] months = t.stream().map(p -> p.asOf().toString()).toArray(String[]::new);
            List<Double[]> series = List.of(values(t, Trend.Point::dsoStandard), values(t, Trend.Point::dsoBestPossible),
                    values(t, Trend.Point::averageDaysDelinquent), values(t, Trend.Point::cei));
            WorkbookCharts.lines(s, "Month-end trend", first, r - 1, 0, months, new int[]{2, 3, 4, 5},
                    List.of("DSO", "Best possible DSO", "Average days delinquent", "CEI"), series, r + 1, 0);
        }
    }

    private void point(Row row, int col, BigDecimal value) {
        if (value != null) {
            WorkbookCells.number(row, col, value.doubleValue(), cells.decimal);
        }
    }

    /** One figure of every point; undefined ones stay gaps in the chart. */
    private static Double[] values(List<Trend.Point> points, Function<Trend.Point, BigDecimal> figure) {
        return points.stream().map(figure).map(v -> v == null ? null : v.doubleValue()).toArray(Double[]::new);
    }

    private int figure(SXSSFSheet s, int r, String label, BigDecimal value) {
        Row row = s.createRow(r);
        cells.text(row, 0, label, null);
        cells.figure(row, 1, value, cells.decimal);
        return r + 1;
    }

    private int amount(SXSSFSheet s, int r, String label, BigDecimal value) {
        Row row = s.createRow(r);
        cells.text(row, 0, label, null);
        WorkbookCells.number(row, 1, value.doubleValue(), cells.amount);
        return r + 1;
    }
}
