package dev.o2c.writers.store;

import dev.o2c.domain.ar.Customer;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.ar.Receipt;
import dev.o2c.domain.ar.SalesOrder;
import dev.o2c.domain.money.FxRate;
import java.util.List;

/**
 * The ledger's tables as an ERP extract loads into them: their columns in order (the
 * source file's SHA-256 last, set by the load), SQL types for the staging table, the
 * natural key, and how a domain record becomes a row.
 */
public enum LedgerTable {
    CUSTOMER("customer", "customer_id", List.of("customer_id"), null,
            col("customer_id", "VARCHAR(100)"), col("name", "VARCHAR(500)"), col("currency", "CHAR(3)"),
            col("credit_limit", "NUMERIC(19,4)"), col("payment_terms_days", "INTEGER"), col("country", "CHAR(2)"),
            col("bank_accounts", "VARCHAR(4000)"), col("parent_customer_id", "VARCHAR(100)")),
    SALES_ORDER("sales_order", "order_id", List.of("order_id"), "amount",
            col("order_id", "VARCHAR(100)"), col("customer_id", "VARCHAR(100)"), col("order_date", "DATE"),
            col("currency", "CHAR(3)"), col("amount", "NUMERIC(19,4)"), col("status", "VARCHAR(20)"),
            col("fulfilled_date", "DATE")),
    AR_DOCUMENT("ar_document", "invoice_id", List.of("document_id"), "amount",
            col("document_id", "VARCHAR(100)"), col("customer_id", "VARCHAR(100)"), col("order_id", "VARCHAR(100)"),
            col("document_date", "DATE"), col("due_date", "DATE"), col("currency", "CHAR(3)"), col("amount", "NUMERIC(19,4)"),
            col("document_type", "VARCHAR(20)"), col("original_invoice_id", "VARCHAR(100)"), col("disputed", "BOOLEAN")),
    RECEIPT_LINE("receipt_line", "receipt_id and invoice_id", List.of("receipt_id", "invoice_key"), "amount",
            col("receipt_id", "VARCHAR(100)"), col("invoice_key", "VARCHAR(100)"), col("invoice_id", "VARCHAR(100)"),
            col("customer_id", "VARCHAR(100)"), col("receipt_date", "DATE"), col("currency", "CHAR(3)"),
            col("amount", "NUMERIC(19,4)"), col("bank_reference", "VARCHAR(200)")),
    FX_RATE("fx_rate", "date and currency", List.of("rate_date", "currency"), null,
            col("rate_date", "DATE"), col("currency", "CHAR(3)"), col("rate", "NUMERIC(30,12)"));

    /** A column and its SQL type. */
    public record Column(String name, String type) {
    }

    private final String table;
    private final String keyName;
    private final List<String> keys;
    private final String amountColumn;
    private final List<Column> columns;

    LedgerTable(String table, String keyName, List<String> keys, String amountColumn, Column... columns) {
        this.table = table;
        this.keyName = keyName;
        this.keys = keys;
        this.amountColumn = amountColumn;
        this.columns = List.of(columns);
    }

    private static Column col(String name, String type) {
        return new Column(name, type);
    }

    public String table() {
        return table;
    }

    /** How a duplicate's reason names the key, as the source file calls it. */
    public String keyName() {
        return keyName;
    }

    public List<String> keys() {
        return keys;
    }

    /** The column whose sum per currency is the file's control total, or null. */
    public String amountColumn() {
        return amountColumn;
    }

    /** The columns the file gives, in order (without source_sha256). */
    public List<Column> columns() {
        return columns;
    }

    public static Object[] row(Customer c) {
        return new Object[]{c.customerId(), c.name(), c.currency().getCurrencyCode(),
            c.creditLimit() == null ? null : c.creditLimit().amount(), c.paymentTermsDays(), c.country(),
            c.bankAccounts().isEmpty() ? null : String.join("|", c.bankAccounts()), c.parentCustomerId()};
    }

    public static Object[] row(SalesOrder o) {
        return new Object[]{o.orderId(), o.customerId(), o.orderDate(), o.amount().currencyCode(), o.amount().amount(),
            o.status().name(), o.fulfilledDate()};
    }

    public static Object[] row(Invoice i) {
        return new Object[]{i.invoiceId(), i.customerId(), i.orderId(), i.invoiceDate(), i.dueDate(), i.amount().currencyCode(),
            i.amount().amount(), i.type().name(), i.originalInvoiceId(), i.disputed()};
    }

    /** A receipt row: readers give receipts one allocation a row. */
    public static Object[] row(Receipt r) {
        Receipt.Allocation a = r.allocations().get(0);
        return new Object[]{r.receiptId(), a.invoiceId() == null ? "" : a.invoiceId(), a.invoiceId(), r.customerId(),
            r.receiptDate(), a.amount().currencyCode(), a.amount().amount(), r.bankReference()};
    }

    public static Object[] row(FxRate f) {
        return new Object[]{f.date(), f.currency().getCurrencyCode(), f.rate()};
    }
}
