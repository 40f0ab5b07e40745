package dev.o2c.domain.support;

import dev.o2c.domain.ar.Customer;
import dev.o2c.domain.ar.DocumentType;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.ar.Receipt;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.money.Money;
import java.time.LocalDate;
import java.util.List;

/** Small fixtures that read like a ledger. */
public final class Ledgers {

    private Ledgers() {
    }

    public static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    public static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    public static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    public static Customer acme() {
        return new Customer("C001", "Acme Trading Ltd", Money.currency("USD"), usd("10000.00"), 30, "US",
                List.of("US12 3456 7890"), null);
    }

    public static Customer globex() {
        return new Customer("C002", "Globex GmbH", Money.currency("USD"), null, 30, "DE", List.of("DE89370400440532013000"), null);
    }

    public static Invoice invoice(String id, String customer, String date, String due, Money amount) {
        return new Invoice(id, customer, null, d(date), d(due), amount, DocumentType.INVOICE, null);
    }

    public static Invoice creditMemo(String id, String customer, String date, Money amount, String original) {
        return new Invoice(id, customer, null, d(date), d(date), amount, DocumentType.CREDIT_MEMO, original);
    }

    public static Receipt receipt(String id, String customer, String date, String bankRef, String invoiceId, Money amount) {
        return new Receipt(id, customer, d(date), bankRef, List.of(new Receipt.Allocation(invoiceId, amount)));
    }

    public static BankTransaction credit(String id, String date, Money amount, String payer, String account, String remittance) {
        return BankTransaction.builder().transactionId(id).bankReference(id).account("ACCT-1").bookingDate(d(date))
                .valueDate(d(date)).amount(amount).counterpartyName(payer).counterpartyAccount(account)
                .remittanceInfo(remittance).statementFile("bank/stmt.csv").build();
    }
}
