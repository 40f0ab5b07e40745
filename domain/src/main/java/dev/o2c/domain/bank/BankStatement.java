package dev.o2c.domain.bank;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A statement of one account: a camt {@code Stmt}/{@code Rpt}/{@code Ntfctn}, an MT940
 * {@code :20:} block, a BAI2 {@code 03} account, or one account of a bank CSV file.
 *
 * @param account the account, or null when the file names none (a fragment: the close refuses it)
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

    public BankStatement withTransactions(List<BankTransaction> lines) {
        return new BankStatement(account, currency, statementId, sequence, openingBalance, closingBalance, balances, lines);
    }
}
