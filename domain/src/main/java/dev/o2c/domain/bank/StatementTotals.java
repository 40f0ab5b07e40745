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

    /** How people find the statement: file, account and the bank's statement id. */
    public String label() {
        return file + " " + account + (statementId == null ? "" : " " + statementId);
    }
}
