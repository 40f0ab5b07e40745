package dev.o2c.domain.figures;

import dev.o2c.domain.ar.Customer;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.ar.Receipt;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.cashapp.CashAllocation;
import dev.o2c.domain.money.FxRates;
import java.util.List;

/**
 * Everything the month-end figures are derived from: the ERP's documents and
 * receipts, the bank lines, how cash application decided each credit, and the rates.
 */
public record Ledger(
        List<Customer> customers,
        List<Invoice> documents,
        List<Receipt> receipts,
        List<BankTransaction> bankTransactions,
        List<CashAllocation> cashAllocations,
        FxRates fx) {

    public Ledger {
        customers = List.copyOf(customers);
        documents = List.copyOf(documents);
        receipts = List.copyOf(receipts);
        bankTransactions = List.copyOf(bankTransactions);
        cashAllocations = List.copyOf(cashAllocations);
    }
}
