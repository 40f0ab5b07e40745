package dev.o2c.domain.bank;

import dev.o2c.domain.money.Money;

/**
 * What the balance checks need of a loaded statement: its balances and the sum and count
 * of its entries.
 *
 * @param order the statement's place among all loaded statements (file name, then position
 *        in the file): the tie-break after dates and sequence
 */
public record StatementTotals(
        String file,
        long order,
        String account,
        String statementId,
        String sequence,
        Balance opening,
        Balance closing,
        Money entriesSum,
        long entries) {

    /**
     * {@code sum} with the line added when it counts toward the statement's balances: booked, and
     * in the sum's currency (an entry the bank has not booked, or in another currency, does not).
     */
    public static Money plusBooked(Money sum, BankTransaction line) {
        return line.booked() && line.amount().isSameCurrency(sum) ? sum.plus(line.amount()) : sum;
    }

    /** How people find the statement: file, account and the bank's statement id. */
    public String label() {
        return file + " " + account + (statementId == null ? "" : " " + statementId);
    }
}
