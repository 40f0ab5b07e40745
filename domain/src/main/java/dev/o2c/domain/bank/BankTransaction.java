package dev.o2c.domain.bank;

import dev.o2c.domain.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One booked entry of a bank statement (CONTRACTS.md section 4).
 *
 * @param transactionId the bank's own reference of the line, or a stable id from the
 *        file's hash and the line's position where the format has none
 * @param amount signed: credits positive, debits negative, in the statement's currency
 * @param statementFile the file the line came from, as named in the input directory
 * @param position the line's 1-based position within its file, for stable ordering
 */
public record BankTransaction(
        String transactionId,
        String account,
        LocalDate bookingDate,
        LocalDate valueDate,
        Money amount,
        String counterpartyName,
        String counterpartyAccount,
        String remittanceInfo,
        String structuredReference,
        String typeCode,
        String customerReference,
        String statementFile,
        long position) {

    public BankTransaction {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(bookingDate, "bookingDate");
        Objects.requireNonNull(valueDate, "valueDate");
        Objects.requireNonNull(amount, "amount");
    }

    public boolean isCredit() {
        return amount.isPositive();
    }
}
