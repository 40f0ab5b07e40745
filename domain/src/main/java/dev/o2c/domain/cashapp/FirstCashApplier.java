package dev.o2c.domain.cashapp;

import dev.o2c.domain.ar.Customer;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.ar.Receipt;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.controls.Severity;
import dev.o2c.domain.money.Money;
import dev.o2c.domain.openitems.CashMovement;
import dev.o2c.domain.openitems.OpenItems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The first, deliberately cautious cash application.
 *
 * <ol>
 *   <li>An ERP receipt whose bank_reference names a bank line: the line is
 *       {@code RECONCILED}, one row per allocation of the receipt.</li>
 *   <li>A credit whose remittance names exactly one open invoice, in the credit's
 *       currency, whose open amount equals the credit: {@code AUTO}. Applying it
 *       lowers the invoice's working balance, so a second payment of the same
 *       invoice is not applied again.</li>
 *   <li>Otherwise a customer identified by the invoices the remittance names, or
 *       by the payer's account in {@code customers.bank_accounts}: {@code ON_ACCOUNT};
 *       evidence that points at two customers: {@code SUGGESTED} for a person.</li>
 *   <li>Nothing to go on: {@code UNMATCHED}.</li>
 * </ol>
 *
 * <p>Credits are decided in value-date order (then file and position), so the
 * result does not depend on the order the store returns them in. Not thread-safe;
 * one instance per run.
 */
public final class FirstCashApplier {

    static final BigDecimal CERTAIN = new BigDecimal("1.00");
    static final BigDecimal BY_ACCOUNT = new BigDecimal("0.90");
    static final BigDecimal BY_REFERENCE = new BigDecimal("0.80");
    static final BigDecimal CONFLICTING = new BigDecimal("0.50");
    static final BigDecimal NONE = new BigDecimal("0.00");

    private static final Comparator<BankTransaction> DECISION_ORDER = Comparator
            .comparing(BankTransaction::valueDate)
            .thenComparing(BankTransaction::bookingDate)
            .thenComparing(t -> String.valueOf(t.statementFile()))
            .thenComparingLong(BankTransaction::position)
            .thenComparing(BankTransaction::transactionId);

    private final Map<String, Customer> customers;
    private final Map<String, Invoice> invoices = new HashMap<>();
    private final Map<String, Money> openBalance;
    private final Map<String, List<Receipt>> receiptsByBankReference = new HashMap<>();
    private final Map<String, String> customerByAccount = new HashMap<>();
    private final Set<String> ambiguousAccounts = new LinkedHashSet<>();
    private final InvoiceReferenceFinder finder;
    private final List<Receipt> receipts;

    public FirstCashApplier(Collection<Customer> customers, Collection<Invoice> documents, Collection<Receipt> receipts) {
        this.customers = customers.stream().collect(Collectors.toMap(Customer::customerId, c -> c, (a, b) -> a));
        List<Invoice> invoiceDocs = new ArrayList<>();
        for (Invoice doc : documents) {
            if (!doc.isCreditMemo()) {
                invoices.put(doc.invoiceId(), doc);
                invoiceDocs.add(doc);
            }
        }
        this.receipts = List.copyOf(receipts);
        this.openBalance = OpenItems.balances(documents, erpCash(receipts));
        for (Receipt receipt : receipts) {
            if (receipt.bankReference() != null) {
                receiptsByBankReference.computeIfAbsent(receipt.bankReference(), k -> new ArrayList<>()).add(receipt);
            }
        }
        for (Customer customer : customers) {
            for (String account : customer.bankAccounts()) {
                String key = accountKey(account);
                String previous = customerByAccount.putIfAbsent(key, customer.customerId());
                if (previous != null && !previous.equals(customer.customerId())) {
                    ambiguousAccounts.add(key);
                }
            }
        }
        ambiguousAccounts.forEach(customerByAccount::remove);
        this.finder = new InvoiceReferenceFinder(invoiceDocs.stream().map(Invoice::invoiceId).toList());
    }

    /** The ERP receipts as cash movements, for open balances and open items. */
    public static List<CashMovement> erpCash(Collection<Receipt> receipts) {
        List<CashMovement> moves = new ArrayList<>();
        for (Receipt r : receipts) {
            for (Receipt.Allocation a : r.allocations()) {
                moves.add(new CashMovement(r.receiptId(), r.customerId(), r.receiptDate(), a.invoiceId(), a.amount()));
            }
        }
        return moves;
    }

    static String accountKey(String account) {
        return account.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }

    /** Decides every credit among {@code transactions}; debits are ignored. */
    public CashApplication apply(Collection<BankTransaction> transactions) {
        List<BankTransaction> credits = transactions.stream().filter(BankTransaction::isCredit).sorted(DECISION_ORDER).toList();
        List<CashAllocation> rows = new ArrayList<>();
        List<ExceptionItem> exceptions = new ArrayList<>();
        Set<String> bankIds = new LinkedHashSet<>();
        for (BankTransaction credit : credits) {
            bankIds.add(credit.transactionId());
            List<Receipt> matched = receiptsByBankReference.get(credit.transactionId());
            if (matched != null) {
                reconcile(credit, matched, rows, exceptions);
            } else {
                decide(credit, rows, exceptions);
            }
        }
        receiptsWithoutBankLine(transactions, bankIds, exceptions);
        return new CashApplication(rows, exceptions);
    }

    private void reconcile(BankTransaction credit, List<Receipt> matched, List<CashAllocation> rows, List<ExceptionItem> exceptions) {
        Money total = Money.zero(credit.amount().currency());
        for (Receipt receipt : matched) {
            for (Receipt.Allocation a : receipt.allocations()) {
                if (!a.amount().isSameCurrency(credit.amount())) {
                    exceptions.add(new ExceptionItem("BANK_RECEIPT_CURRENCY", Severity.ERROR, "bank_transaction",
                            credit.transactionId(), credit.amount(), "receipt " + receipt.receiptId() + " is in "
                            + a.amount().currencyCode() + ", the bank line in " + credit.amount().currencyCode()));
                    continue;
                }
                total = total.plus(a.amount());
                String where = a.onAccount() ? "on account" : "to " + a.invoiceId();
                rows.add(row(credit, receipt.customerId(), a.invoiceId(), a.amount(), ApplicationStatus.RECONCILED,
                        "erp-receipt", CERTAIN, "ERP receipt " + receipt.receiptId() + " names this bank line as its bank_reference; "
                        + a.amount().toPlainString() + " " + a.amount().currencyCode() + " applied " + where + " in the ERP"));
            }
        }
        if (!total.equals(credit.amount())) {
            exceptions.add(new ExceptionItem("BANK_RECEIPT_AMOUNT_DIFFERS", Severity.WARNING, "bank_transaction",
                    credit.transactionId(), credit.amount().minus(total), "bank line of " + credit.amount().toPlainString()
                    + " " + credit.amount().currencyCode() + " but the ERP receipts naming it total " + total.toPlainString()));
        }
    }

    private void decide(BankTransaction credit, List<CashAllocation> rows, List<ExceptionItem> exceptions) {
        Money amount = credit.amount();
        List<String> named = finder.find(credit.remittanceInfo(), credit.structuredReference());
        List<Invoice> namedOpen = named.stream().map(invoices::get)
                .filter(inv -> openBalance.get(inv.invoiceId()).isPositive()).toList();
        String payer = customerByPayerAccount(credit);
        Set<String> namedCustomers = named.stream().map(id -> invoices.get(id).customerId())
                .collect(Collectors.toCollection(LinkedHashSet::new));

        if (namedOpen.size() == 1) {
            Invoice invoice = namedOpen.get(0);
            Money open = openBalance.get(invoice.invoiceId());
            boolean payerAgrees = payer == null || related(payer, invoice.customerId());
            if (open.isSameCurrency(amount) && open.equals(amount) && !invoice.invoiceDate().isAfter(credit.valueDate())
                    && payerAgrees && namedCustomers.size() == 1) {
                openBalance.put(invoice.invoiceId(), open.minus(amount));
                rows.add(row(credit, invoice.customerId(), invoice.invoiceId(), amount, ApplicationStatus.AUTO,
                        "remittance-invoice-exact", CERTAIN, "remittance names " + invoice.invoiceId()
                        + " of customer " + invoice.customerId() + "; the credit of " + describe(amount)
                        + " equals its open amount"));
                return;
            }
            if (!payerAgrees) {
                rows.add(row(credit, invoice.customerId(), invoice.invoiceId(), amount, ApplicationStatus.SUGGESTED,
                        "conflicting-evidence", CONFLICTING, "remittance names " + invoice.invoiceId() + " of customer "
                        + invoice.customerId() + " but the payer's account " + credit.counterpartyAccount()
                        + " belongs to customer " + payer + "; a person must decide"));
                exceptions.add(new ExceptionItem("CASH_NEEDS_REVIEW", Severity.WARNING, "bank_transaction",
                        credit.transactionId(), amount, "remittance and payer account point at different customers ("
                        + invoice.customerId() + ", " + payer + ")"));
                return;
            }
        }

        String customer = null;
        String rule;
        BigDecimal confidence;
        String because;
        if (namedCustomers.size() == 1) {
            customer = namedCustomers.iterator().next();
            rule = "remittance-invoice-reference";
            confidence = BY_REFERENCE;
            because = "remittance names " + String.join(", ", named) + " of customer " + customer;
        } else if (namedCustomers.size() > 1 && payer == null) {
            rows.add(row(credit, null, null, amount, ApplicationStatus.UNMATCHED, "ambiguous-reference", NONE,
                    "remittance names invoices of several customers (" + String.join(", ", namedCustomers)
                    + ") and the payer's account is not known"));
            exceptions.add(unidentified(credit, "remittance names invoices of several customers"));
            return;
        } else if (payer != null) {
            customer = payer;
            rule = "payer-account";
            confidence = BY_ACCOUNT;
            because = "payer's account " + credit.counterpartyAccount() + " is a known account of customer " + customer;
        } else {
            rows.add(row(credit, null, null, amount, ApplicationStatus.UNMATCHED, "no-evidence", NONE,
                    named.isEmpty() ? "remittance names no invoice and the payer's account is not known"
                            : "remittance names " + String.join(", ", named) + " but none is open"));
            exceptions.add(unidentified(credit, "no customer identified"));
            return;
        }
        String why = because + "; " + whyNotApplied(amount, named, namedOpen) + "; held on account";
        rows.add(row(credit, customer, null, amount, ApplicationStatus.ON_ACCOUNT, rule, confidence, why));
        exceptions.add(new ExceptionItem("CASH_ON_ACCOUNT", Severity.WARNING, "bank_transaction", credit.transactionId(),
                amount, "customer " + customer + " identified, no invoice applied: " + whyNotApplied(amount, named, namedOpen)));
    }

    private String whyNotApplied(Money amount, List<String> named, List<Invoice> namedOpen) {
        if (named.isEmpty()) {
            return "remittance names no invoice";
        }
        if (namedOpen.isEmpty()) {
            return "no invoice it names is still open";
        }
        if (namedOpen.size() > 1) {
            return "it names " + namedOpen.size() + " open invoices and several-invoice allocation needs a person";
        }
        Invoice invoice = namedOpen.get(0);
        Money open = openBalance.get(invoice.invoiceId());
        if (!open.isSameCurrency(amount)) {
            return invoice.invoiceId() + " is in " + open.currencyCode() + ", the credit in " + amount.currencyCode();
        }
        return "the credit of " + describe(amount) + " differs from the open amount " + describe(open) + " of " + invoice.invoiceId();
    }

    private String customerByPayerAccount(BankTransaction credit) {
        if (credit.counterpartyAccount() == null || credit.counterpartyAccount().isBlank()) {
            return null;
        }
        return customerByAccount.get(accountKey(credit.counterpartyAccount()));
    }

    /** The same customer, or one is the parent of the other (a parent paying for its child). */
    private boolean related(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        Customer ca = customers.get(a);
        Customer cb = customers.get(b);
        return (ca != null && b.equals(ca.parentCustomerId())) || (cb != null && a.equals(cb.parentCustomerId()));
    }

    private void receiptsWithoutBankLine(Collection<BankTransaction> transactions, Set<String> creditIds, List<ExceptionItem> exceptions) {
        if (transactions.isEmpty()) {
            return;
        }
        LocalDate first = transactions.stream().map(BankTransaction::bookingDate).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = transactions.stream().map(BankTransaction::bookingDate).max(LocalDate::compareTo).orElseThrow();
        Map<String, Receipt> unique = new LinkedHashMap<>();
        for (Receipt r : receipts) {
            unique.putIfAbsent(r.receiptId(), r);
        }
        for (Receipt r : unique.values()) {
            // Only where statements cover the receipt's date can the bank line be expected.
            if (r.bankReference() != null && !creditIds.contains(r.bankReference())
                    && !r.receiptDate().isBefore(first) && !r.receiptDate().isAfter(last)) {
                exceptions.add(new ExceptionItem("RECEIPT_WITHOUT_BANK_LINE", Severity.WARNING, "receipt", r.receiptId(),
                        r.total(), "bank_reference " + r.bankReference() + " names no bank credit in the loaded statements"));
            }
        }
    }

    private static ExceptionItem unidentified(BankTransaction credit, String reason) {
        return new ExceptionItem("CASH_UNIDENTIFIED", Severity.WARNING, "bank_transaction", credit.transactionId(),
                credit.amount(), reason + "; payer " + (credit.counterpartyName() == null ? "unnamed" : credit.counterpartyName()));
    }

    private static String describe(Money m) {
        return m.toPlainString() + " " + m.currencyCode();
    }

    private static CashAllocation row(BankTransaction credit, String customerId, String invoiceId, Money applied,
                                      ApplicationStatus status, String rule, BigDecimal confidence, String explanation) {
        return new CashAllocation(credit.transactionId(), credit.account(), credit.statementFile(), credit.valueDate(),
                credit.amount(), customerId, invoiceId, applied, status, rule, confidence, explanation);
    }
}
