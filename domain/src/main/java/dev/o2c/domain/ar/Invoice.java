package dev.o2c.domain.ar;

import dev.o2c.domain.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A billing document: an invoice or a credit memo, as {@code invoices.csv} carries both.
 *
 * @param amount positive; the type gives the sign
 * @param orderId the sales order billed, or null
 * @param originalInvoiceId for a credit memo, the invoice it reduces; null for an open credit
 * @param disputed the customer disputes it (invoices.csv {@code disputed}): aged in its bucket as
 *        any item, subtotalled apart and left out of the collections worklist
 */
public record Invoice(
        String invoiceId,
        String customerId,
        String orderId,
        LocalDate invoiceDate,
        LocalDate dueDate,
        Money amount,
        DocumentType type,
        String originalInvoiceId,
        boolean disputed) {

    public Invoice {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(invoiceDate, "invoiceDate");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(type, "type");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("document amounts are positive, the type gives the sign: " + invoiceId + " " + amount);
        }
    }

    /** A document nobody disputes. */
    public Invoice(String invoiceId, String customerId, String orderId, LocalDate invoiceDate, LocalDate dueDate, Money amount,
                   DocumentType type, String originalInvoiceId) {
        this(invoiceId, customerId, orderId, invoiceDate, dueDate, amount, type, originalInvoiceId, false);
    }

    public boolean isCreditMemo() {
        return type == DocumentType.CREDIT_MEMO;
    }

    /** The effect on AR: the amount for an invoice, its negation for a credit memo. */
    public Money signedAmount() {
        return isCreditMemo() ? amount.negate() : amount;
    }
}
