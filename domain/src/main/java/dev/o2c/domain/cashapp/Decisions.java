package dev.o2c.domain.cashapp;

import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.ar.Receipt;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.controls.Severity;
import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The second phase of {@link CashApplicationEngine}: credits decided one at a time, in
 * decision order, against open amounts each application lowers. Every credit leaves at
 * least one row; its parts add up to the credit.
 */
final class Decisions {

    static final BigDecimal CERTAIN = new BigDecimal("1.00");
    static final BigDecimal REFERENCE_VARIANT = new BigDecimal("0.97");
    static final BigDecimal REFERENCE_PART = new BigDecimal("0.95");
    static final BigDecimal ACCOUNT_AMOUNT = new BigDecimal("0.95");
    static final BigDecimal TYPO_AMOUNT = new BigDecimal("0.93");
    static final BigDecimal ACCOUNT_COMBINATION = new BigDecimal("0.92");
    static final BigDecimal NAME_AMOUNT = new BigDecimal("0.90");
    static final BigDecimal ON_ACCOUNT_KNOWN = new BigDecimal("0.90");
    static final BigDecimal NAME_COMBINATION = new BigDecimal("0.88");
    static final BigDecimal SUGGESTED = new BigDecimal("0.70");
    static final BigDecimal AMOUNT_ONLY = new BigDecimal("0.60");
    static final BigDecimal CONFLICTING = new BigDecimal("0.50");
    static final BigDecimal NONE = new BigDecimal("0.00");

    final List<CashAllocation> rows;
    /** The currency of the credit being decided: every amount in its words is in it. */
    private java.util.Currency currentCurrency;
    /** The amount of the credit being decided, and in minor units (Long.MIN_VALUE when not held in them): {@link #cash}. */
    private Money currentAmount;
    private long currentMinor;
    final List<ExceptionItem> exceptions = new ArrayList<>();

    private final MatchingRules rules;
    private final OpenBook book;
    private final Deductions deductions;
    private final ReceiptPool pool;
    private final Map<String, List<Receipt>> byBankReference;
    /** Rules in force, looked up once. */
    private final boolean useReceipts;
    private final boolean useAmounts;
    /** Reused for a customer's open items and their open amounts: decisions run on one thread. */
    private int[] buffer = new int[64];
    private long[] amounts = new long[64];

    /** @param credits how many credits will be decided: a row each at least, room made once */
    Decisions(MatchingRules rules, OpenBook book, Deductions deductions, ReceiptPool pool,
              Map<String, List<Receipt>> byBankReference, int credits) {
        this.rows = new ArrayList<>(credits);
        this.rules = rules;
        this.book = book;
        this.deductions = deductions;
        this.pool = pool;
        this.byBankReference = byBankReference;
        this.useReceipts = rules.uses("erp-receipt");
        this.useAmounts = rules.uses("open-amount");
    }

    /** How the customer was recognised; its words are only made when an explanation needs them. */
    private final class Identity {
        final int customer;
        final boolean byAccount;
        private final BankTransaction credit;
        private final PayerNames.Match name;
        private final String fixedWords;

        Identity(int customer, boolean byAccount, BankTransaction credit, PayerNames.Match name, String fixedWords) {
            this.customer = customer;
            this.byAccount = byAccount;
            this.credit = credit;
            this.name = name;
            this.fixedWords = fixedWords;
        }

        int customer() {
            return customer;
        }

        boolean byAccount() {
            return byAccount;
        }

        PayerNames.Match name() {
            return name;
        }

        /** Known for certain: by their account, or by a name the customer's equals (legal form and truncation aside). */
        boolean certain() {
            return byAccount || (name != null && !name.inText() && name.tied().isEmpty() && name.score() >= 1.0);
        }

        String words() {
            if (fixedWords != null) {
                return fixedWords;
            }
            String id = book.customers.id(customer);
            if (byAccount) {
                return "payer's account " + credit.counterpartyAccount() + " is customer " + id + "'s";
            }
            if (name.inText()) {
                return "the payer is unnamed; the remittance names customer " + id + " ('" + name.customerWords() + "')";
            }
            if (!name.tied().isEmpty()) {
                return tie(credit, name) + " equally and is customer " + id + "'s letter for letter";
            }
            long hundredths = Math.round(name.score() * 100);
            return "payer's name '" + credit.counterpartyName() + "' is customer " + id + "'s ('" + name.customerWords()
                    + "', similarity " + hundredths / 100 + "." + (hundredths % 100 < 10 ? "0" : "") + hundredths % 100 + ")";
        }
    }

    void decide(BankTransaction credit, CashApplicationEngine.Evidence ev) {
        currentAmount = credit.amount();
        currentCurrency = currentAmount.currency();
        currentMinor = currentAmount.isInMinorUnits() ? OpenBook.minor(currentAmount) : Long.MIN_VALUE;
        if (!credit.booked()) {
            // pending or for information: the bank may still not book it, or book another amount
            add(credit, null, null, credit.amount(), ApplicationStatus.UNMATCHED, "not-booked", NONE,
                    "the bank reports the entry as " + credit.status() + ", not booked: never applied until a statement books it");
            exceptions.add(CashApplicationEngine.exception("CASH_NOT_BOOKED", Severity.INFO, credit, credit.amount(),
                    "entry " + credit.status() + " (not booked) of " + describe(credit.amount()) + ": shown, not applied"));
            return;
        }
        String code = ev.notCustomerCode();
        if (code != null) {
            add(credit, null, null, credit.amount(), ApplicationStatus.UNMATCHED, "not-customer-cash", NONE,
                    "bank transaction code " + credit.typeCode() + " is not customer cash (configured as " + code + ")");
            return;
        }
        if (useReceipts) {
            List<Receipt> linked = ev.linked();
            if (linked != null) {
                reconcile(credit, linked, "erp-receipt", "names this bank line as its bank_reference");
                return;
            }
            Receipt r = pool.isEmpty() ? null : pool.take(credit, customersInEvidence(ev));
            if (r != null) {
                reconcile(credit, List.of(r), "erp-receipt-amount-date", "is customer " + r.customerId()
                        + "'s, of the same amount, dated " + r.receiptDate() + " (within " + rules.receiptWindowDays()
                        + " days of the value date) and names no loaded bank line");
                return;
            }
        }
        List<ReferenceIndex.Hit> hits = ev.hits();
        List<ReferenceIndex.Hit> open = new ArrayList<>(hits.size());
        List<ReferenceIndex.Hit> closed = new ArrayList<>(0);
        for (int k = 0; k < hits.size(); k++) { // not an iterator: one a credit was 100 MB of garbage a run
            ReferenceIndex.Hit h = hits.get(k);
            (book.open(h.invoice()) > 0 ? open : closed).add(h);
        }
        Identity payer = payer(credit, ev);
        if (!open.isEmpty()) {
            named(credit, ev, payer, open, closed);
            return;
        }
        if (payer == null && !closed.isEmpty()) {
            Set<Integer> owners = closed.stream().map(h -> book.customerOf(h.invoice())).collect(Collectors.toCollection(LinkedHashSet::new));
            if (owners.size() == 1) {
                int c = owners.iterator().next();
                payer = new Identity(c, false, credit, null, "remittance names " + ids(closed) + " of customer " + book.customers.id(c));
            }
        }
        if (payer != null) {
            forCustomer(credit, payer, closed);
        } else {
            unknown(credit, ev, closed);
        }
    }

    private List<Integer> customersInEvidence(CashApplicationEngine.Evidence ev) {
        Set<Integer> out = new LinkedHashSet<>();
        if (ev.accountCustomer() >= 0) {
            out.add(ev.accountCustomer());
        }
        for (ReferenceIndex.Hit h : ev.hits()) {
            out.add(book.customerOf(h.invoice()));
        }
        if (ev.name() != null) {
            if (ev.name().identified()) {
                out.add(ev.name().customer());
            } else {
                out.addAll(ev.name().tied());
            }
        }
        return new ArrayList<>(out);
    }

    /** The payer by account, else by name, in the order the rules list them; null when neither knows it. */
    private Identity payer(BankTransaction credit, CashApplicationEngine.Evidence ev) {
        Identity byAccount = ev.accountCustomer() >= 0 ? new Identity(ev.accountCustomer(), true, credit, null, null) : null;
        Identity byName = ev.name() == null || !ev.name().identified() ? null
                : new Identity(ev.name().customer(), false, credit, ev.name(), null);
        for (String rule : rules.rules()) {
            if (rule.equals("payer-account") && byAccount != null) {
                return byAccount;
            }
            if (rule.equals("payer-name") && byName != null) {
                return byName;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- reconciled by an ERP receipt

    private void reconcile(BankTransaction credit, List<Receipt> matched, String rule, String how) {
        Money total = Money.zero(credit.amount().currency());
        for (Receipt receipt : matched) {
            for (Receipt.Allocation a : receipt.allocations()) {
                if (!a.amount().isSameCurrency(credit.amount())) {
                    exceptions.add(CashApplicationEngine.exception("BANK_RECEIPT_CURRENCY", Severity.ERROR, credit, credit.amount(),
                            "receipt " + receipt.receiptId() + " is in " + a.amount().currencyCode() + ", the bank line in "
                            + credit.amount().currencyCode()));
                    continue;
                }
                total = total.plus(a.amount());
                String where = a.onAccount() ? "on account" : "to " + a.invoiceId();
                add(credit, receipt.customerId(), a.invoiceId(), a.amount(), ApplicationStatus.RECONCILED, rule, CERTAIN,
                        "ERP receipt " + receipt.receiptId() + " " + how + "; " + describe(a.amount()) + " applied " + where + " in the ERP");
            }
        }
        if (!total.equals(credit.amount())) {
            exceptions.add(CashApplicationEngine.exception("BANK_RECEIPT_AMOUNT_DIFFERS", Severity.WARNING, credit,
                    credit.amount().minus(total), "bank line of " + describe(credit.amount())
                    + " but the ERP receipts naming it total " + total.toPlainString()));
        }
    }

    // ---------------------------------------------------------------- invoices named in the remittance

    private void named(BankTransaction credit, CashApplicationEngine.Evidence ev, Identity payer,
                       List<ReferenceIndex.Hit> open, List<ReferenceIndex.Hit> closed) {
        ReferenceIndex.Strength level = open.get(0).strength();
        List<ReferenceIndex.Hit> hits = new ArrayList<>(open.size());
        for (ReferenceIndex.Hit h : open) {
            if (h.strength() == level) {
                hits.add(h);
            }
        }
        if (level == ReferenceIndex.Strength.EXACT && hits.size() < open.size()) {
            // "INV-016433, 16513": a list whose first number is whole and the rest bare; the bare ones count when,
            // with them, the numbers of one customer add up to the credit exactly, and without them they do not
            List<ReferenceIndex.Hit> wider = new ArrayList<>(open.size());
            for (ReferenceIndex.Hit h : open) {
                if (h.strength() != ReferenceIndex.Strength.TYPO) {
                    wider.add(h);
                }
            }
            long amount = OpenBook.minor(credit.amount());
            if (openSum(wider) == amount && openSum(hits) != amount) {
                hits = wider;
                level = ReferenceIndex.Strength.VARIANT;
            }
        }
        if (payer != null) {
            List<ReferenceIndex.Hit> theirs = new ArrayList<>(hits.size());
            for (ReferenceIndex.Hit h : hits) {
                if (book.related(book.customerOf(h.invoice()), payer.customer())) {
                    theirs.add(h);
                }
            }
            if (theirs.isEmpty() && payer.byAccount()) {
                ReferenceIndex.Hit first = hits.get(0);
                if (book.open(first.invoice()) != OpenBook.minor(credit.amount())
                        && payersOwnItem(credit, payer, List.of(), "remittance names " + ids(hits) + " of customer "
                        + book.customerId(first.invoice()) + ", open at " + money(book.open(first.invoice())))) {
                    return;
                }
                suggest(credit, List.of(first.invoice()), book.customerId(first.invoice()), CONFLICTING, "conflicting-evidence",
                        "remittance names " + ids(hits) + " of customer " + book.customerId(first.invoice()) + " but the "
                        + payer.words() + "; a person must decide", "remittance and payer account point at different customers ("
                        + book.customerId(first.invoice()) + ", " + book.customers.id(payer.customer()) + ")");
                return;
            }
            if (!theirs.isEmpty()) {
                hits = theirs;
            }
        }
        int owner = book.customerOf(hits.get(0).invoice());
        for (ReferenceIndex.Hit h : hits) {
            if (!book.related(owner, book.customerOf(h.invoice()))) {
                owner = -1;
            }
        }
        if (owner < 0) {
            Set<String> owners = new LinkedHashSet<>();
            hits.forEach(h -> owners.add(book.customerId(h.invoice())));
            List<Integer> invoices = hits.stream().map(ReferenceIndex.Hit::invoice).toList();
            suggest(credit, invoices.subList(0, 1), book.customerId(invoices.get(0)), CONFLICTING, "ambiguous-reference",
                    "remittance names invoices of several customers (" + String.join(", ", owners) + "): " + ids(hits)
                    + "; a person must decide", "remittance names invoices of several customers (" + String.join(", ", owners) + ")");
            return;
        }
        List<Integer> invoices = new ArrayList<>(hits.size());
        for (ReferenceIndex.Hit h : hits) {
            if (book.currency(h.invoice()).equals(currentCurrency)) {
                invoices.add(h.invoice());
            }
        }
        if (invoices.size() > 1) {
            invoices.sort(dueOrder());
        }
        if (invoices.isEmpty()) {
            int first = hits.get(0).invoice();
            suggest(credit, List.of(first), book.customerId(first), CONFLICTING, "currency-differs", "remittance names "
                    + ids(hits) + " in " + book.currency(first).getCurrencyCode() + " but the credit is in "
                    + credit.amount().currencyCode() + "; currencies must agree", null);
            exceptions.add(CashApplicationEngine.exception("CASH_CURRENCY_DIFFERS", Severity.ERROR, credit, credit.amount(),
                    "remittance names " + ids(hits) + " in " + book.currency(first).getCurrencyCode() + ", the credit is in "
                    + credit.amount().currencyCode()));
            return;
        }
        String customer = book.customerId(invoices.get(0));
        // who confirms the invoices' customer: the payer when related to it; with no payer, a name tied among a few that include it
        Identity confirming = payer == null ? tiedWith(credit, ev, owner) : book.related(payer.customer(), owner) ? payer : null;
        boolean corroborated = confirming != null;
        String rule = switch (level) {
            case EXACT -> "remittance-exact";
            case VARIANT -> "remittance-variant";
            case TYPO -> "remittance-typo";
        };
        BigDecimal confidence = switch (level) {
            case EXACT -> CERTAIN;
            case VARIANT -> REFERENCE_VARIANT;
            case TYPO -> TYPO_AMOUNT;
        };
        String said = "remittance names " + written(hits, invoices) + (corroborated ? "; " + confirming.words() : "")
                + (closed.isEmpty() ? "" : "; it also names " + ids(closed) + ", already paid");
        long amount = OpenBook.minor(credit.amount());
        long sum = 0;
        for (int i : invoices) {
            sum += book.open(i);
        }
        if (amount == sum) {
            applyAll(credit, invoices, amount, ApplicationStatus.AUTO, rule, confidence,
                    said + "; the credit of " + describe(credit.amount()) + " equals " + (invoices.size() == 1 ? "its" : "their")
                    + " open amount");
            return;
        }
        if (payer != null && payersOwnItem(credit, payer, invoices, "remittance names " + written(hits, invoices)
                + " (open " + money(sum) + ")")) {
            return;
        }
        if (!corroborated) {
            suggest(credit, invoices, customer, SUGGESTED, rule, said + "; the credit of " + describe(credit.amount())
                    + " differs from their open amount " + money(sum) + ", and no payer's account or name confirms whose they are", null);
            return;
        }
        // the payer is confirmed; a number found only through a typo is still not enough for an amount that differs
        boolean strong = level != ReferenceIndex.Strength.TYPO;
        if (amount > sum) {
            long rest = amount - sum;
            if (!strong) {
                suggest(credit, invoices, customer, SUGGESTED, rule, said + "; the credit exceeds their open amount "
                        + money(sum) + " by " + money(rest) + ", and the reference is not certain enough to apply", null);
                return;
            }
            applyAll(credit, invoices, sum, ApplicationStatus.AUTO, rule + "-overpaid", confidence,
                    said + "; paid in full, " + money(rest) + " more than open");
            add(credit, customer, null, cash(rest), ApplicationStatus.ON_ACCOUNT, rule + "-overpaid", confidence,
                    said + "; the " + money(rest) + " paid beyond their open amount " + money(sum) + " is held on account");
            exceptions.add(CashApplicationEngine.exception("CASH_OVERPAYMENT", Severity.INFO, credit, cash(rest),
                    "customer " + customer + " paid " + money(rest) + " more than " + ids(hits) + " left open; held on account"));
            return;
        }
        if (!strong) {
            suggest(credit, invoices, customer, SUGGESTED, rule, said + "; the credit of " + describe(credit.amount())
                    + " is less than their open amount " + money(sum) + ", and the reference is not certain enough to apply", null);
            return;
        }
        if (invoices.size() == 1) {
            shortOrPartial(credit, invoices.get(0), amount, rule, said);
            return;
        }
        long gap = sum - amount;
        if (deductions.withinTolerance(gap, sum, credit.amount().currency())) {
            int last = invoices.get(invoices.size() - 1);
            List<Integer> full = invoices.subList(0, invoices.size() - 1);
            applyAll(credit, full, sum - book.open(last), ApplicationStatus.AUTO, rule + "-short", REFERENCE_PART,
                    said + "; paid in full, the credit being " + money(gap) + " short of their total, within tolerance");
            Deductions.Reason reason = deductions.reason(gap, book.open(last), credit.amount().currency(),
                    book.invoices.get(last), credit.valueDate());
            long part = book.open(last) - gap;
            book.apply(last, part);
            add(credit, customer, book.id(last), cash(part), ApplicationStatus.AUTO, rule + "-short", REFERENCE_PART,
                    said + "; the last of them takes the deduction: " + reason.words());
            exceptions.add(CashApplicationEngine.exception("CASH_SHORT_PAYMENT", Severity.WARNING, credit, cash(gap),
                    reason.code() + ": " + book.id(last) + " " + reason.words()));
            return;
        }
        long[] openAmounts = invoices.stream().mapToLong(i -> book.open(i)).toArray();
        SubsetSearch.Result subset = SubsetSearch.find(openAmounts, amount, invoices.size());
        if (subset.found() && subset.unique()) {
            List<Integer> paid = subset.first().stream().map(invoices::get).toList();
            List<Integer> unpaid = invoices.stream().filter(i -> !paid.contains(i)).toList();
            applyAll(credit, paid, amount, ApplicationStatus.AUTO, rule + "-subset", REFERENCE_PART,
                    said + "; of those, only " + ids(paid) + " add up to the credit of " + describe(credit.amount())
                    + "; " + String.join(", ", unpaid.stream().map(book::id).toList()) + " stay open");
            return;
        }
        suggestOldestFirst(credit, invoices, customer, rule, said + "; the credit of " + describe(credit.amount())
                + " is less than their open amount " + money(sum) + " and no one combination of them adds up to it");
    }

    /**
     * When the remittance's invoices do not fit the amount but exactly one item of the payer's
     * is open at exactly the credit's amount, the reference was most likely mistyped: applied
     * to that item (the payer's account or name and the exact amount agree). Several such
     * items: suggested. Returns whether the credit was decided.
     */
    private boolean payersOwnItem(BankTransaction credit, Identity payer, List<Integer> named, String namedWords) {
        if (!useAmounts) {
            return false;
        }
        long amount = OpenBook.minor(credit.amount());
        List<Integer> exact = new ArrayList<>(1);
        int count = openItems(payer.customer());
        for (int k = 0; k < count; k++) {
            int i = buffer[k];
            if (amounts[k] == amount && !named.contains(i)) {
                exact.add(i);
            }
        }
        if (exact.isEmpty()) {
            return false;
        }
        String customer = book.customers.id(payer.customer());
        String words = payer.words() + "; " + namedWords + ", but ";
        if (exact.size() == 1) {
            applyAll(credit, exact, amount, ApplicationStatus.AUTO, payer.byAccount() ? "payer-account-amount" : "payer-name-amount",
                    payer.byAccount() ? ACCOUNT_AMOUNT : NAME_AMOUNT, words + book.id(exact.get(0))
                    + " is the only item of theirs open at exactly " + describe(credit.amount()) + ": the reference taken as mistyped");
            return true;
        }
        suggest(credit, exact.subList(0, 1), customer, SUGGESTED, "customer-open-amount", words + exact.size()
                + " items of theirs are open at exactly " + describe(credit.amount()) + ", oldest first: " + ids(exact), null);
        return true;
    }

    private void shortOrPartial(BankTransaction credit, int invoice, long amount, String rule, String said) {
        long open = book.open(invoice);
        long gap = open - amount;
        java.util.Currency currency = credit.amount().currency();
        String customer = book.customerId(invoice);
        if (deductions.discountTaken(gap, open, currency) != null || deductions.withinTolerance(gap, open, currency)) {
            Deductions.Reason reason = deductions.reason(gap, open, currency, book.invoices.get(invoice), credit.valueDate());
            book.apply(invoice, amount);
            add(credit, customer, book.id(invoice), credit.amount(), ApplicationStatus.AUTO, rule + "-short", REFERENCE_PART,
                    said + "; the credit of " + describe(credit.amount()) + " is applied to its open " + money(open) + ", the "
                    + money(gap) + " short stays open as a deduction to clear: " + reason.words());
            exceptions.add(CashApplicationEngine.exception("CASH_SHORT_PAYMENT", Severity.WARNING, credit, cash(gap),
                    reason.code() + ": " + book.id(invoice) + " " + reason.words()));
            return;
        }
        book.apply(invoice, amount);
        add(credit, customer, book.id(invoice), credit.amount(), ApplicationStatus.AUTO, rule + "-partial", REFERENCE_PART,
                said + "; a partial payment of " + describe(credit.amount()) + " on its open " + money(open) + ", "
                + money(open - amount) + " stays open");
        exceptions.add(CashApplicationEngine.exception("CASH_PARTIAL_PAYMENT", Severity.INFO, credit, cash(open - amount),
                book.id(invoice) + " partly paid: " + money(open - amount) + " stays open"));
    }

    /** "payer's name 'X' fits customers C1, C2" (or the remittance names them, for an unnamed payer): a tie, in words. */
    private String tie(BankTransaction credit, PayerNames.Match name) {
        return (name.inText() ? "the payer is unnamed; the remittance names customers "
                : "payer's name '" + credit.counterpartyName() + "' fits customers ")
                + String.join(", ", name.tied().stream().map(book.customers::id).toList());
    }

    /** What the hits leave open in the credit's currency, when they are all one customer's (or related ones'); else -1. */
    private long openSum(List<ReferenceIndex.Hit> hits) {
        int owner = book.customerOf(hits.get(0).invoice());
        long sum = 0;
        for (ReferenceIndex.Hit h : hits) {
            if (!book.related(owner, book.customerOf(h.invoice())) || !book.currency(h.invoice()).equals(currentCurrency)) {
                return -1;
            }
            sum += book.open(h.invoice());
        }
        return sum;
    }

    /**
     * The invoices' customer as the payer, when the payer's name fits a few customers equally and
     * that customer is one of them: the name does not choose between them, the invoice numbers do,
     * and the name confirms the numbers as an identified one would. Null otherwise. Never certain.
     */
    private Identity tiedWith(BankTransaction credit, CashApplicationEngine.Evidence ev, int owner) {
        PayerNames.Match name = ev.name();
        if (name == null || name.identified()) {
            return null;
        }
        for (int c : name.tied()) {
            if (book.related(c, owner)) {
                return new Identity(owner, false, credit, null, tie(credit, name) + " equally, customer " + book.customers.id(owner)
                        + " among them");
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- a known customer, no open invoice named

    private void forCustomer(BankTransaction credit, Identity payer, List<ReferenceIndex.Hit> closed) {
        String customer = book.customers.id(payer.customer());
        long amount = OpenBook.minor(credit.amount());
        // naming a paid invoice for its amount again is a sign of a repeat payment: a person decides;
        // naming one of another amount is more likely a mistyped number
        boolean mayApply = true;
        for (ReferenceIndex.Hit h : closed) {
            mayApply &= OpenBook.minor(book.invoices.get(h.invoice()).amount()) != amount;
        }
        String note = closed.isEmpty() ? "" : "; remittance names " + ids(closed) + ", already paid";
        if (!useAmounts) {
            onAccount(credit, payer, "remittance names no open invoice" + note);
            return;
        }
        int count = openItems(payer.customer());
        List<Integer> exact = new ArrayList<>(1);
        for (int k = 0; k < count; k++) {
            if (amounts[k] == amount) {
                exact.add(buffer[k]);
            }
        }
        if (exact.size() == 1 && mayApply) {
            applyAll(credit, exact, amount, ApplicationStatus.AUTO, payer.byAccount() ? "payer-account-amount" : "payer-name-amount",
                    payer.byAccount() ? ACCOUNT_AMOUNT : NAME_AMOUNT, payer.words() + "; " + book.id(exact.get(0))
                    + " is the only item of theirs open at exactly " + describe(credit.amount()));
            return;
        }
        if (!exact.isEmpty()) {
            suggest(credit, exact.subList(0, 1), customer, SUGGESTED, "customer-open-amount", payer.words() + "; "
                    + (exact.size() == 1 ? book.id(exact.get(0)) + " is open at exactly " + describe(credit.amount())
                    : exact.size() + " items are open at exactly " + describe(credit.amount()) + ", oldest first: " + ids(exact))
                    + note, null);
            return;
        }
        List<Integer> items = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            items.add(buffer[k]);
        }
        List<Integer> discounted = new ArrayList<>();
        for (int i : items) {
            long gap = book.open(i) - amount;
            MatchingRules.DiscountTerm t = gap > 0 ? deductions.discountTaken(gap, book.open(i), credit.amount().currency()) : null;
            if (t != null && !credit.valueDate().isAfter(book.invoices.get(i).invoiceDate().plusDays(t.days()))) {
                discounted.add(i);
            }
        }
        if (discounted.size() == 1 && mayApply) {
            int i = discounted.get(0);
            long gap = book.open(i) - amount;
            Deductions.Reason reason = deductions.reason(gap, book.open(i), credit.amount().currency(), book.invoices.get(i), credit.valueDate());
            String words = payer.words() + "; the credit is " + book.id(i) + "'s open " + money(book.open(i)) + " less " + reason.words();
            book.apply(i, amount);
            add(credit, customer, book.id(i), credit.amount(), ApplicationStatus.AUTO, "customer-discount",
                    payer.byAccount() ? ACCOUNT_COMBINATION : NAME_COMBINATION, words);
            exceptions.add(CashApplicationEngine.exception("CASH_SHORT_PAYMENT", Severity.WARNING, credit, cash(gap),
                    reason.code() + ": " + book.id(i) + " " + reason.words()));
            return;
        }
        List<Integer> oldest = items.subList(0, Math.min(items.size(), rules.subsetMaxItems()));
        SubsetSearch.Result subset = SubsetSearch.find(oldest.stream().mapToLong(i -> book.open(i)).toArray(), amount, rules.subsetMaxSize());
        if (subset.found()) {
            List<Integer> paid = subset.first().stream().map(oldest::get).toList();
            if (subset.unique() && mayApply) {
                applyAll(credit, paid, amount, ApplicationStatus.AUTO, "customer-combination",
                        payer.byAccount() ? ACCOUNT_COMBINATION : NAME_COMBINATION, payer.words() + "; of their " + oldest.size()
                        + " oldest open items, only " + ids(paid) + " add up to " + describe(credit.amount()));
                return;
            }
            String other = subset.second().isEmpty() ? ""
                    : " (" + ids(subset.second().stream().map(oldest::get).toList()) + ")";
            suggest(credit, paid, customer, SUGGESTED, "customer-combination", payer.words() + "; proposed: " + ids(paid)
                    + ", which add up to " + describe(credit.amount()) + (subset.unique() ? "" : ", but " + (subset.exhausted()
                    ? "so does another combination" + other : "the search stopped before proving no other does" + other)) + note, null);
            return;
        }
        if (!discounted.isEmpty()) {
            suggest(credit, discounted.subList(0, 1), customer, SUGGESTED, "customer-discount", payer.words() + "; "
                    + discounted.size() + " items fit the credit less an early-payment discount: " + ids(discounted) + note, null);
            return;
        }
        if (payerOwes(credit, payer, customer, items, amount, mayApply, note)) {
            return;
        }
        onAccount(credit, payer, (items.isEmpty() ? "they have no item open in " + credit.amount().currencyCode()
                : "no open item or combination of their " + oldest.size() + " oldest matches " + describe(credit.amount())) + note);
    }

    /**
     * A known payer whose credit fits none of their items exactly, but who owes: their only open
     * invoice paid short within tolerance is applied with the shortfall left open (proposed when
     * the payer is not certain), paid over it is proposed (far short, it is no payment of it); a credit less than what their
     * several invoices add up to names the oldest: held on account for a certain payer, proposed
     * with that invoice otherwise. A person confirms what is proposed.
     */
    private boolean payerOwes(BankTransaction credit, Identity payer, String customer, List<Integer> items, long amount,
                              boolean mayApply, String note) {
        List<Integer> owed = new ArrayList<>(items.size());
        long sum = 0;
        for (int i : items) {
            if (book.open(i) > 0 && book.invoices.get(i).type() == dev.o2c.domain.ar.DocumentType.INVOICE) {
                owed.add(i);
                sum += book.open(i);
            }
        }
        long only = owed.size() == 1 ? book.open(owed.get(0)) - amount : 0;
        if (owed.size() == 1 && mayApply && (only < 0 || deductions.withinTolerance(only, book.open(owed.get(0)), currentCurrency))) {
            int i = owed.get(0);
            long open = book.open(i);
            long gap = open - amount;
            if (gap > 0 && payer.certain()) {
                Deductions.Reason reason = deductions.reason(gap, open, currentCurrency, book.invoices.get(i), credit.valueDate());
                book.apply(i, amount);
                add(credit, customer, book.id(i), credit.amount(), ApplicationStatus.AUTO, "customer-only-item-short",
                        payer.byAccount() ? ACCOUNT_AMOUNT : NAME_AMOUNT, payer.words() + "; " + book.id(i) + " is their only open item ("
                        + money(open) + "): the credit is applied to it, the " + money(gap) + " short stays open as a deduction to clear: "
                        + reason.words());
                exceptions.add(CashApplicationEngine.exception("CASH_SHORT_PAYMENT", Severity.WARNING, credit, cash(gap),
                        reason.code() + ": " + book.id(i) + " " + reason.words()));
                return true;
            }
            suggest(credit, List.of(i), customer, SUGGESTED, "customer-only-item", payer.words() + "; proposed: " + book.id(i)
                    + ", their only open item (" + money(open) + "), which the credit " + (gap > 0 ? "falls short of by " + money(gap)
                    : "exceeds by " + money(-gap)) + note, null);
            return true;
        }
        if (owed.size() > 1 && amount < sum) {
            String oldest = "the credit is less than the " + money(sum) + " their " + owed.size() + " open invoices add up to and fits"
                    + " no combination of them; their oldest, " + book.id(owed.get(0)) + ", is proposed";
            if (payer.certain()) {
                // the cash is theirs for certain: held on their account, the oldest invoice named for whoever clears it
                onAccount(credit, payer, oldest + note);
            } else {
                suggest(credit, List.of(owed.get(0)), customer, SUGGESTED, "customer-oldest", payer.words() + "; " + oldest + note, null);
            }
            return true;
        }
        return false;
    }

    /**
     * A known payer, no item to apply: held on the customer's account without a person only when
     * the payer is certain (their account, or their name exactly). A payer found by a name that
     * only resembles a customer's, or by invoice numbers in the text, may not be the customer at
     * all (a non-customer, a mistyped number): posting it to that customer would misstate them as
     * a wrong AUTO does, so it is proposed for a person instead.
     */
    private void onAccount(BankTransaction credit, Identity payer, String why) {
        String customer = book.customers.id(payer.customer());
        String rule = payer.byAccount() ? "payer-account" : payer.words().startsWith("remittance") ? "remittance-reference" : "payer-name";
        if (!payer.certain()) {
            add(credit, customer, null, credit.amount(), ApplicationStatus.SUGGESTED, rule, SUGGESTED,
                    payer.words() + "; " + why + "; proposed on account: " + (payer.name() == null
                    ? "only the remittance's invoice numbers point to the customer" : payer.name().inText()
                    ? "a name in the remittance is not a named payer" : !payer.name().tied().isEmpty()
                    ? "the name fits other customers as well" : "the name only resembles the customer's"));
            exceptions.add(CashApplicationEngine.exception("CASH_ON_ACCOUNT_PROPOSED", Severity.WARNING, credit, credit.amount(),
                    "customer " + customer + " proposed, not certain, no invoice applied: " + why));
            return;
        }
        add(credit, customer, null, credit.amount(), ApplicationStatus.ON_ACCOUNT, rule,
                ON_ACCOUNT_KNOWN, payer.words() + "; " + why + "; held on account");
        exceptions.add(CashApplicationEngine.exception("CASH_ON_ACCOUNT", Severity.WARNING, credit, credit.amount(),
                "customer " + customer + " identified, no invoice applied: " + why));
    }

    // ---------------------------------------------------------------- nobody we know

    private void unknown(BankTransaction credit, CashApplicationEngine.Evidence ev, List<ReferenceIndex.Hit> closed) {
        String tried = (credit.counterpartyName() == null ? "payer unnamed" : "payer '" + credit.counterpartyName() + "'")
                + (credit.counterpartyAccount() == null ? "" : ", account " + credit.counterpartyAccount())
                + (ev.accountCustomer() == PayerAccounts.AMBIGUOUS ? " (an account several customers share)" : "");
        if (!closed.isEmpty()) {
            add(credit, null, null, credit.amount(), ApplicationStatus.UNMATCHED, "ambiguous-reference", NONE,
                    "remittance names " + ids(closed) + ", already paid, of several customers; " + tried + " is not known");
            exceptions.add(unidentified(credit, "remittance names paid invoices of several customers"));
            return;
        }
        if (useAmounts && ev.name() != null && !ev.name().identified()) {
            // the payer's name fits a few customers equally: the amount may tell which
            long amount = OpenBook.minor(credit.amount());
            List<Integer> exact = new ArrayList<>(1);
            for (int c : ev.name().tied()) {
                int count = openItems(c);
                for (int k = 0; k < count; k++) {
                    if (amounts[k] == amount && !exact.contains(buffer[k])) {
                        exact.add(buffer[k]);
                    }
                }
            }
            String words = tie(credit, ev.name()) + " equally; ";
            if (exact.size() == 1) {
                int i = exact.get(0);
                applyAll(credit, exact, amount, ApplicationStatus.AUTO, "payer-name-amount", NAME_AMOUNT, words + "of their open items only "
                        + book.id(i) + " of customer " + book.customerId(i) + " is open at exactly " + describe(credit.amount()));
                return;
            }
            if (exact.size() > 1) {
                suggest(credit, exact.subList(0, 1), book.customerId(exact.get(0)), SUGGESTED, "payer-name-amount", words
                        + exact.size() + " of their open items are at exactly " + describe(credit.amount()) + ": " + ids(exact), null);
                return;
            }
            int spelled = ev.name().spelled();
            if (spelled >= 0) {
                // no item of theirs at the amount: the customer whose name it is letter for letter is the likelier payer,
                // for their items to be searched as any named payer's, but never certain enough for a posting on account
                PayerNames.Match likely = new PayerNames.Match(spelled, ev.name().score(), ev.name().tied(), "");
                forCustomer(credit, new Identity(spelled, false, credit, likely, null), closed);
                return;
            }
        }
        if (useReceipts && !pool.isEmpty()) {
            // no payer: an ERP receipt of the same amount, booked a day or two after the bank saw the money, is likely
            // the same payment; the receipt names its customer, but nothing here confirms it, so a person does
            List<Receipt> same = pool.sameAmount(credit);
            if (same.size() == 1) {
                Receipt r = same.get(0);
                String invoice = r.allocations().isEmpty() ? null : r.allocations().get(0).invoiceId();
                String words = "no reference and " + tried + " is not known; ERP receipt " + r.receiptId() + " of customer "
                        + r.customerId() + " is of the same " + describe(credit.amount()) + ", dated " + r.receiptDate()
                        + ": the pairing proposed";
                add(credit, r.customerId(), invoice, credit.amount(), ApplicationStatus.SUGGESTED, "erp-receipt-amount", SUGGESTED, words);
                exceptions.add(CashApplicationEngine.exception("CASH_NEEDS_REVIEW", Severity.WARNING, credit, credit.amount(), words));
                return;
            }
        }
        if (useAmounts) {
            List<Integer> same = book.openWithAmount(credit.amount().currency(), OpenBook.minor(credit.amount()));
            if (same.size() == 1) {
                int i = same.get(0);
                boolean auto = rules.amountOnly().equals("auto") && !book.invoices.get(i).invoiceDate().isAfter(credit.valueDate());
                String words = "no reference and " + tried + " is not known; " + book.id(i) + " of customer " + book.customerId(i)
                        + " is the only item open at exactly " + describe(credit.amount()) + " among all customers";
                if (auto) {
                    applyAll(credit, same, OpenBook.minor(credit.amount()), ApplicationStatus.AUTO, "open-amount-unique", AMOUNT_ONLY, words);
                } else {
                    suggest(credit, same, book.customerId(i), AMOUNT_ONLY, "open-amount-unique", words, null);
                }
                return;
            }
            if (same.size() > 1) {
                Set<String> owners = same.stream().map(book::customerId).collect(Collectors.toCollection(LinkedHashSet::new));
                add(credit, null, null, credit.amount(), ApplicationStatus.UNMATCHED, "open-amount-ambiguous", NONE,
                        "no reference and " + tried + " is not known; " + same.size() + " items of " + owners.size()
                        + " customers are open at exactly " + describe(credit.amount()) + " (" + ids(same.subList(0, Math.min(5, same.size())))
                        + (same.size() > 5 ? ", ..." : "") + "), so the amount alone identifies nobody");
                exceptions.add(unidentified(credit, "the amount is open at " + owners.size() + " customers"));
                return;
            }
        }
        add(credit, null, null, credit.amount(), ApplicationStatus.UNMATCHED, "no-evidence", NONE,
                "remittance names no invoice, " + tried + " is not known, and no open item is of " + describe(credit.amount()));
        exceptions.add(unidentified(credit, "no customer identified"));
    }

    // ---------------------------------------------------------------- receipts the bank never showed

    void receiptsWithoutBankLine(Collection<BankTransaction> transactions, Set<String> lineIds) {
        Map<String, Receipt> unique = new LinkedHashMap<>();
        byBankReference.values().forEach(list -> list.forEach(r -> unique.putIfAbsent(r.receiptId(), r)));
        // the receipts no credit took, gathered once (asking per receipt would be quadratic)
        Set<Receipt> untaken = new java.util.HashSet<>(pool.left());
        untaken.forEach(r -> unique.putIfAbsent(r.receiptId(), r));
        if (unique.isEmpty() || transactions.isEmpty()) {
            return; // no receipt to check: the lines' dates are not read (a million lines are a million cache misses)
        }
        LocalDate first = null;
        LocalDate last = null;
        for (BankTransaction t : transactions) {
            LocalDate d = t.bookingDate();
            if (first == null || d.isBefore(first)) {
                first = d;
            }
            if (last == null || d.isAfter(last)) {
                last = d;
            }
        }
        List<Receipt> all = new ArrayList<>(unique.values());
        all.sort(Comparator.comparing(Receipt::receiptId));
        for (Receipt r : all) {
            // only where statements cover the receipt's date can its bank line be expected
            if (r.receiptDate().isBefore(first) || r.receiptDate().isAfter(last)) {
                continue;
            }
            Money total = CashApplicationEngine.total(r);
            if (total.isZero()) {
                continue; // a payment of nothing (one that applies a credit memo to an invoice) moves no cash
            }
            if (r.bankReference() != null && !lineIds.contains(r.bankReference())) {
                exceptions.add(new ExceptionItem("RECEIPT_WITHOUT_BANK_LINE", Severity.WARNING, "receipt", r.receiptId(), total,
                        "bank_reference " + r.bankReference() + " names no bank line in the loaded statements"));
            } else if (r.bankReference() == null && untaken.contains(r)) {
                exceptions.add(new ExceptionItem("RECEIPT_WITHOUT_BANK_LINE", Severity.WARNING, "receipt", r.receiptId(), total,
                        "no bank credit of customer " + r.customerId() + " of this amount within " + rules.receiptWindowDays()
                        + " days of " + r.receiptDate()));
            }
        }
    }

    // ---------------------------------------------------------------- rows

    private void applyAll(BankTransaction credit, List<Integer> invoices, long total, ApplicationStatus status, String rule,
                          BigDecimal confidence, String explanation) {
        long left = total;
        for (int k = 0; k < invoices.size(); k++) {
            int i = invoices.get(k);
            long part = k == invoices.size() - 1 ? left : Math.min(left, book.open(i));
            left -= part;
            if (status == ApplicationStatus.AUTO) {
                book.apply(i, part);
            }
            add(credit, book.customerId(i), book.id(i), cash(part), status, rule, confidence, explanation);
        }
    }

    private void suggest(BankTransaction credit, List<Integer> invoices, String customer, BigDecimal confidence, String rule,
                         String explanation, String reviewReason) {
        long amount = OpenBook.minor(credit.amount());
        long left = amount;
        for (int i : invoices) {
            // an invoice in another currency is proposed with the whole credit, for a person to convert
            long part = book.currency(i).equals(currentCurrency) ? Math.min(left, Math.max(0, book.open(i))) : left;
            if (part == 0) {
                continue;
            }
            left -= part;
            add(credit, book.customerId(i), book.id(i), cash(part), ApplicationStatus.SUGGESTED, rule, confidence, explanation);
        }
        if (left > 0) {
            add(credit, customer, null, cash(left), ApplicationStatus.SUGGESTED, rule, confidence,
                    explanation + (left == amount ? "" : "; the rest, " + money(left) + ", on account"));
        }
        exceptions.add(CashApplicationEngine.exception("CASH_NEEDS_REVIEW", Severity.WARNING, credit, credit.amount(),
                reviewReason != null ? reviewReason : explanation));
    }

    private void suggestOldestFirst(BankTransaction credit, List<Integer> invoices, String customer, String rule, String explanation) {
        suggest(credit, invoices, customer, SUGGESTED, rule, explanation + "; proposed oldest due first", null);
    }

    private void add(BankTransaction credit, String customerId, String invoiceId, Money applied, ApplicationStatus status,
                     String rule, BigDecimal confidence, String explanation) {
        rows.add(new CashAllocation(credit.transactionId(), credit.account(), credit.statementFile(), credit.valueDate(),
                credit.amount(), customerId, invoiceId, applied, status, rule, confidence, explanation));
    }

    private ExceptionItem unidentified(BankTransaction credit, String reason) {
        return CashApplicationEngine.exception("CASH_UNIDENTIFIED", Severity.WARNING, credit, credit.amount(),
                reason + "; payer " + (credit.counterpartyName() == null ? "unnamed" : credit.counterpartyName()));
    }

    private Comparator<Integer> dueOrder() {
        return Comparator.<Integer, LocalDate>comparing(i -> book.invoices.get(i).dueDate())
                .thenComparing(i -> book.invoices.get(i).invoiceDate()).thenComparing(book::id);
    }

    private String ids(List<?> hitsOrInvoices) {
        if (hitsOrInvoices.size() == 1) {
            Object o = hitsOrInvoices.get(0);
            return o instanceof ReferenceIndex.Hit h ? book.id(h.invoice()) : book.id((Integer) o);
        }
        StringBuilder sb = new StringBuilder();
        for (Object o : hitsOrInvoices) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(o instanceof ReferenceIndex.Hit h ? book.id(h.invoice()) : book.id((Integer) o));
        }
        return sb.toString();
    }

    /** The customer's open items into {@link #buffer}, grown as needed; returns how many. */
    private int openItems(int customer) {
        int n = book.openItems(customer, currentCurrency, buffer, amounts);
        while (n > buffer.length) {
            buffer = new int[n * 2];
            amounts = new long[n * 2];
            n = book.openItems(customer, currentCurrency, buffer, amounts);
        }
        return n;
    }

    private String written(List<ReferenceIndex.Hit> hits, List<Integer> kept) {
        StringBuilder sb = new StringBuilder(64);
        for (ReferenceIndex.Hit h : hits) {
            if (!kept.contains(h.invoice())) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(book.id(h.invoice()));
            switch (h.strength()) {
                case EXACT -> { }
                case VARIANT -> sb.append(" (written '").append(h.written()).append("')");
                case TYPO -> sb.append(" (written '").append(h.written()).append("', one character off)");
            }
        }
        return sb.append(" of customer ").append(book.customerId(kept.get(0))).toString();
    }

    /** An amount in the credit's currency, as the explanations write it ("1234.50 EUR"), straight from minor units. */
    private String money(long minor) {
        return plain(minor, currentCurrency.getDefaultFractionDigits()) + " " + currentCurrency.getCurrencyCode();
    }

    static String plain(long minor, int digits) {
        if (digits == 0) {
            return Long.toString(minor);
        }
        StringBuilder sb = new StringBuilder(24);
        long abs = Math.abs(minor);
        String units = Long.toString(abs);
        if (minor < 0) {
            sb.append('-');
        }
        if (units.length() <= digits) {
            sb.append("0.");
            for (int k = units.length(); k < digits; k++) {
                sb.append('0');
            }
            sb.append(units);
        } else {
            sb.append(units, 0, units.length() - digits).append('.').append(units, units.length() - digits, units.length());
        }
        return sb.toString();
    }

    /**
     * An amount in the credit's currency. All of the credit (most rows) is the credit's own amount, which is the same
     * money (amounts are held at their currency's decimals): a million rows then hold no amount of their own.
     */
    private Money cash(long minor) {
        return minor == currentMinor ? currentAmount : OpenBook.money(minor, currentCurrency);
    }

    private static String describe(Money m) {
        if (m.hasNoCurrency()) {
            return m.toPlainString() + " " + m.currencyCode();
        }
        return plain(OpenBook.minor(m), m.currency().getDefaultFractionDigits()) + " " + m.currencyCode();
    }
}
