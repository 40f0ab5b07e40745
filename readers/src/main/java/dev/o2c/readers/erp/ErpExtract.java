package dev.o2c.readers.erp;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extracts of the generic input directory (CONTRACTS.md section 2), in the order
 * they load: customers first, so every later file can be checked against them. Each
 * lists its columns: the required ones, the dates and the numbers, which a mapping
 * profile turns from the way an ERP writes them into ours.
 */
public enum ErpExtract {
    CUSTOMERS("customers", true,
            List.of("customer_id", "name", "currency"),
            List.of("customer_id", "name", "currency", "credit_limit", "payment_terms_days", "country", "bank_accounts",
                    "parent_customer_id"),
            List.of(), List.of("credit_limit")),
    ORDERS("orders", false,
            List.of("order_id", "customer_id", "order_date", "currency", "amount", "status"),
            List.of("order_id", "customer_id", "order_date", "currency", "amount", "status", "fulfilled_date"),
            List.of("order_date", "fulfilled_date"), List.of("amount")),
    INVOICES("invoices", true,
            List.of("invoice_id", "customer_id", "invoice_date", "due_date", "currency", "amount"),
            List.of("invoice_id", "customer_id", "order_id", "invoice_date", "due_date", "currency", "amount", "type",
                    "original_invoice_id", "disputed"),
            List.of("invoice_date", "due_date"), List.of("amount")),
    RECEIPTS("receipts", false,
            List.of("receipt_id", "customer_id", "receipt_date", "currency", "amount"),
            List.of("receipt_id", "customer_id", "receipt_date", "currency", "amount", "invoice_id", "bank_reference"),
            List.of("receipt_date"), List.of("amount")),
    FX_RATES("fx_rates", false,
            List.of("date", "currency", "rate"),
            List.of("date", "currency", "rate"),
            List.of("date"), List.of("rate"));

    /**
     * A generic file name: the extract's name, optionally a suffix that tells deltas apart
     * ({@code invoices-2025-10-02.csv}, {@code invoices_delta_0001.xlsx}), and its type.
     */
    private static final Pattern GENERIC_NAME = Pattern.compile("(customers|orders|invoices|receipts|fx_rates)([-_.][^/]*)?\\.(csv|xlsx)",
            Pattern.CASE_INSENSITIVE);

    private final String baseName;
    private final boolean required;
    private final List<String> requiredColumns;
    private final List<String> columns;
    private final List<String> dateColumns;
    private final List<String> numberColumns;

    ErpExtract(String baseName, boolean required, List<String> requiredColumns, List<String> columns, List<String> dateColumns,
               List<String> numberColumns) {
        this.baseName = baseName;
        this.required = required;
        this.requiredColumns = requiredColumns;
        this.columns = columns;
        this.dateColumns = dateColumns;
        this.numberColumns = numberColumns;
    }

    /** The file of the generic profile: {@code invoices.csv}. */
    public String fileName() {
        return baseName + ".csv";
    }

    /** How configuration names it: {@code invoices}. */
    public String label() {
        return baseName;
    }

    /** The extract a generic file name is, when it is one. */
    public static Optional<ErpExtract> ofGenericName(String fileName) {
        Matcher m = GENERIC_NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT)));
    }

    /** The extract a profile names ({@code invoices}), or null. */
    public static ErpExtract ofLabel(String label) {
        for (ErpExtract e : values()) {
            if (e.baseName.equalsIgnoreCase(label)) {
                return e;
            }
        }
        return null;
    }

    /** Whether a close cannot run without the file. */
    public boolean required() {
        return required;
    }

    public List<String> requiredColumns() {
        return requiredColumns;
    }

    /** Every column of the generic layout, in the contract's order. */
    public List<String> columns() {
        return columns;
    }

    public List<String> dateColumns() {
        return dateColumns;
    }

    public List<String> numberColumns() {
        return numberColumns;
    }
}
