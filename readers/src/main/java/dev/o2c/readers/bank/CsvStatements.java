package dev.o2c.readers.bank;

import dev.o2c.domain.bank.Balance;
import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the lines of a bank CSV file into statements: one per account and currency,
 * in the order they first appear. Bank CSV carries no statement id. Where the layout
 * prints the balance after each line, the statement opens at the first line's balance
 * less its amount and closes at the last line's balance; otherwise balances stay null.
 */
public final class CsvStatements {

    private CsvStatements() {
    }

    public static List<BankStatement> group(List<BankTransaction> lines) {
        Map<String, List<BankTransaction>> byAccount = new LinkedHashMap<>();
        for (BankTransaction t : lines) {
            byAccount.computeIfAbsent(t.account() + '\u0000' + t.amount().currencyCode(), k -> new ArrayList<>()).add(t);
        }
        List<BankStatement> statements = new ArrayList<>();
        for (List<BankTransaction> txs : byAccount.values()) {
            BankTransaction first = txs.get(0);
            BankTransaction last = txs.get(txs.size() - 1);
            Balance opening = first.balanceAfter() == null ? null
                    : new Balance("OPBD", first.bookingDate(), first.balanceAfter().minus(first.amount()));
            Balance closing = last.balanceAfter() == null ? null : new Balance("CLBD", last.bookingDate(), last.balanceAfter());
            List<Balance> balances = new ArrayList<>();
            if (opening != null) {
                balances.add(opening);
            }
            if (closing != null) {
                balances.add(closing);
            }
            statements.add(new BankStatement(first.account(), first.amount().currency(), null, null, opening, closing, balances, txs));
        }
        return statements;
    }
}
