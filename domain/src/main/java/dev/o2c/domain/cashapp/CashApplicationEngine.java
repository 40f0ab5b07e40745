package dev.o2c.domain.cashapp;

import dev.o2c.domain.ar.Customer;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.ar.Receipt;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.collections.PackedSort;
import dev.o2c.domain.concurrent.Futures;
import dev.o2c.domain.concurrent.HelperThread;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.controls.Severity;
import dev.o2c.domain.money.CurrencyMismatchException;
import dev.o2c.domain.money.Money;
import dev.o2c.domain.openitems.CashMovement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Cash application: every bank credit decided, with its rule, a confidence and an
 * explanation in words (CONTRACTS.md 3.2).
 *
 * <p>Two phases. The evidence of every credit is read on worker threads, chunk by chunk,
 * from indexes built once (side by side, while the credits are put in decision order): the invoice numbers its texts
 * name ({@link ReferenceIndex}), the customer its payer's account belongs to ({@link PayerAccounts}), the customer its
 * payer's name is ({@link PayerNames}). Meanwhile this thread decides the credits one by one in value-date
 * order (then file and position), against open amounts that each application lowers, so an
 * invoice is never paid twice and the result is the same for any number of threads.
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

    /** Value date, booking date, statement file, position in it, transaction id. */
    static final Comparator<BankTransaction> DECISION_ORDER = Comparator
            .comparing(BankTransaction::valueDate)
            .thenComparing(BankTransaction::bookingDate)
            .thenComparing(t -> String.valueOf(t.statementFile()))
            .thenComparingLong(BankTransaction::position)
            .thenComparing(BankTransaction::transactionId);

    /** Credits whose evidence a worker reads in one go. */
    private static final int CHUNK = 4_096;

    /**
     * What one credit says about itself, which no decision changes, read on a worker before the credit is decided (the
     * deciding thread then reads it from memory written moments ago rather than from the credit's scattered strings).
     *
     * @param notCustomerCode the configured transaction code (or prefix) that makes the credit not customer cash, or null
     * @param linked the ERP receipts that name the credit as their bank reference, or null
     */
    record Evidence(String notCustomerCode, List<Receipt> linked, List<ReferenceIndex.Hit> hits, int accountCustomer,
                    PayerNames.Match name) {
    }

    private final MatchingRules rules;
    /** The indexes, built on the threads the constructor starts; the first {@link #apply} takes them. */
    private final Future<OpenBook> bookBuild;
    private final Future<ReferenceIndex> referencesBuild;
    private final Future<Payers> payersBuild;
    private OpenBook book;
    private ReferenceIndex references;
    private PayerNames names;
    private PayerAccounts accounts;
    private final List<Receipt> receipts;
    private final Deductions deductions;
    private final String[] notCustomerCodes;
    /** The rules in force and the name threshold, looked up once rather than for each of a million credits. */
    private final boolean useReceipts;
    private final boolean useReferences;
    private final boolean useAccounts;
    private final boolean useNames;
    private final double nameSimilarity;

    /** Who a payer is by name, and by account as the customer master has them. */
    private record Payers(PayerNames names, PayerAccounts accounts) {
    }

    /**
     * Starts building the indexes, each on a thread of its own, and returns: the first {@link #apply} puts the
     * credits in decision order while they build (the order needs only the bank lines) and then waits for them. An
     * error building them is thrown by that {@code apply}. The collections are read on those threads: they must not
     * change until {@code apply} returns.
     */
    public CashApplicationEngine(MatchingRules rules, Collection<Customer> customers, Collection<Invoice> documents,
                                 Collection<Receipt> receipts) {
        this.rules = rules;
        this.receipts = List.copyOf(receipts);
        this.deductions = new Deductions(rules);
        this.notCustomerCodes = rules.notCustomerCash().stream().map(c -> c.trim().toUpperCase(java.util.Locale.ROOT))
                .toArray(String[]::new);
        this.useReceipts = rules.uses("erp-receipt");
        this.useReferences = rules.uses("remittance-reference");
        this.useAccounts = rules.uses("payer-account");
        this.useNames = rules.uses("payer-name");
        this.nameSimilarity = rules.nameSimilarity().doubleValue();
        // the three indexes do not depend on one another: built side by side, each on one thread; shut down at once,
        // the pool still runs what it was given and its threads end with it
        ForkJoinPool pool = new ForkJoinPool(threads(rules));
        try {
            bookBuild = pool.submit(() -> new OpenBook(customers, documents, receipts));
            referencesBuild = pool.submit(() -> new ReferenceIndex(invoiceIds(documents), rules.referenceMinDigits(),
                    rules.typoMinDigits()));
            payersBuild = pool.submit(() -> payers(customers));
        } finally {
            pool.shutdown();
        }
    }

    /** The invoices' numbers in the order {@link OpenBook} numbers the invoices in. */
    private static List<String> invoiceIds(Collection<Invoice> documents) {
        List<String> invoiceIds = new ArrayList<>();
        for (Invoice d : documents) {
            if (!d.isCreditMemo()) {
                invoiceIds.add(d.invoiceId());
            }
        }
        return invoiceIds;
    }

    /**
     * The payers' names and the master's accounts, the customers numbered as {@link OpenBook} numbers them: in the
     * master's order, each id at its first appearance (a later row of the same id gives its name).
     */
    private static Payers payers(Collection<Customer> customers) {
        Map<String, Integer> firstSeen = new HashMap<>();
        List<String> customerNames = new ArrayList<>();
        for (Customer c : customers) {
            Integer index = firstSeen.putIfAbsent(c.customerId(), customerNames.size());
            if (index == null) {
                customerNames.add(c.name());
            } else {
                customerNames.set(index, c.name());
            }
        }
        PayerAccounts accounts = new PayerAccounts();
        for (Customer c : customers) {
            int index = firstSeen.get(c.customerId());
            for (String account : c.bankAccounts()) {
                accounts.addMaster(account, index);
            }
        }
        int[] parents = new int[customerNames.size()];
        Arrays.fill(parents, -1);
        for (Customer c : customers) {
            Integer parent = c.parentCustomerId() == null ? null : firstSeen.get(c.parentCustomerId());
            if (parent != null && parent != firstSeen.get(c.customerId()).intValue()) {
                parents[firstSeen.get(c.customerId())] = parent;
            }
        }
        return new Payers(new PayerNames(customerNames, parents), accounts);
    }

    /** Waits for the indexes the constructor started, once. */
    private void indexesBuilt() {
        if (book != null) {
            return;
        }
        book = Futures.await(bookBuild);
        references = Futures.await(referencesBuild);
        Payers payers = Futures.await(payersBuild);
        names = payers.names();
        accounts = payers.accounts();
    }

    private static int threads(MatchingRules rules) {
        return rules.threads() == 0 ? Runtime.getRuntime().availableProcessors() : rules.threads();
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
        List<BankTransaction> credits = inDecisionOrder(transactions, threads(rules) > 1);
        indexesBuilt();
        Map<String, List<Receipt>> byBankReference = new HashMap<>();
        for (Receipt r : receipts) {
            if (r.bankReference() != null) {
                byBankReference.computeIfAbsent(r.bankReference(), k -> new ArrayList<>()).add(r);
            }
        }
        // the bank references receipts give that name a loaded line (not a set of every line: a million ids),
        // and the accounts those lines came from, as the ERP says whose they are (learned in any order: an
        // account two customers' receipts name identifies neither, whichever came first); one pass, none
        // when no receipt names a bank line
        Set<String> lineIds = new HashSet<>();
        boolean learn = useReceipts;
        if (!byBankReference.isEmpty()) {
            for (BankTransaction t : transactions) {
                List<Receipt> linked = byBankReference.get(t.transactionId());
                if (linked == null) {
                    continue;
                }
                lineIds.add(t.transactionId());
                if (learn && t.isCredit()) {
                    for (Receipt r : linked) {
                        int c = book.customers.find(r.customerId());
                        if (c >= 0) {
                            accounts.learn(t.counterpartyAccount(), c);
                        }
                    }
                }
            }
        }
        ReceiptPool pool = new ReceiptPool(receipts, book.customers, rules.receiptWindowDays());
        Decisions decisions = new Decisions(rules, book, deductions, pool, byBankReference, credits.size());
        int threads = threads(rules);
        if (threads == 1 || credits.size() < CHUNK) {
            for (BankTransaction credit : credits) {
                decisions.decide(credit, evidence(credit, byBankReference));
            }
        } else {
            // evidence is read chunk by chunk on the workers while this thread decides the chunks
            // already read, in order: the work overlaps, the decisions stay in decision order.
            // This thread is the one that cannot be shared, so it keeps a core: threads - 1
            // workers, and only a few chunks read ahead (workers racing to the end took cores
            // from it and held a million credits' evidence in memory).
            int workerCount = Math.max(1, threads - 1);
            int ahead = 4 * workerCount;
            int chunkCount = (credits.size() + CHUNK - 1) / CHUNK;
            ForkJoinPool workers = new ForkJoinPool(workerCount);
            try {
                List<Future<Evidence[]>> chunks = new ArrayList<>(chunkCount);
                for (int c = 0; c < chunkCount; c++) {
                    chunks.add(null);
                }
                for (int c = 0; c < Math.min(ahead, chunkCount); c++) {
                    chunks.set(c, readAhead(workers, credits, c, byBankReference));
                }
                for (int c = 0; c < chunkCount; c++) {
                    Evidence[] evidence = Futures.await(chunks.get(c));
                    chunks.set(c, null); // decided once: let it go
                    if (c + ahead < chunkCount) {
                        chunks.set(c + ahead, readAhead(workers, credits, c + ahead, byBankReference));
                    }
                    for (int i = 0; i < evidence.length; i++) {
                        decisions.decide(credits.get(c * CHUNK + i), evidence[i]);
                    }
                }
            } finally {
                workers.shutdownNow();
            }
        }
        decisions.receiptsWithoutBankLine(transactions, lineIds);
        return new CashApplication(decisions.rows, decisions.exceptions);
    }

    /** The evidence of chunk {@code c} of the credits, read on a worker. */
    private Future<Evidence[]> readAhead(ForkJoinPool workers, List<BankTransaction> credits, int c,
                                                              Map<String, List<Receipt>> byBankReference) {
        List<BankTransaction> part = credits.subList(c * CHUNK, Math.min(credits.size(), (c + 1) * CHUNK));
        return workers.submit(() -> {
            Evidence[] out = new Evidence[part.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = evidence(part.get(i), byBankReference);
            }
            return out;
        });
    }

    /**
     * The credits in {@link #DECISION_ORDER}, sorted on keys read once (dates as days, the file
     * as its rank among the files) rather than through the comparator's accessors: as one long
     * per credit when the keys fit in it ({@link #packedOrder}), else with a comparator.
     */
    static List<BankTransaction> inDecisionOrder(Collection<BankTransaction> transactions) {
        return inDecisionOrder(transactions, false);
    }

    /** Below this many credits the order is sorted on one thread. */
    private static final int SORT_IN_TWO_FROM = 50_000;

    /**
     * @param inTwo read the later half of the lines on a thread of its own and, when the keys do not fit in a long,
     *        sort each half on its own thread and merge them (the indexes build meanwhile, but on a million lines
     *        reading in two was no slower than in one: 7.45 s against 7.75 s on average in six runs each); the
     *        halves' credits are joined in line order, both halves are sorted stably and the merge takes the first
     *        half's on a tie, so the order is a single stable sort's
     */
    static List<BankTransaction> inDecisionOrder(Collection<BankTransaction> transactions, boolean inTwo) {
        // one pass over the lines reads each credit's keys as it is kept (each line is a cache miss or two: a
        // second pass over the credits cost as much again), the later half on a thread of its own when sorting in two;
        // the files are ranked after
        List<BankTransaction> lines = transactions instanceof List<BankTransaction> list && list instanceof java.util.RandomAccess
                ? list : new ArrayList<>(transactions);
        int most = lines.size();
        CreditKeys keys = new CreditKeys(most);
        java.util.TreeSet<String> files = new java.util.TreeSet<>();
        int split = inTwo && most >= SORT_IN_TWO_FROM ? most / 2 : most;
        java.util.TreeSet<String> laterFiles = new java.util.TreeSet<>();
        Future<Integer> later = split == most ? null
                : HelperThread.start("o2c-order", () -> keys.read(lines, split, most, laterFiles));
        int first = keys.read(lines, 0, split, files);
        int n = later == null ? first : keys.follow(first, split, Futures.await(later));
        files.addAll(laterFiles);
        List<BankTransaction> credits = java.util.Arrays.asList(keys.credits).subList(0, n);
        Map<String, Integer> fileRank = new HashMap<>();
        for (String f : files) {
            fileRank.put(f, fileRank.size());
        }
        int[] file = new int[n];
        String lastFile = null;
        int lastRank = -1;
        for (int i = 0; i < n; i++) {
            String f = keys.fileOf[i];
            if (f != lastFile) {
                lastRank = fileRank.get(f);
                lastFile = f;
            }
            file[i] = lastRank;
        }
        long[] value = java.util.Arrays.copyOf(keys.valueDays, n);
        long[] booking = java.util.Arrays.copyOf(keys.bookingDays, n);
        long[] position = java.util.Arrays.copyOf(keys.positions, n);
        int[] packed = packedOrder(value, booking, file, files.size(), position, credits);
        if (packed != null) {
            List<BankTransaction> sorted = new ArrayList<>(n);
            for (int i : packed) {
                sorted.add(credits.get(i));
            }
            return sorted;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Comparator<Integer> byDecisionOrder = (a, b) -> {
            int c = Long.compare(value[a], value[b]);
            if (c == 0) {
                c = Long.compare(booking[a], booking[b]);
            }
            if (c == 0) {
                c = Integer.compare(file[a], file[b]);
            }
            if (c == 0) {
                c = Long.compare(position[a], position[b]);
            }
            return c != 0 ? c : credits.get(a).transactionId().compareTo(credits.get(b).transactionId());
        };
        Integer[] ranked = order;
        if (!inTwo || n < SORT_IN_TWO_FROM) {
            java.util.Arrays.sort(order, byDecisionOrder);
        } else {
            int half = n / 2;
            Future<Void> second = HelperThread.start("o2c-sort", () -> {
                java.util.Arrays.sort(order, half, n, byDecisionOrder);
                return null;
            });
            java.util.Arrays.sort(order, 0, half, byDecisionOrder);
            Futures.await(second);
            Integer[] merged = new Integer[n];
            int i = 0;
            int j = half;
            for (int k = 0; k < n; k++) {
                merged[k] = j >= n || (i < half && byDecisionOrder.compare(order[j], order[i]) >= 0) ? order[i++] : order[j++];
            }
            ranked = merged;
        }
        List<BankTransaction> sorted = new ArrayList<>(n);
        for (Integer i : ranked) {
            sorted.add(credits.get(i));
        }
        return sorted;
    }

    /** The credits among the lines and their sort keys, read from each line once. */
    private static final class CreditKeys {
        final BankTransaction[] credits;
        final long[] valueDays;
        final long[] bookingDays;
        final long[] positions;
        final String[] fileOf;

        CreditKeys(int most) {
            credits = new BankTransaction[most];
            valueDays = new long[most];
            bookingDays = new long[most];
            positions = new long[most];
            fileOf = new String[most];
        }

        /** The credits among lines {@code from} to {@code to}, kept from slot {@code from} on; how many. */
        int read(List<BankTransaction> lines, int from, int to, java.util.Set<String> files) {
            int kept = from;
            String lastFile = null; // a statement's lines share their file's name: the set is asked once a run, not once a line
            for (int i = from; i < to; i++) {
                BankTransaction t = lines.get(i);
                if (t.isCredit()) {
                    credits[kept] = t;
                    valueDays[kept] = t.valueDate().toEpochDay();
                    bookingDays[kept] = t.bookingDate().toEpochDay();
                    positions[kept] = t.position();
                    String f = String.valueOf(t.statementFile());
                    if (f != lastFile) {
                        files.add(f);
                        lastFile = f;
                    }
                    fileOf[kept++] = f;
                }
            }
            return kept - from;
        }

        /** The {@code count} credits kept from slot {@code from} moved to follow the first {@code kept}; how many in all. */
        int follow(int kept, int from, int count) {
            System.arraycopy(credits, from, credits, kept, count);
            System.arraycopy(valueDays, from, valueDays, kept, count);
            System.arraycopy(bookingDays, from, bookingDays, kept, count);
            System.arraycopy(positions, from, positions, kept, count);
            System.arraycopy(fileOf, from, fileOf, kept, count);
            return kept + count;
        }
    }

    /**
     * The positions of the credits in decision order when value date, booking date, file and position fit in one long
     * with the credit's position in the list (a million credits: dates a few years apart, a few thousand files, positions
     * in the millions); null when they do not. The longs are sorted as numbers, which is a stable sort on the four keys
     * (the list position comes last); credits equal on all four are then put in transaction id order, stably.
     */
    private static int[] packedOrder(long[] value, long[] booking, int[] file, int files, long[] position,
                                     List<BankTransaction> credits) {
        int n = value.length;
        if (n == 0) {
            return new int[0];
        }
        long minValue = Long.MAX_VALUE;
        long maxValue = Long.MIN_VALUE;
        long minBooking = Long.MAX_VALUE;
        long maxBooking = Long.MIN_VALUE;
        long minPosition = Long.MAX_VALUE;
        long maxPosition = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            minValue = Math.min(minValue, value[i]);
            maxValue = Math.max(maxValue, value[i]);
            minBooking = Math.min(minBooking, booking[i]);
            maxBooking = Math.max(maxBooking, booking[i]);
            minPosition = Math.min(minPosition, position[i]);
            maxPosition = Math.max(maxPosition, position[i]);
        }
        if (maxPosition - minPosition < 0) { // positions further apart than a long holds
            return null;
        }
        int bookingBits = bits(maxBooking - minBooking);
        int fileBits = bits(files - 1L);
        int positionBits = bits(maxPosition - minPosition);
        int indexBits = bits(n - 1L);
        if (bits(maxValue - minValue) + bookingBits + fileBits + positionBits + indexBits > 63) {
            return null;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long k = value[i] - minValue;
            k = (k << bookingBits) | (booking[i] - minBooking);
            k = (k << fileBits) | file[i];
            k = (k << positionBits) | (position[i] - minPosition);
            keys[i] = (k << indexBits) | i;
        }
        PackedSort.sort(keys, indexBits); // the credit's place below the keys, ascending: ties stay in list order
        long indexMask = (1L << indexBits) - 1;
        int[] order = new int[n];
        for (int j = 0; j < n; j++) {
            order[j] = (int) (keys[j] & indexMask);
        }
        // equal on all four keys: the transaction id decides, and the list order among equal ids (a stable sort)
        for (int j = 0; j < n; ) {
            int end = j + 1;
            while (end < n && keys[end] >>> indexBits == keys[j] >>> indexBits) {
                end++;
            }
            if (end - j > 1) {
                Integer[] tied = new Integer[end - j];
                for (int t = 0; t < tied.length; t++) {
                    tied[t] = order[j + t];
                }
                java.util.Arrays.sort(tied, Comparator.comparing(i -> credits.get(i).transactionId()));
                for (int t = 0; t < tied.length; t++) {
                    order[j + t] = tied[t];
                }
            }
            j = end;
        }
        return order;
    }

    /** Bits to hold 0 to {@code range}. */
    private static int bits(long range) {
        return 64 - Long.numberOfLeadingZeros(range);
    }

    private Evidence evidence(BankTransaction credit, Map<String, List<Receipt>> byBankReference) {
        String notCustomerCode = notCustomerCash(credit.typeCode());
        List<Receipt> linked = useReceipts ? byBankReference.get(credit.transactionId()) : null;
        List<ReferenceIndex.Hit> hits = useReferences
                ? references.find(credit.structuredReference(), credit.remittanceInfo(), credit.customerReference())
                : List.of();
        int account = useAccounts ? accounts.customer(credit.counterpartyAccount()) : PayerAccounts.UNKNOWN;
        PayerNames.Match name = useNames && account < 0 ? names.identify(credit.counterpartyName(), nameSimilarity) : null;
        if (name == null && useNames && account < 0 && (credit.counterpartyName() == null || credit.counterpartyName().isBlank())) {
            // the bank left the payer unnamed: a customer's whole name may stand in what the payer wrote
            name = names.identifyIn(credit.remittanceInfo());
        }
        return new Evidence(notCustomerCode, linked, hits, account, name);
    }

    /** The configured code (or prefix) a transaction code starts with, any case, or null. */
    private String notCustomerCash(String code) {
        if (code == null) {
            return null;
        }
        for (String prefix : notCustomerCodes) {
            if (code.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return prefix;
            }
        }
        return null;
    }

    /** A receipt's total, or null when its parts are in different currencies. */
    static Money total(Receipt r) {
        try {
            return r.total();
        } catch (CurrencyMismatchException e) {
            return null;
        }
    }

    /**
     * Whether an exception is one the engine raised about a bank credit ({@link #exception}): its categories all start
     * with {@code CASH_} or {@code BANK_RECEIPT_}, its entity is the credit.
     */
    public static boolean aboutACredit(ExceptionItem e) {
        return e.entityType().equals("bank_transaction") && (e.category().startsWith("CASH_") || e.category().startsWith("BANK_RECEIPT_"));
    }

    static ExceptionItem exception(String category, Severity severity, BankTransaction credit, Money amount, String reason) {
        assert category.startsWith("CASH_") || category.startsWith("BANK_RECEIPT_") : category + ": see aboutACredit";
        return new ExceptionItem(category, severity, "bank_transaction", credit.transactionId(), amount, reason);
    }
}
