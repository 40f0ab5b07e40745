package dev.o2c.writers.out;

import dev.o2c.domain.bank.Balance;
import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** The normalized statement JSON of CONTRACTS.md section 4. */
public final class StatementJson {

    private StatementJson() {
    }

    public static String write(String file, String format, List<BankStatement> statements) {
        ObjectNode root = Json.object();
        root.put("file", file);
        root.put("format", format);
        var array = root.putArray("statements");
        for (BankStatement s : statements) {
            ObjectNode node = array.addObject();
            node.put("account", s.account());
            node.put("currency", s.currency().getCurrencyCode());
            node.put("statement_id", s.statementId());
            balance(node, "opening_balance", s.openingBalance());
            balance(node, "closing_balance", s.closingBalance());
            var txs = node.putArray("transactions");
            for (BankTransaction t : s.transactions()) {
                ObjectNode tx = txs.addObject();
                tx.put("booking_date", t.bookingDate().toString());
                tx.put("value_date", t.valueDate().toString());
                tx.put("amount", t.amount().toPlainString());
                tx.put("currency", t.amount().currencyCode());
                tx.put("bank_reference", t.transactionId());
                tx.put("customer_reference", t.customerReference());
                tx.put("type_code", t.typeCode());
                tx.put("counterparty_name", t.counterpartyName());
                tx.put("counterparty_account", t.counterpartyAccount());
                tx.put("remittance_info", t.remittanceInfo());
                tx.put("structured_reference", t.structuredReference());
                tx.putArray("details");
            }
        }
        return Json.pretty(root);
    }

    private static void balance(ObjectNode node, String name, Balance balance) {
        if (balance == null) {
            node.putNull(name);
        } else {
            node.putObject(name).put("date", balance.date().toString()).put("amount", balance.amount().toPlainString());
        }
    }
}
