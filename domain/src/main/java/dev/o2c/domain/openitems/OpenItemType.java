package dev.o2c.domain.openitems;

/** What an open item is; the value is what {@code aging.csv} prints as document_type. */
public enum OpenItemType {
    INVOICE,
    /** a credit memo with no invoice to reduce: a negative item aged on its own date */
    CREDIT_MEMO,
    /** cash held on account: a negative item aged on its receipt date */
    UNAPPLIED_CASH
}
