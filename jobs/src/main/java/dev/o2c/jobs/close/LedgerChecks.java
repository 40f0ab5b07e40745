package dev.o2c.jobs.close;

import dev.o2c.domain.collections.KeyLines;
import dev.o2c.writers.store.LedgerLoad;
import dev.o2c.writers.store.LedgerLoad.RowCheck;
import dev.o2c.writers.store.LedgerQueries;
import java.util.List;

/**
 * The checks an ERP extract's rows get beyond their own: the references that only the store
 * or the rest of the file can answer. Each is asked in file order, after the duplicate check,
 * with the row in its table's column order (writers.store.LedgerTable).
 */
final class LedgerChecks {

    private LedgerChecks() {
    }

    /**
     * A credit memo names an invoice: one in the store, or one of this file, above it or below
     * it (a memo naming an invoice further down waits for the end of the file).
     */
    static List<RowCheck> invoices(LedgerQueries queries) {
        KeyLines invoices = queries.documentIds(true);
        return List.of(new RowCheck() {
            @Override
            public String check(long line, Object[] row) {
                String original = (String) row[8];
                if (original == null || "INVOICE".equals(row[7]) || invoices.contains(original)) {
                    return null;
                }
                return LedgerLoad.LATER;
            }

            @Override
            public String checkLater(Object[] row) {
                String original = (String) row[8];
                return invoices.contains(original) ? null : "original_invoice_id '" + original + "' is not a known invoice";
            }

            @Override
            public void accepted(Object[] row) {
                if ("INVOICE".equals(row[7])) {
                    invoices.add((String) row[0]);
                }
            }
        });
    }

    /**
     * The rows of one receipt agree on customer, date, currency and bank reference with its
     * first row; a receipt applied to an invoice names one the store knows. The first row of
     * each receipt is remembered by a 64-bit fingerprint of those four values.
     */
    static List<RowCheck> receipts(LedgerQueries queries) {
        KeyLines firstRows = new KeyLines(1 << 16);
        RowCheck sameReceipt = (line, row) -> {
            int first = firstRows.putIfAbsent((String) row[0], line, fingerprint(row));
            if (first == KeyLines.ADDED || firstRows.tag(first) == fingerprint(row)) {
                return null;
            }
            return "receipt " + row[0] + " disagrees with its row at line " + firstRows.line(first)
                    + " on customer_id, receipt_date, currency or bank_reference";
        };
        KeyLines documents = queries.documentIds(false);
        RowCheck knownInvoice = (line, row) -> {
            String invoice = (String) row[2];
            return invoice == null || documents.contains(invoice) ? null : "invoice_id '" + invoice + "' is not a known invoice";
        };
        return List.of(sameReceipt, knownInvoice);
    }

    /**
     * customer_id, receipt_date, currency and bank_reference of a receipt_line row as one 64-bit
     * number (FNV-1a): two rows that disagree give the same number about once in 2^64.
     */
    private static long fingerprint(Object[] row) {
        long h = 0xcbf29ce484222325L;
        for (int i : new int[]{3, 4, 5, 7}) {
            String text = row[i] == null ? "\u0001" : row[i].toString();
            for (int c = 0; c < text.length(); c++) {
                h = (h ^ text.charAt(c)) * 0x100000001b3L;
            }
            h = (h ^ 0) * 0x100000001b3L; // a separator: ("ab", "c") is not ("a", "bc")
        }
        return h;
    }
}
