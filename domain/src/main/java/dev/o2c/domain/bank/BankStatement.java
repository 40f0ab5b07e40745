package dev.o2c.domain.bank;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A statement of one account.
 *
 * @param openingBalance null when the file carries none
 * @param closingBalance null when the file carries none
 */
public record BankStatement(
        String account,
        Currency currency,
        String statementId,
        Balance openingBalance,
        Balance closingBalance,
        List<BankTransaction> transactions) {

    public BankStatement {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(currency, "currency");
        transactions = List.copyOf(transactions);
    }
}
