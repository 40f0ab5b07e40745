package dev.o2c.jobs.close;

import dev.o2c.writers.store.LedgerLoad.Check;
import dev.o2c.writers.store.LedgerLoad.Merge;
import dev.o2c.writers.store.LedgerLoad.Step;
import java.util.List;

/**
 * The checks an ERP extract gets once all its rows are staged: the references that only
 * the whole store can answer. Rows checked against rows of the same file are merged
 * first, so the check looks them up by the table's key.
 */
final class LedgerChecks {

    private LedgerChecks() {
    }

    /** A credit memo names an invoice: one in the store, or one of this file (merged first). */
    static final List<Step> INVOICES = List.of(
            new Merge("s.document_type = 'INVOICE'"),
            Check.on("s.original_invoice_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ar_document d"
                            + " WHERE d.document_id = s.original_invoice_id AND d.document_type = 'INVOICE')",
                    "'original_invoice_id ''' || s.original_invoice_id || ''' is not a known invoice'"));

    /**
     * The rows of one receipt agree on customer, date, currency and bank reference with its
     * first row; a receipt applied to an invoice names one the store knows.
     */
    static final List<Step> RECEIPTS = List.of(
            new Check("(SELECT st.*,"
                    + " FIRST_VALUE(st.customer_id) OVER (PARTITION BY st.receipt_id ORDER BY st.line_no) AS first_customer,"
                    + " FIRST_VALUE(st.receipt_date) OVER (PARTITION BY st.receipt_id ORDER BY st.line_no) AS first_date,"
                    + " FIRST_VALUE(st.currency) OVER (PARTITION BY st.receipt_id ORDER BY st.line_no) AS first_currency,"
                    + " FIRST_VALUE(st.bank_reference) OVER (PARTITION BY st.receipt_id ORDER BY st.line_no) AS first_reference,"
                    + " MIN(st.line_no) OVER (PARTITION BY st.receipt_id) AS first_line FROM STAGE st) s",
                    "s.customer_id <> s.first_customer OR s.receipt_date <> s.first_date OR s.currency <> s.first_currency"
                            + " OR s.bank_reference IS DISTINCT FROM s.first_reference",
                    "'receipt ' || s.receipt_id || ' disagrees with its row at line ' || s.first_line"
                            + " || ' on customer_id, receipt_date, currency or bank_reference'"),
            Check.on("s.invoice_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ar_document d WHERE d.document_id = s.invoice_id)",
                    "'invoice_id ''' || s.invoice_id || ''' is not a known invoice'"));
}
