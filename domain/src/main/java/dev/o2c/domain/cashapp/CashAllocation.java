package dev.o2c.domain.cashapp;

import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of {@code cash-application.csv}: a part of a bank credit and where it went.
 *
 * @param creditAmount the whole bank credit
 * @param customerId null when no customer was identified
 * @param invoiceId null unless applied or proposed against an invoice
 * @param applied the part of the credit this row accounts for
 * @param confidence 0.00 to 1.00
 */
public record CashAllocation(
        String bankTransactionId,
        String account,
        String statementFile,
        LocalDate valueDate,
        Money creditAmount,
        String customerId,
        String invoiceId,
        Money applied,
        ApplicationStatus status,
        String rule,
        BigDecimal confidence,
        String explanation) {

    public CashAllocation {
        Objects.requireNonNull(bankTransactionId, "bankTransactionId");
        Objects.requireNonNull(valueDate, "valueDate");
        Objects.requireNonNull(creditAmount, "creditAmount");
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(explanation, "explanation");
    }
}
