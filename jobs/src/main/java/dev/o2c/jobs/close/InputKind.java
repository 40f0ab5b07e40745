package dev.o2c.jobs.close;

import dev.o2c.readers.erp.ErpExtract;

/** What an input file is: one of the ERP extracts, or a bank statement. */
public enum InputKind {
    CUSTOMERS(ErpExtract.CUSTOMERS),
    ORDERS(ErpExtract.ORDERS),
    INVOICES(ErpExtract.INVOICES),
    RECEIPTS(ErpExtract.RECEIPTS),
    FX_RATES(ErpExtract.FX_RATES),
    BANK(null);

    private final ErpExtract extract;

    InputKind(ErpExtract extract) {
        this.extract = extract;
    }

    /** The extract, or null for bank statements. */
    public ErpExtract extract() {
        return extract;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
