package dev.o2c.domain.bank;

import dev.o2c.domain.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One booked entry of a bank statement (CONTRACTS.md section 4): a camt {@code Ntry},
 * an MT940 {@code :61:}, a BAI2 {@code 16}, a bank CSV row.
 *
 * @param transactionId the bank's own reference of the line, or a stable id from the
 *        file's hash and the line's position where the format has none; never null
 * @param bankReference the bank's own reference as the file gives it, or null
 * @param account the statement's account, or null when the file names none
 * @param amount signed: credits positive, debits negative, in the statement's currency
 * @param reversal whether the bank marks the entry as a reversal (camt {@code RvslInd},
 *        MT940 {@code RC}/{@code RD}); the sign already reflects it
 * @param details the underlying transactions of a batched entry; empty when there are none
 * @param statementFile the file the line came from, as named in the input directory
 * @param position the entry's 1-based position within its file, for stable ordering and ids
 * @param line the 1-based line of the file where the entry starts (0 when unknown)
 * @param balanceAfter the account's balance after this line where the bank prints one (bank CSV), else null
 * @param status the bank's status of an entry it has not booked: {@code PDNG} (pending), {@code INFO} (for
 *        information), {@code FUTR} (booked in the future), as camt writes it; null for a booked entry.
 *        Such an entry is shown but never applied, and counts toward no booked balance
 */
public record BankTransaction(
        String transactionId,
        String bankReference,
        String account,
        LocalDate bookingDate,
        LocalDate valueDate,
        Money amount,
        boolean reversal,
        String counterpartyName,
        String counterpartyAccount,
        String remittanceInfo,
        String structuredReference,
        String typeCode,
        String customerReference,
        List<TransactionDetail> details,
        String statementFile,
        long position,
        long line,
        Money balanceAfter,
        String status) {

    public BankTransaction {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(bookingDate, "bookingDate");
        Objects.requireNonNull(valueDate, "valueDate");
        Objects.requireNonNull(amount, "amount");
        details = details == null ? List.of() : List.copyOf(details);
    }

    public boolean isCredit() {
        return amount.isPositive();
    }

    /** Whether the bank booked the entry (no status, or BOOK): only then is it applied and counted in balances. */
    public boolean booked() {
        return status == null;
    }

    /** The same line under another account: a statement that names none is loaded under a label the loader gives it. */
    public BankTransaction withAccount(String other) {
        return new BankTransaction(transactionId, bankReference, other, bookingDate, valueDate, amount, reversal, counterpartyName,
                counterpartyAccount, remittanceInfo, structuredReference, typeCode, customerReference, details, statementFile, position,
                line, balanceAfter, status);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a line field by field, as parsers meet them. */
    public static final class Builder {
        private String transactionId;
        private String bankReference;
        private String account;
        private LocalDate bookingDate;
        private LocalDate valueDate;
        private Money amount;
        private boolean reversal;
        private String counterpartyName;
        private String counterpartyAccount;
        private String remittanceInfo;
        private String structuredReference;
        private String typeCode;
        private String customerReference;
        private List<TransactionDetail> details = List.of();
        private String statementFile;
        private long position;
        private long line;
        private Money balanceAfter;
        private String status;

        public Builder transactionId(String v) { transactionId = v; return this; }
        public Builder bankReference(String v) { bankReference = v; return this; }
        public Builder account(String v) { account = v; return this; }
        public Builder bookingDate(LocalDate v) { bookingDate = v; return this; }
        public Builder valueDate(LocalDate v) { valueDate = v; return this; }
        public Builder amount(Money v) { amount = v; return this; }
        public Builder reversal(boolean v) { reversal = v; return this; }
        public Builder counterpartyName(String v) { counterpartyName = v; return this; }
        public Builder counterpartyAccount(String v) { counterpartyAccount = v; return this; }
        public Builder remittanceInfo(String v) { remittanceInfo = v; return this; }
        public Builder structuredReference(String v) { structuredReference = v; return this; }
        public Builder typeCode(String v) { typeCode = v; return this; }
        public Builder customerReference(String v) { customerReference = v; return this; }
        public Builder details(List<TransactionDetail> v) { details = v; return this; }
        public Builder statementFile(String v) { statementFile = v; return this; }
        public Builder position(long v) { position = v; return this; }
        public Builder line(long v) { line = v; return this; }
        public Builder balanceAfter(Money v) { balanceAfter = v; return this; }
        public Builder status(String v) { status = v; return this; }

        public BankTransaction build() {
            return new BankTransaction(transactionId, bankReference, account, bookingDate,
                    valueDate == null ? bookingDate : valueDate, amount, reversal, counterpartyName, counterpartyAccount,
                    remittanceInfo, structuredReference, typeCode, customerReference, details, statementFile, position, line, balanceAfter,
                    status);
        }
    }
}
