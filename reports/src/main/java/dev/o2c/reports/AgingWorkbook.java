package dev.o2c.reports;

import dev.o2c.domain.aging.AgedItem;
import dev.o2c.domain.aging.CustomerAging;
import dev.o2c.domain.concurrent.Futures;
import dev.o2c.domain.concurrent.HelperThread;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.figures.MonthEndFigures;
import dev.o2c.domain.openitems.OpenItem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * The month-end workbook, one sheet per section: a summary whose totals are formulas that
 * tie to the stated total, with a chart of the buckets; aging by customer; every open item
 * (continued on further sheets past Excel's row limit); the figures with their inputs and
 * trend; cash application; the roll-forward; credit exposure; the collections worklist;
 * every exception; the bank statements' checks; the definitions. Written with POI's
 * streaming workbook, so memory stays flat however many items there are. Numbers are
 * numbers with formats, dates are dates, and text is never a formula.
 */
public final class AgingWorkbook implements AutoCloseable {

    /** Data rows per detail sheet: Excel's limit less the header row. */
    static final int ROWS_PER_SHEET = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;

    private static final String[] DETAIL_HEADER = {"customer_id", "document_id", "document_type", "document_date", "due_date",
        "days_past_due", "bucket", "open_amount", "currency", "functional_amount"};

    /** Streams the run's aged open items to a consumer, in their published order. */
    @FunctionalInterface
    public interface Items {
        void forEach(Consumer<AgedItem> consumer);
    }

    private final StreamingWorkbook wb = new StreamingWorkbook(500);
    private final WorkbookCells cells = new WorkbookCells(wb);
    private final CellStyle bold = cells.bold;
    private final CellStyle title = cells.title;
    private final CellStyle header = cells.header;
    private final CellStyle amount = cells.amount;
    private final CellStyle amountBold = cells.amountBold;
    private final int rowsPerSheet;
    /** The detail (a million rows) is written on its own thread; each streaming sheet has its own writer. */
    private final ExecutorService detailWriter = HelperThread.named("o2c-workbook-detail");
    private volatile boolean closed;
    private SXSSFSheet summarySheet;
    private SXSSFSheet customerSheet;
    private ContinuedSheets detailSheets;
    private Future<?> detail;
    private long announced;
    private long detailRows;

    AgingWorkbook(int rowsPerSheet) {
        this.rowsPerSheet = rowsPerSheet;
    }

    /**
     * Writes the workbook; identical input gives identical bytes.
     *
     * @param itemCount how many items {@code items} gives: their sheets are made up front, so the
     *        detail is written on a second thread while the other sheets are
     */
    public static void write(PackData data, List<CustomerAging.Line> allCustomers, long itemCount, Items items, OutputStream out) {
        new AgingWorkbook(ROWS_PER_SHEET).render(data, allCustomers, itemCount, items, out);
    }

    void render(PackData data, List<CustomerAging.Line> allCustomers, long itemCount, Items items, OutputStream out) {
        try (this) {
            begin(data.figures().asOf(), itemCount, items);
            finish(data, allCustomers, out);
        }
    }

    /**
     * Starts a workbook by writing its detail, every open item, on a second thread, before the
     * figures of the other sheets are known: the caller goes through the items for those
     * meanwhile. {@link #finish} writes the rest; {@link #close} always, to release the thread
     * and the temporary files.
     *
     * @param itemCount how many items {@code items} gives: their sheets are made up front, in their place
     */
    public static AgingWorkbook start(LocalDate asOf, long itemCount, Items items) {
        AgingWorkbook workbook = new AgingWorkbook(ROWS_PER_SHEET);
        workbook.begin(asOf, itemCount, items);
        return workbook;
    }

    void begin(LocalDate asOf, long itemCount, Items items) {
        // every sheet that comes before the detail is made now, so the sheets keep their order; their rows come later
        summarySheet = wb.createSheet("Summary");
        customerSheet = wb.createSheet("Aging by customer");
        detailSheets = new ContinuedSheets(cells, "Aging detail", rowsPerSheet, DETAIL_HEADER,
                new int[]{14, 22, 16, 13, 13, 13, 10, 16, 9, 18}, itemCount);
        announced = itemCount;
        detail = detailWriter.submit(() -> detail(detailSheets, asOf, items));
    }

    /** Writes every other sheet, waits for the detail, and writes the workbook to {@code out}. */
    public void finish(PackData data, List<CustomerAging.Line> allCustomers, OutputStream out) {
        MonthEndFigures f = data.figures();
        try {
            summary(summarySheet, data);
            byCustomer(customerSheet, f, allCustomers);
            new FiguresSheet(cells).write(data);
            new CashApplicationSheet(cells).write(f);
            new RollForwardSheet(cells).write(f);
            new ExposureSheet(cells).write(data);
            new CollectionsSheet(cells, rowsPerSheet).write(data);
            new ExceptionsSheet(cells, rowsPerSheet).write(data.exceptions());
            bankChecks(data.bank());
            new DefinitionsSheet(cells).write(f);
            Futures.await(detail);
            if (detailRows != announced) {
                throw new IllegalStateException("Aging detail: " + announced + " open items announced, " + detailRows + " given");
            }
            detailSheets.finish(); // here, not on the detail's thread: a filter is a name in the workbook, set in one order
            WorkbookCharts.columns(summarySheet, "Open AR by bucket (" + f.functionalCurrency().getCurrencyCode() + ")", bucketRows[0],
                    bucketRows[1], 0, 1, f.aging().buckets().stream().map(MonthEndFigures.BucketAmount::label).toArray(String[]::new),
                    f.aging().buckets().stream().map(b -> b.amount().amount().doubleValue()).toArray(Double[]::new), agingChartRow, 0);
            wb.getXSSFWorkbook().setForceFormulaRecalculation(true);
            wb.writeAsOf(f.asOf(), "o2c-close " + data.codeVersion(), "AR aging " + data.entity() + " as of " + f.asOf(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the detail's thread if it still runs (a failed close), and deletes the temporary files. */
    @Override
    public void close() {
        closed = true; // the detail's next item ends its loop, and with it the store's query
        detailWriter.shutdownNow();
        try {
            detailWriter.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        wb.dispose();
        try {
            wb.close();
        } catch (IOException ignored) {
            // temporary files are already gone with dispose()
        }
    }

    /** The summary's first free row below its text, where the aging chart goes, and its bucket rows (first, last). */
    private int agingChartRow;
    private final int[] bucketRows = new int[2];

    private void summary(SXSSFSheet s, PackData data) {
        MonthEndFigures f = data.figures();
        s.setColumnWidth(0, 34 * 256);
        s.setColumnWidth(1, 18 * 256);
        int r = 0;
        text(s.createRow(r++), 0, "AR aging — " + data.entity(), title);
        Row row = s.createRow(r++);
        text(row, 0, "As of", bold);
        cells.date(row, 1, f.asOf());
        r = pair(s, r, "Aging basis", f.aging().basis());
        r = pair(s, r, "Functional currency", f.functionalCurrency().getCurrencyCode());
        r = pair(s, r, "Run", data.runId());
        r = pair(s, r, "Code version", data.codeVersion());
        r++;
        Row head = s.createRow(r++);
        text(head, 0, "Bucket", header);
        text(head, 1, "Open amount", header);
        int first = r;
        for (MonthEndFigures.BucketAmount b : f.aging().buckets()) {
            Row br = s.createRow(r++);
            text(br, 0, b.label(), null);
            number(br, 1, b.amount().amount().doubleValue(), amount);
        }
        int last = r - 1;
        bucketRows[0] = first;
        bucketRows[1] = last;
        BigDecimal bucketSum = f.aging().buckets().stream().map(b -> b.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        Row sum = s.createRow(r++);
        text(sum, 0, "Sum of buckets", bold);
        formula(sum, 1, "SUM(B" + (first + 1) + ":B" + (last + 1) + ")", bucketSum, amountBold);
        Row stated = s.createRow(r++);
        text(stated, 0, "Total open AR (stated)", bold);
        number(stated, 1, f.aging().totalOpen().amount().doubleValue(), amountBold);
        Row check = s.createRow(r++);
        text(check, 0, "Difference (must be 0.00)", bold);
        formula(check, 1, "ROUND(B" + (sum.getRowNum() + 1) + "-B" + (stated.getRowNum() + 1) + ",2)",
                bucketSum.subtract(f.aging().totalOpen().amount()), amountBold);
        Row unapplied = s.createRow(r++);
        text(unapplied, 0, "of which unapplied cash", null);
        number(unapplied, 1, f.aging().unappliedCash().amount().doubleValue(), amount);
        r++;
        r = pair(s, r, "DSO (standard), days", f.dso().standard() == null ? "n/a: no credit sales" : f.dso().standard().toPlainString());
        r = pair(s, r, "Best possible DSO, days", f.dso().bestPossible() == null ? "n/a" : f.dso().bestPossible().toPlainString());
        r = pair(s, r, "CEI", f.cei() == null ? "n/a" : f.cei().toPlainString());
        r = pair(s, r, "Controls passed", data.controlsPassed() + " of " + data.controls().size());
        r = pair(s, r, "Bank statements", BankSection.findings(data.bank()));
        r++;
        text(s.createRow(r++), 0, Conventions.aging(f), null);
        agingChartRow = r + 1;
    }

    /** Every finding of the bank statements' checks, one a row; a sheet that says so when there is none. */
    private void bankChecks(PackData.Bank bank) {
        Sheet s = wb.createSheet("Bank checks");
        s.setColumnWidth(0, 28 * 256);
        s.setColumnWidth(1, 10 * 256);
        s.setColumnWidth(2, 48 * 256);
        s.setColumnWidth(3, 14 * 256);
        s.setColumnWidth(4, 100 * 256);
        int r = 0;
        text(s.createRow(r++), 0, BankSection.summary(bank), bold);
        r++;
        Row head = s.createRow(r++);
        String[] titles = {"Category", "Severity", "Where", "Difference", "Reason"};
        for (int c = 0; c < titles.length; c++) {
            text(head, c, titles[c], header);
        }
        for (ExceptionItem e : bank.findings()) {
            Row row = s.createRow(r++);
            text(row, 0, e.category(), null);
            text(row, 1, e.severity().name(), null);
            text(row, 2, e.entityId(), null);
            if (e.amount() != null) {
                number(row, 3, e.amount().amount().doubleValue(), amount);
            }
            text(row, 4, e.reason(), null);
        }
    }

    private int pair(Sheet s, int r, String label, String value) {
        Row row = s.createRow(r);
        text(row, 0, label, bold);
        text(row, 1, value, null);
        return r + 1;
    }

    private void byCustomer(Sheet s, MonthEndFigures f, List<CustomerAging.Line> lines) {
        List<MonthEndFigures.BucketAmount> buckets = f.aging().buckets();
        Row head = s.createRow(0);
        text(head, 0, "customer_id", header);
        text(head, 1, "name", header);
        for (int b = 0; b < buckets.size(); b++) {
            text(head, 2 + b, buckets.get(b).label(), header);
        }
        int totalCol = 2 + buckets.size();
        text(head, totalCol, "Total", header);
        s.setColumnWidth(0, 14 * 256);
        s.setColumnWidth(1, 40 * 256);
        for (int c = 2; c <= totalCol; c++) {
            s.setColumnWidth(c, 15 * 256);
        }
        int r = 1;
        // The last line is the total: written as formulas below.
        for (CustomerAging.Line line : lines.subList(0, Math.max(0, lines.size() - 1))) {
            Row row = s.createRow(r++);
            text(row, 0, line.customerId(), null);
            text(row, 1, line.label(), null);
            for (int b = 0; b < buckets.size(); b++) {
                number(row, 2 + b, line.buckets().get(b).amount().doubleValue(), amount);
            }
            formula(row, totalCol, "SUM(" + col(2) + (r) + ":" + col(totalCol - 1) + r + ")", line.total().amount(), amount);
        }
        Row total = s.createRow(r);
        text(total, 1, "Total", bold);
        CustomerAging.Line sums = lines.get(lines.size() - 1);
        for (int c = 2; c <= totalCol; c++) {
            BigDecimal cached = c < totalCol ? sums.buckets().get(c - 2).amount() : sums.total().amount();
            formula(total, c, r > 1 ? "SUM(" + col(c) + "2:" + col(c) + r + ")" : "0", cached, amountBold);
        }
        s.createFreezePane(2, 1);
        s.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, totalCol));
    }

    /** Every open item, a row each; only rows, so it can run beside the other sheets (the caller finishes the sheets). */
    private void detail(ContinuedSheets sheets, LocalDate asOf, Items items) {
        items.forEach(item -> {
            if (closed) {
                throw new CancellationException("the workbook was closed before its detail was written");
            }
            OpenItem i = item.item();
            Row row = sheets.next();
            detailRows++;
            text(row, 0, i.customerId(), null);
            text(row, 1, i.documentId(), null);
            text(row, 2, i.type().name(), null);
            cells.date(row, 3, i.documentDate());
            cells.date(row, 4, i.dueDate());
            number(row, 5, ChronoUnit.DAYS.between(i.dueDate(), asOf), cells.integer);
            text(row, 6, item.bucketLabel(), null);
            number(row, 7, i.open().amount().doubleValue(), amount);
            text(row, 8, i.open().currencyCode(), null);
            number(row, 9, item.functional().amount().doubleValue(), amount);
        });
    }

    private void text(Row row, int col, String value, CellStyle style) {
        cells.text(row, col, value, style);
    }

    private static void number(Row row, int col, double value, CellStyle style) {
        WorkbookCells.number(row, col, value, style);
    }

    private static void formula(Row row, int col, String formula, BigDecimal cached, CellStyle style) {
        WorkbookCells.formula(row, col, formula, cached, style);
    }

    private static String col(int index) {
        return WorkbookCells.col(index);
    }
}
