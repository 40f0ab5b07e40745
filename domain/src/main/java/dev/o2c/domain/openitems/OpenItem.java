package dev.o2c.domain.openitems;

import dev.o2c.domain.money.Money;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * What a customer owes (or is owed) on one document as of a date.
 *
 * @param dueDate the invoice's due date; for credits and cash, their own date
 * @param open negative for credits and unapplied cash; may be negative for an overpaid invoice
 * @param disputed the document is disputed (only documents can be)
 */
public record OpenItem(
        String customerId,
        String documentId,
        OpenItemType type,
        LocalDate documentDate,
        LocalDate dueDate,
        Money open,
        boolean disputed) {

    /**
     * The published order: by customer, then date, then document (written out rather than
     * chained: a million items are sorted with it at every close).
     */
    public static final Comparator<OpenItem> PUBLISHED_ORDER = (a, b) -> {
        int c = a.customerId.compareTo(b.customerId);
        if (c == 0) {
            c = a.documentDate.compareTo(b.documentDate);
        }
        if (c == 0) {
            c = a.documentId.compareTo(b.documentId);
        }
        return c != 0 ? c : a.type.compareTo(b.type);
    };

    /** An item nobody disputes. */
    public OpenItem(String customerId, String documentId, OpenItemType type, LocalDate documentDate, LocalDate dueDate, Money open) {
        this(customerId, documentId, type, documentDate, dueDate, open, false);
    }

    public OpenItem {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(documentDate, "documentDate");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(open, "open");
    }
}
