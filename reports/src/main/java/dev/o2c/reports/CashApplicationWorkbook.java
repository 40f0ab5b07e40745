package dev.o2c.reports;

import dev.o2c.domain.cashapp.ApplicationStatus;
import dev.o2c.domain.cashapp.CashAllocation;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.figures.DailyCashApplication;
import dev.o2c.domain.figures.MonthEndFigures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * The nightly's workbook, for the people who work the cash application in the morning: the night's
 * bank credits by status; "To work", the rows a person must confirm or place (suggested, on account,
 * unmatched), with a filter; every row; the exceptions. The rows are those of cash-application.csv.
 * Same inputs, same bytes (dates inside are the as-of date).
 */
public final class CashApplicationWorkbook {

    private static final String[] ROW_HEADER = {"bank_transaction_id", "statement_file", "value_date", "amount", "currency",
        "customer_id", "invoice_id", "applied_amount", "status", "rule", "confidence", "explanation"};
    private static final int[] ROW_WIDTHS = {22, 30, 11, 14, 9, 12, 14, 14, 12, 24, 11, 110};
    private static final Set<ApplicationStatus> TO_WORK = Set.of(ApplicationStatus.SUGGESTED, ApplicationStatus.ON_ACCOUNT,
            ApplicationStatus.UNMATCHED);

    private CashApplicationWorkbook() {
    }

    /** {@code cash-application-DATE.xlsx}. */
    public static String name(LocalDate asOf) {
        return "cash-application-" + asOf + ".xlsx";
    }

    public static void write(String entity, String runId, String codeVersion, Currency functional, DailyCashApplication daily,
                             List<ExceptionItem> exceptions, OutputStream out) {
        StreamingWorkbook wb = new StreamingWorkbook(500);
        try {
            WorkbookCells cells = new WorkbookCells(wb);
            summary(cells, entity, runId, functional, daily, exceptions.size());
            ContinuedSheets toWork = new ContinuedSheets(cells, "To work", AgingWorkbook.ROWS_PER_SHEET, ROW_HEADER, ROW_WIDTHS);
            for (CashAllocation a : daily.rows()) {
                if (TO_WORK.contains(a.status())) {
                    row(cells, toWork.next(), a);
                }
            }
            toWork.finish();
            ContinuedSheets all = new ContinuedSheets(cells, "All rows", AgingWorkbook.ROWS_PER_SHEET, ROW_HEADER, ROW_WIDTHS);
            for (CashAllocation a : daily.rows()) {
                row(cells, all.next(), a);
            }
            all.finish();
            new ExceptionsSheet(cells, AgingWorkbook.ROWS_PER_SHEET).write(exceptions);
            wb.writeAsOf(daily.asOf(), "o2c-close " + codeVersion, "Cash application " + entity + " as of " + daily.asOf(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose(); // the streamed sheets' temporary files
            try {
                wb.close();
            } catch (IOException ignored) {
                // the temporary files are already gone with dispose()
            }
        }
    }

    private static void summary(WorkbookCells cells, String entity, String runId, Currency functional, DailyCashApplication daily,
                                int exceptionCount) {
        MonthEndFigures.CashApplicationFigures c = daily.figures();
        SXSSFSheet s = cells.wb.createSheet("Summary");
        WorkbookCells.widths(s, 44, 12, 14, 20, 14);
        int r = 0;
        cells.text(s.createRow(r++), 0, "Cash application " + entity + ": the night's bank credits, as of " + daily.asOf(), cells.title);
        cells.text(s.createRow(r++), 0, "Run " + runId + "; each credit under the status that describes it", null);
        r++;
        cells.header(s, r++, "Status", "Credits", "Share by count", "Amount (" + functional.getCurrencyCode() + ")", "Share by amount");
        r = CashApplicationSheet.share(cells, s, r, "AUTO (applied in full)", c.auto());
        r = CashApplicationSheet.share(cells, s, r, "SUGGESTED (a person confirms)", c.suggested());
        r = CashApplicationSheet.share(cells, s, r, "ON_ACCOUNT (customer known, no invoice)", c.onAccount());
        r = CashApplicationSheet.share(cells, s, r, "UNMATCHED (no customer)", c.unmatched());
        r = CashApplicationSheet.share(cells, s, r, "RECONCILED (already in the ERP)", c.reconciled());
        Row total = s.createRow(r++);
        cells.text(total, 0, "Bank credits", cells.bold);
        WorkbookCells.number(total, 1, c.bankCreditsCount(), cells.integer);
        WorkbookCells.money(total, 3, c.bankCreditsAmount(), cells.amountBold);
        r++;
        Row work = s.createRow(r++);
        cells.text(work, 0, "Credits waiting for a person (sheet To work)", cells.bold);
        WorkbookCells.number(work, 1, daily.toWork(), cells.integer);
        Row ex = s.createRow(r);
        cells.text(ex, 0, "Exceptions (sheet Exceptions)", cells.bold);
        WorkbookCells.number(ex, 1, exceptionCount, cells.integer);
    }

    private static void row(WorkbookCells cells, Row row, CashAllocation a) {
        cells.text(row, 0, a.bankTransactionId(), null);
        cells.text(row, 1, a.statementFile(), null);
        cells.date(row, 2, a.valueDate());
        WorkbookCells.money(row, 3, a.creditAmount(), cells.amount);
        cells.text(row, 4, a.creditAmount().currencyCode(), null);
        cells.text(row, 5, a.customerId(), null);
        cells.text(row, 6, a.invoiceId(), null);
        WorkbookCells.money(row, 7, a.applied(), cells.amount);
        cells.text(row, 8, a.status().name(), null);
        cells.text(row, 9, a.rule(), null);
        cells.figure(row, 10, a.confidence(), cells.decimal);
        cells.text(row, 11, a.explanation(), null);
    }
}
