package dev.o2c.readers.erp;

import java.util.List;

/**
 * The files of the generic input directory (CONTRACTS.md section 2), in the order
 * they load: customers first, so every later file can be checked against them.
 */
public enum ErpExtract {
    CUSTOMERS("customers.csv", true, List.of("customer_id", "name", "currency")),
    ORDERS("orders.csv", false, List.of("order_id", "customer_id", "order_date", "currency", "amount", "status")),
    INVOICES("invoices.csv", true, List.of("invoice_id", "customer_id", "invoice_date", "due_date", "currency", "amount")),
    RECEIPTS("receipts.csv", false, List.of("receipt_id", "customer_id", "receipt_date", "currency", "amount")),
    FX_RATES("fx_rates.csv", false, List.of("date", "currency", "rate"));

    private final String fileName;
    private final boolean required;
    private final List<String> requiredColumns;

    ErpExtract(String fileName, boolean required, List<String> requiredColumns) {
        this.fileName = fileName;
        this.required = required;
        this.requiredColumns = requiredColumns;
    }

    public String fileName() {
        return fileName;
    }

    /** Whether a close cannot run without the file. */
    public boolean required() {
        return required;
    }

    public List<String> requiredColumns() {
        return requiredColumns;
    }

    /** The name of the rejects file: {@code rejects/NAME.csv} with NAME the input's base name. */
    public String rejectsName() {
        return fileName;
    }
}
