package dev.o2c.writers.store;

import dev.o2c.domain.ar.Customer;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.ar.Receipt;
import dev.o2c.domain.ar.SalesOrder;
import dev.o2c.domain.money.FxRate;
import dev.o2c.domain.money.Money;
import dev.o2c.domain.controls.Reject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes loaded records into the store in JDBC batches, inserting or updating each
 * by its natural key, so loading the same records again changes nothing.
 *
 * <p>Dates go in as {@code LocalDate}: no time zone stands between us and the store.
 * The caller owns the transaction: one file's rows and its {@link InputFile} row
 * commit together or not at all. Not thread-safe; one instance per file.
 */
public final class LedgerWriter implements AutoCloseable {

    static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final Dialect dialect;
    private final String sourceSha256;
    private final Map<Class<?>, Batch> batches = new java.util.HashMap<>();

    private long notices;

    public LedgerWriter(JdbcTemplate jdbc, Dialect dialect, String sourceSha256) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.sourceSha256 = sourceSha256;
    }

    private final class Batch {
        final String sql;
        final List<Object[]> rows = new ArrayList<>(BATCH);

        Batch(String sql) {
            this.sql = sql;
        }

        void add(Object... row) {
            rows.add(row);
            if (rows.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(sql, rows);
                rows.clear();
            }
        }
    }

    private Batch batch(Class<?> type, String table, String columns, String keys) {
        return batches.computeIfAbsent(type, t -> new Batch(dialect.upsert(table, List.of(columns.split(", ")), List.of(keys.split(", ")))));
    }

    public void customer(Customer c) {
        batch(Customer.class, "customer", "customer_id, name, currency, credit_limit, payment_terms_days, country, bank_accounts, parent_customer_id, source_sha256", "customer_id")
                .add(c.customerId(), c.name(), c.currency().getCurrencyCode(), amount(c.creditLimit()), c.paymentTermsDays(),
                        c.country(), c.bankAccounts().isEmpty() ? null : String.join("|", c.bankAccounts()), c.parentCustomerId(), sourceSha256);
    }

    public void order(SalesOrder o) {
        batch(SalesOrder.class, "sales_order", "order_id, customer_id, order_date, currency, amount, status, fulfilled_date, source_sha256", "order_id")
                .add(o.orderId(), o.customerId(), o.orderDate(), o.amount().currencyCode(), o.amount().amount(),
                        o.status().name(), o.fulfilledDate(), sourceSha256);
    }

    public void document(Invoice i) {
        batch(Invoice.class, "ar_document", "document_id, customer_id, order_id, document_date, due_date, currency, amount, document_type, original_invoice_id, source_sha256", "document_id")
                .add(i.invoiceId(), i.customerId(), i.orderId(), i.invoiceDate(), i.dueDate(), i.amount().currencyCode(),
                        i.amount().amount(), i.type().name(), i.originalInvoiceId(), sourceSha256);
    }

    /** One allocation row of a receipt (readers give receipts one allocation a row). */
    public void receiptLine(Receipt r) {
        Batch b = batch(Receipt.class, "receipt_line", "receipt_id, invoice_key, invoice_id, customer_id, receipt_date, currency, amount, bank_reference, source_sha256", "receipt_id, invoice_key");
        for (Receipt.Allocation a : r.allocations()) {
            b.add(r.receiptId(), a.invoiceId() == null ? "" : a.invoiceId(), a.invoiceId(), r.customerId(), r.receiptDate(),
                    a.amount().currencyCode(), a.amount().amount(), r.bankReference(), sourceSha256);
        }
    }

    public void fxRate(FxRate f) {
        batch(FxRate.class, "fx_rate", "rate_date, currency, rate, source_sha256", "rate_date, currency")
                .add(f.date(), f.currency().getCurrencyCode(), f.rate(), sourceSha256);
    }

    public void reject(Reject r) {
        reject(r, null);
    }

    /** A reject with a category the close turns into an exception (DUPLICATE_BANK_LINE, DUPLICATE_STATEMENT). */
    public void reject(Reject r, String category) {
        batch(Reject.class, "rejected_record", "source_sha256, line_no, reason, raw, category", "source_sha256, line_no")
                .add(sourceSha256, r.line(), r.reason(), r.raw(), category);
    }

    /** Records the file as loaded; call last, after every row of the file. */
    /** Something a reader noticed in a record it loaded all the same: a warning in the close's exceptions. */
    public void notice(long line, String category, String message) {
        jdbc.update("INSERT INTO input_notice (source_sha256, seq, line_no, category, message) VALUES (?, ?, ?, ?, ?)",
                sourceSha256, ++notices, line, category, message);
    }

    public void inputFile(InputFile f) {
        flush();
        String totals = f.controlTotal().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().toPlainString())
                .collect(Collectors.joining(";"));
        jdbc.update(dialect.upsert("input_file", List.of("sha256", "name", "kind", "format", "records", "loaded", "rejected", "control_total"), List.of("sha256")),
                f.sha256(), f.name(), f.kind(), f.format(), f.records(), f.loaded(), f.rejected(), totals);
    }

    public void flush() {
        batches.values().forEach(Batch::flush);
    }

    @Override
    public void close() {
        flush();
    }

    private static BigDecimal amount(Money m) {
        return m == null ? null : m.amount();
    }

}
