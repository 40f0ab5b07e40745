package dev.o2c.domain.ar;

import dev.o2c.domain.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Cash already applied in the ERP: one receipt and how it was allocated.
 *
 * @param bankReference the bank transaction id of the statement line that brought the cash, or null
 * @param allocations never empty; an allocation without an invoice is cash on account
 */
public record Receipt(
        String receiptId,
        String customerId,
        LocalDate receiptDate,
        String bankReference,
        List<Allocation> allocations) {

    /** @param invoiceId null for cash on account */
    public record Allocation(String invoiceId, Money amount) {
        public Allocation {
            Objects.requireNonNull(amount, "amount");
        }

        public boolean onAccount() {
            return invoiceId == null;
        }
    }

    public Receipt {
        Objects.requireNonNull(receiptId, "receiptId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(receiptDate, "receiptDate");
        allocations = List.copyOf(allocations);
        if (allocations.isEmpty()) {
            throw new IllegalArgumentException("receipt " + receiptId + " has no allocations");
        }
    }

    public Money total() {
        Money total = Money.zero(allocations.get(0).amount().currency());
        for (Allocation a : allocations) {
            total = total.plus(a.amount());
        }
        return total;
    }
}
