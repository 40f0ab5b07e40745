package dev.o2c.domain.openitems;

import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives the open items as of a date from the documents and the cash, never from
 * a stored balance (METRICS.md sections 0 and 1).
 *
 * <p>Cut-off: a document or cash movement counts only when dated on or before
 * as-of. A credit memo reduces its original invoice from the memo's date on;
 * without one (or when that invoice does not exist yet as of the date) it is a
 * negative item of its own. Cash allocated to an invoice that does not exist as
 * of the date is held as unapplied cash, so the cash is never lost and the
 * roll-forward still ties. Items whose open amount is zero are left out.
 */
public final class OpenItems {

    private OpenItems() {
    }

    /** The open items as of {@code asOf}, in {@link OpenItem#PUBLISHED_ORDER}. */
    public static List<OpenItem> asOf(LocalDate asOf, Collection<Invoice> documents, Collection<CashMovement> cash) {
        OpenItem[] items = unordered(asOf, documents, cash).toArray(OpenItem[]::new);
        // a total order, so sorting in parallel gives the one result a single thread would
        java.util.Arrays.parallelSort(items, OpenItem.PUBLISHED_ORDER);
        return java.util.Arrays.asList(items);
    }

    /** The same items in no particular order: for totals, which do not need the published order. */
    public static List<OpenItem> unordered(LocalDate asOf, Collection<Invoice> documents, Collection<CashMovement> cash) {
        Map<String, Invoice> invoices = new HashMap<>();
        Map<String, Money> openByInvoice = new HashMap<>();
        for (Invoice doc : documents) {
            if (!doc.isCreditMemo() && !doc.invoiceDate().isAfter(asOf)) {
                invoices.put(doc.invoiceId(), doc);
                openByInvoice.put(doc.invoiceId(), doc.amount());
            }
        }
        List<OpenItem> items = new ArrayList<>();
        for (Invoice doc : documents) {
            if (!doc.isCreditMemo() || doc.invoiceDate().isAfter(asOf)) {
                continue;
            }
            Invoice original = doc.originalInvoiceId() == null ? null : invoices.get(doc.originalInvoiceId());
            if (original != null && original.amount().isSameCurrency(doc.amount())) {
                openByInvoice.merge(original.invoiceId(), doc.amount().negate(), Money::plus);
            } else {
                items.add(new OpenItem(doc.customerId(), doc.invoiceId(), OpenItemType.CREDIT_MEMO,
                        doc.invoiceDate(), doc.invoiceDate(), doc.amount().negate(), doc.disputed()));
            }
        }
        Map<String, CashMovement> unapplied = new LinkedHashMap<>();
        for (CashMovement move : cash) {
            if (move.date().isAfter(asOf)) {
                continue;
            }
            Invoice target = move.invoiceId() == null ? null : invoices.get(move.invoiceId());
            if (target != null && target.amount().isSameCurrency(move.amount())) {
                openByInvoice.merge(target.invoiceId(), move.amount().negate(), Money::plus);
            } else {
                // one unapplied item per source and customer, in the cash's currency
                String key = move.sourceId() + '\u0000' + move.customerId() + '\u0000' + move.amount().currencyCode();
                unapplied.merge(key, move, (a, b) -> new CashMovement(a.sourceId(), a.customerId(),
                        a.date().isBefore(b.date()) ? a.date() : b.date(), null, a.amount().plus(b.amount())));
            }
        }
        for (CashMovement move : unapplied.values()) {
            if (!move.amount().isZero()) {
                items.add(new OpenItem(move.customerId(), move.sourceId(), OpenItemType.UNAPPLIED_CASH,
                        move.date(), move.date(), move.amount().negate()));
            }
        }
        for (Invoice invoice : invoices.values()) {
            Money open = openByInvoice.get(invoice.invoiceId());
            if (!open.isZero()) {
                items.add(new OpenItem(invoice.customerId(), invoice.invoiceId(), OpenItemType.INVOICE,
                        invoice.invoiceDate(), invoice.dueDate(), open, invoice.disputed()));
            }
        }
        return items;
    }

    /**
     * Each invoice's open amount after every credit memo and cash movement, whatever
     * its date: the working balance cash application starts from.
     */
    public static Map<String, Money> balances(Collection<Invoice> documents, Collection<CashMovement> cash) {
        Map<String, Money> open = new HashMap<>();
        for (Invoice doc : documents) {
            if (!doc.isCreditMemo()) {
                open.put(doc.invoiceId(), doc.amount());
            }
        }
        for (Invoice doc : documents) {
            if (doc.isCreditMemo() && doc.originalInvoiceId() != null) {
                open.computeIfPresent(doc.originalInvoiceId(),
                        (id, m) -> m.isSameCurrency(doc.amount()) ? m.minus(doc.amount()) : m);
            }
        }
        for (CashMovement move : cash) {
            if (move.invoiceId() != null) {
                open.computeIfPresent(move.invoiceId(),
                        (id, m) -> m.isSameCurrency(move.amount()) ? m.minus(move.amount()) : m);
            }
        }
        return open;
    }
}
