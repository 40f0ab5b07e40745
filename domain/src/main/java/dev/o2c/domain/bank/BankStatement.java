package dev.o2c.domain.bank;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A statement of one account: a camt {@code Stmt}/{@code Rpt}/{@code Ntfctn}, an MT940
 * {@code :20:} block, a BAI2 {@code 03} account, or one account of a bank CSV file.
 *
 * @param account the account, or null when the file names none (the close loads it under
 *        {@link #unknownAccount}, chained only with the file's other such statements)
 * @param currency the statement's currency; {@link dev.o2c.domain.money.Money#NO_CURRENCY} when the file names none
 * @param statementId the bank's id of the statement, or null
 * @param sequence the electronic sequence or page (camt {@code ElctrncSeqNb}, MT940 {@code :28C:}), or null
 * @param openingBalance the booked opening (OPBD or PRCD), or null when the file carries none
 * @param closingBalance the booked closing (CLBD), or null when the file carries none
 * @param balances every balance the file gives, opening and closing included, in file order
 */
public record BankStatement(
        String account,
        Currency currency,
        String statementId,
        String sequence,
        Balance openingBalance,
        Balance closingBalance,
        List<Balance> balances,
        List<BankTransaction> transactions) {

    public BankStatement {
        Objects.requireNonNull(currency, "currency");
        balances = balances == null ? List.of() : List.copyOf(balances);
        transactions = transactions == null ? List.of() : List.copyOf(transactions);
    }

    /** The same statement without its lines: what a streaming reader knows at its start and end. */
    public BankStatement withoutTransactions() {
        return new BankStatement(account, currency, statementId, sequence, openingBalance, closingBalance, balances, List.of());
    }

    /**
     * The account the close gives a statement that names none (a camt {@code Stmt} without
     * {@code Acct}, as some banking systems send them): unknown, and tied to its file, so it is
     * never taken for another file's account nor chained with it.
     */
    public static String unknownAccount(String file) {
        return "(unknown account) " + file;
    }

    public BankStatement withAccount(String other) {
        return new BankStatement(other, currency, statementId, sequence, openingBalance, closingBalance, balances, transactions);
    }

    public BankStatement withTransactions(List<BankTransaction> lines) {
        return new BankStatement(account, currency, statementId, sequence, openingBalance, closingBalance, balances, lines);
    }
}
