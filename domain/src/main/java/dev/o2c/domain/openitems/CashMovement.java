package dev.o2c.domain.openitems;

import dev.o2c.domain.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Cash that reduces a customer's AR: an ERP receipt's allocation, or a bank
 * credit that we applied (AUTO) or hold on account.
 *
 * @param sourceId the receipt id or bank transaction id; names the unapplied-cash item
 * @param invoiceId null for cash on account
 * @param amount positive
 */
public record CashMovement(String sourceId, String customerId, LocalDate date, String invoiceId, Money amount) {
    public CashMovement {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
    }
}
