package dev.o2c.readers.bank;

import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the lines of a bank CSV file into statements: one per account and currency,
 * in the order they first appear. Bank CSV carries no statement id and no balances,
 * so those stay null.
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
            statements.add(new BankStatement(first.account(), first.amount().currency(), null, null, null, null, List.of(), txs));
        }
        return statements;
    }
}
