package dev.o2c.domain.cashapp;

import dev.o2c.domain.ar.Customer;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.ar.Receipt;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.controls.Severity;
import dev.o2c.domain.money.CurrencyMismatchException;
import dev.o2c.domain.money.Money;
import dev.o2c.domain.openitems.CashMovement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Cash application: every bank credit decided, with its rule, a confidence and an
 * explanation in words (CONTRACTS.md 3.2).
 *
 * <p>Two phases. First the evidence of every credit is read, in parallel, from indexes
 * built once: the invoice numbers its texts name ({@link ReferenceIndex}), the customer its
 * payer's account belongs to ({@link PayerAccounts}), the customer its payer's name is
 * ({@link PayerNames}). Then the credits are decided one by one in value-date order (then
 * file and position), against open amounts that each application lowers, so an invoice is
 * never paid twice and the result is the same for any number of threads.
 *
 * <p>A credit is, in this order: not customer cash (its bank transaction code says so);
 * {@code RECONCILED} when an ERP receipt names the line or, failing that, has the same
 * customer, amount and a date within the window; applied to the invoices it names; applied
 * to the identified customer's open items by amount (one item, a discount, or the only
 * combination that adds up); held {@code ON_ACCOUNT}; or {@code UNMATCHED}. {@code AUTO}
 * only where the evidence is unambiguous: a named invoice (or a typo of one) whose open
 * amount the credit pays, or a payer we know paying an amount that fits one way only.
 * Anything that fits several ways, or where evidence disagrees, is {@code SUGGESTED} with
 * the alternatives named. Not thread-safe; one instance per run.
 */
public final class CashApplicationEngine {

    private static final Comparator<BankTransaction> DECISION_ORDER = Comparator
            .comparing(BankTransaction::valueDate)
            .thenComparing(BankTransaction::bookingDate)
            .thenComparing(t -> String.valueOf(t.statementFile()))
            .thenComparingLong(BankTransaction::position)
            .thenComparing(BankTransaction::transactionId);

    /** What one credit says about itself, read before anything is decided. */
    record Evidence(List<ReferenceIndex.Hit> hits, int accountCustomer, PayerNames.Match name) {
    }

    private final MatchingRules rules;
    private final OpenBook book;
    private final ReferenceIndex references;
    private final PayerNames names;
    private final PayerAccounts accounts = new PayerAccounts();
    private final List<Receipt> receipts;
    private final Deductions deductions;

    public CashApplicationEngine(MatchingRules rules, Collection<Customer> customers, Collection<Invoice> documents,
                                 Collection<Receipt> receipts) {
        this.rules = rules;
        this.book = new OpenBook(customers, documents, receipts);
        this.references = new ReferenceIndex(book.invoices.stream().map(Invoice::invoiceId).toList(),
                rules.referenceMinDigits(), rules.typoMinDigits());
        List<String> customerNames = new ArrayList<>(Collections.nCopies(book.customerIds.size(), ""));
        for (Customer c : customers) {
            int index = book.customerIndex.get(c.customerId());
            customerNames.set(index, c.name());
            for (String account : c.bankAccounts()) {
                accounts.addMaster(account, index);
            }
        }
        this.names = new PayerNames(customerNames);
        this.receipts = List.copyOf(receipts);
        this.deductions = new Deductions(rules);
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

    /** Decides every credit among {@code transactions}; debits are not cash application. */
    public CashApplication apply(Collection<BankTransaction> transactions) {
        List<BankTransaction> credits = transactions.stream().filter(BankTransaction::isCredit).sorted(DECISION_ORDER).toList();
        Set<String> lineIds = new HashSet<>();
        for (BankTransaction t : transactions) {
            lineIds.add(t.transactionId());
        }
        Map<String, List<Receipt>> byBankReference = new HashMap<>();
        for (Receipt r : receipts) {
            if (r.bankReference() != null) {
                byBankReference.computeIfAbsent(r.bankReference(), k -> new ArrayList<>()).add(r);
            }
        }
        if (rules.uses("erp-receipt")) {
            // the ERP already says whose account these lines came from
            for (BankTransaction credit : credits) {
                List<Receipt> linked = byBankReference.get(credit.transactionId());
                if (linked != null) {
                    for (Receipt r : linked) {
                        Integer c = book.customerIndex.get(r.customerId());
                        if (c != null) {
                            accounts.learn(credit.counterpartyAccount(), c);
                        }
                    }
                }
            }
        }
        Evidence[] evidence = evidence(credits);
        ReceiptPool pool = new ReceiptPool(receipts, lineIds, book.customerIndex, rules.receiptWindowDays());
        Decisions decisions = new Decisions(rules, book, deductions, names, pool, byBankReference);
        for (int i = 0; i < credits.size(); i++) {
            decisions.decide(credits.get(i), evidence[i]);
        }
        decisions.receiptsWithoutBankLine(transactions, lineIds);
        return new CashApplication(decisions.rows, decisions.exceptions);
    }

    private Evidence[] evidence(List<BankTransaction> credits) {
        Evidence[] out = new Evidence[credits.size()];
        int threads = rules.threads() == 0 ? Runtime.getRuntime().availableProcessors() : rules.threads();
        if (threads == 1 || credits.size() < 2_000) {
            for (int i = 0; i < out.length; i++) {
                out[i] = evidence(credits.get(i));
            }
            return out;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, out.length).parallel().forEach(i -> out[i] = evidence(credits.get(i)))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("cash application interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        return out;
    }

    private Evidence evidence(BankTransaction credit) {
        List<ReferenceIndex.Hit> hits = rules.uses("remittance-reference")
                ? references.find(credit.structuredReference(), credit.remittanceInfo(), credit.customerReference())
                : List.of();
        int account = rules.uses("payer-account") ? accounts.customer(credit.counterpartyAccount()) : PayerAccounts.UNKNOWN;
        PayerNames.Match name = rules.uses("payer-name") && account < 0
                ? names.identify(credit.counterpartyName(), rules.nameSimilarity().doubleValue())
                : null;
        return new Evidence(hits, account, name);
    }

    /** A receipt's total, or null when its parts are in different currencies. */
    static Money total(Receipt r) {
        try {
            return r.total();
        } catch (CurrencyMismatchException e) {
            return null;
        }
    }

    static ExceptionItem exception(String category, Severity severity, BankTransaction credit, Money amount, String reason) {
        return new ExceptionItem(category, severity, "bank_transaction", credit.transactionId(), amount, reason);
    }
}
