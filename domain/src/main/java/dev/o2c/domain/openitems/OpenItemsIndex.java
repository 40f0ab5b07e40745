package dev.o2c.domain.openitems;

import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.collections.IdNumbers;
import dev.o2c.domain.concurrent.Futures;
import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * {@link OpenItems#asOf} for several dates of one ledger (the month-end, the previous ones
 * for the roll-forward, rolling DSO and the quarter's CEI): which invoice each credit memo
 * and cash movement reduces is worked out once, amounts are kept in minor units in arrays,
 * and each date is then one pass over them. Gives exactly the items {@link OpenItems#asOf}
 * gives (a test holds it to that on random ledgers); a ledger it cannot hold in minor units
 * (an amount with no currency, a repeated invoice id) goes through {@link OpenItems} itself.
 */
public final class OpenItemsIndex {

    private final Collection<Invoice> documents;
    private final Collection<CashMovement> cash;
    private final boolean fallback;

    /** Invoice id to position (the last of a repeated id, as a map of all invoices would hold it). */
    private Positions position;
    private Invoice[] invoices;
    private long[] invoiceAmount;
    private long[] invoiceDate;
    private Currency[] invoiceCurrency;

    private Invoice[] memos;
    private int[] memoTarget;
    private long[] memoAmount;
    private long[] memoDate;
    private Currency[] memoCurrency;

    private CashMovement[] moves;
    private int[] moveTarget;
    private long[] moveAmount;
    private long[] moveDate;
    private Currency[] moveCurrency;
    /** The unapplied-cash item a movement joins when it reduces no invoice: by source, customer and currency. */
    private int[] moveGroup;
    private int groups;

    /** Each document's and movement's customer, numbered as first met, and each number's rank in customer id order. */
    private int[] invoiceCustomer;
    private int[] memoCustomer;
    private int[] moveCustomer;
    /** By customer number: its rank in customer id order (worked out on the helper while the items are made). */
    private Future<int[]> customerRanks;
    private final Executor helper;

    public OpenItemsIndex(Collection<Invoice> documents, Collection<CashMovement> cash) {
        this(documents, cash, Runnable::run);
    }

    /**
     * The same index, the map of invoice ids made on {@code helper} meanwhile (a million
     * random writes, half the work of building the index), and the customers ranked there
     * while the caller goes on.
     */
    public OpenItemsIndex(Collection<Invoice> documents, Collection<CashMovement> cash, Executor helper) {
        this(documents, cash, start(documents, helper).positions, helper);
    }

    private OpenItemsIndex(Collection<Invoice> documents, Collection<CashMovement> cash, Future<Positions> positions,
                           Executor helper) {
        this.documents = documents;
        this.cash = cash;
        this.helper = helper;
        this.fallback = !index(positions);
    }

    /**
     * The index begun: the map of invoice ids made on {@code helper} from now on, ahead of what the caller gives the
     * helper next, while the caller lists the cash movements; {@link Started#with} then builds the rest. The index
     * waited up to 80 ms for the map when it was queued behind the figures' other work.
     */
    public static Started start(Collection<Invoice> documents, Executor helper) {
        FutureTask<Positions> positions = new FutureTask<>(() -> Positions.of(documents));
        helper.execute(positions);
        return new Started(documents, positions, helper);
    }

    /** An index whose map of invoice ids is under way. */
    public static final class Started {
        private final Collection<Invoice> documents;
        private final Future<Positions> positions;
        private final Executor helper;

        private Started(Collection<Invoice> documents, Future<Positions> positions, Executor helper) {
            this.documents = documents;
            this.positions = positions;
            this.helper = helper;
        }

        /** The index of the documents and these cash movements. */
        public OpenItemsIndex with(Collection<CashMovement> cash) {
            return new OpenItemsIndex(documents, cash, positions, helper);
        }
    }

    /** Each invoice id's position among the invoices (credit memos left out), and whether an id repeats. */
    private static final class Positions {
        private final IdNumbers ids;
        /** By the id's number: the position of the last invoice of it, as a map of all invoices would hold it. */
        private final int[] last;
        private boolean repeated;

        private Positions(int capacity) {
            ids = new IdNumbers(capacity);
            last = new int[capacity];
        }

        static Positions of(Collection<Invoice> documents) {
            Positions p = new Positions(documents.size());
            int n = 0;
            for (Invoice d : documents) {
                if (!d.isCreditMemo()) {
                    int known = p.ids.size();
                    int number = p.ids.number(d.invoiceId());
                    p.repeated |= number < known;
                    p.last[number] = n++;
                }
            }
            return p;
        }

        /** The position of the id (of a repeated one, the last), or null. */
        Integer get(String id) {
            int number = ids.find(id);
            return number < 0 ? null : last[number];
        }

        boolean repeated() {
            return repeated;
        }
    }

    /** Builds the arrays; false when the ledger needs the plain path. */
    private boolean index(Future<Positions> positions) {
        // one pass over the documents: each is read from memory once (three passes cost as much again in stalls);
        // the map of invoice ids is made meanwhile by the helper
        int capacity = documents.size();
        Invoice[] inv = new Invoice[capacity];
        invoiceAmount = new long[capacity];
        invoiceDate = new long[capacity];
        invoiceCurrency = new Currency[capacity];
        invoiceCustomer = new int[capacity];
        IdNumbers customers = new IdNumbers(1 << 10);
        List<Invoice> cms = new ArrayList<>();
        boolean plain = false; // true: this ledger takes the plain path (its map of invoices is still kept)
        int n = 0;
        for (Invoice d : documents) {
            Money amount = d.amount();
            boolean minorUnits = amount.isInMinorUnits();
            plain |= !minorUnits;
            if (d.isCreditMemo()) {
                cms.add(d);
                continue;
            }
            inv[n] = d;
            if (minorUnits) {
                invoiceAmount[n] = minor(amount);
                invoiceCurrency[n] = amount.currency();
                invoiceDate[n] = d.invoiceDate().toEpochDay();
                invoiceCustomer[n] = customers.number(d.customerId());
            }
            n++;
        }
        invoices = n == capacity ? inv : Arrays.copyOf(inv, n);
        Positions p = Futures.await(positions);
        position = p;
        // which of two equal ids counts depends on the date: the plain path decides
        plain |= p.repeated();
        if (plain) {
            return false;
        }
        memos = cms.toArray(Invoice[]::new);
        memoTarget = new int[memos.length];
        memoAmount = new long[memos.length];
        memoDate = new long[memos.length];
        memoCurrency = new Currency[memos.length];
        memoCustomer = new int[memos.length];
        for (int k = 0; k < memos.length; k++) {
            Invoice m = memos[k];
            memoCustomer[k] = customers.number(m.customerId());
            memoAmount[k] = minor(m.amount());
            memoDate[k] = m.invoiceDate().toEpochDay();
            memoCurrency[k] = m.amount().currency();
            Integer target = m.originalInvoiceId() == null ? null : position.get(m.originalInvoiceId());
            memoTarget[k] = target != null && invoiceCurrency[target].equals(memoCurrency[k]) ? target : -1;
        }
        moves = cash.toArray(CashMovement[]::new);
        moveTarget = new int[moves.length];
        moveAmount = new long[moves.length];
        moveDate = new long[moves.length];
        moveGroup = new int[moves.length];
        moveCurrency = new Currency[moves.length];
        moveCustomer = new int[moves.length];
        // groups numbered as first met; nearly every source (a receipt, a bank credit) is one group, found by its
        // number: a map keyed by source, customer and currency, hashed for each of 350,000 movements, cost about
        // half a second; it is kept for a source's movements of a second customer or currency
        IdNumbers sources = new IdNumbers(moves.length);
        int[] sourceFirst = new int[moves.length];
        Map<GroupKey, Integer> otherGroups = new HashMap<>();
        int groupCount = 0;
        for (int k = 0; k < moves.length; k++) {
            CashMovement c = moves[k];
            if (!c.amount().isInMinorUnits()) {
                return false;
            }
            moveCustomer[k] = customers.number(c.customerId());
            moveAmount[k] = minor(c.amount());
            moveDate[k] = c.date().toEpochDay();
            moveCurrency[k] = c.amount().currency();
            Integer target = c.invoiceId() == null ? null : position.get(c.invoiceId());
            moveTarget[k] = target != null && invoiceCurrency[target].equals(moveCurrency[k]) ? target : -1;
            int known = sources.size();
            int source = sources.number(c.sourceId());
            if (source == known) {
                sourceFirst[source] = k; // the source's first movement stands for its first group
                moveGroup[k] = groupCount++;
            } else if (moveCustomer[sourceFirst[source]] == moveCustomer[k] && moveCurrency[sourceFirst[source]].equals(moveCurrency[k])) {
                moveGroup[k] = moveGroup[sourceFirst[source]];
            } else {
                Integer g = otherGroups.putIfAbsent(new GroupKey(source, moveCustomer[k], moveCurrency[k]), groupCount);
                moveGroup[k] = g == null ? groupCount++ : g;
            }
        }
        groups = groupCount;
        // sorting the customer ids is a tenth of a second or two: the helper does it while the items are made
        FutureTask<int[]> ranks = new FutureTask<>(() -> ranks(customers));
        helper.execute(ranks);
        customerRanks = ranks;
        return true;
    }

    /** By customer number: its rank in customer id order. */
    private static int[] ranks(IdNumbers customers) {
        String[] ids = new String[customers.size()];
        for (int c = 0; c < ids.length; c++) {
            ids[c] = customers.id(c);
        }
        Arrays.sort(ids);
        int[] rank = new int[ids.length];
        for (int r = 0; r < ids.length; r++) {
            rank[customers.find(ids[r])] = r;
        }
        return rank;
    }

    /** An unapplied-cash item's identity beyond its source's first: source and customer (by number) and currency. */
    private record GroupKey(int source, int customer, Currency currency) {
    }

    /** The invoice (not credit memo) of this id, whatever its date; of a repeated id, the last. */
    public Invoice invoice(String id) {
        Integer i = position.get(id);
        return i == null ? null : invoices[i];
    }

    /** {@link OpenItems#asOf}: the items as of the date, in the published order. */
    public List<OpenItem> asOf(LocalDate asOf) {
        if (fallback) {
            return OpenItems.asOf(asOf, documents, cash);
        }
        Balances b = balances(asOf.toEpochDay());
        Placed placed = new Placed(count(b));
        items(b, placed);
        return placed.inPublishedOrder();
    }

    /**
     * Items with their customer's number and their date, put in {@link OpenItem#PUBLISHED_ORDER}
     * by those (comparing a million items by their strings cost seconds in memory stalls);
     * items equal on customer and date are then put in order by the full comparator.
     */
    private final class Placed implements ItemSink {
        final OpenItem[] items;
        final int[] customer;
        final long[] day;
        int size;

        Placed(int n) {
            items = new OpenItem[n];
            customer = new int[n];
            day = new long[n];
        }

        @Override
        public void add(OpenItem item, int customer, long epochDay) {
            items[size] = item;
            this.customer[size] = customer;
            day[size] = epochDay;
            size++;
        }

        List<OpenItem> inPublishedOrder() {
            int n = size;
            long minDay = Long.MAX_VALUE;
            long maxDay = Long.MIN_VALUE;
            for (int k = 0; k < n; k++) {
                minDay = Math.min(minDay, day[k]);
                maxDay = Math.max(maxDay, day[k]);
            }
            if (n > 0 && maxDay - minDay >= (1L << 32)) { // dates billions of years apart: no room in the key
                OpenItem[] sorted = items.clone();
                Arrays.parallelSort(sorted, OpenItem.PUBLISHED_ORDER);
                return Arrays.asList(sorted);
            }
            // by customer (counting), then by date and position (one long per item) within each customer
            int[] customerRank = Futures.await(customerRanks);
            int[] rank = new int[n];
            for (int k = 0; k < n; k++) {
                rank[k] = customerRank[customer[k]];
            }
            int[] start = new int[customerRank.length + 1];
            for (int k = 0; k < n; k++) {
                start[rank[k] + 1]++;
            }
            for (int r = 0; r < customerRank.length; r++) {
                start[r + 1] += start[r];
            }
            int[] fill = start.clone();
            long[] keys = new long[n];
            for (int k = 0; k < n; k++) {
                keys[fill[rank[k]]++] = ((day[k] - minDay) << 31) | k;
            }
            OpenItem[] sorted = new OpenItem[n];
            for (int r = 0; r < customerRank.length; r++) {
                int from = start[r];
                int to = start[r + 1];
                Arrays.sort(keys, from, to);
                for (int j = from; j < to; j++) {
                    sorted[j] = items[(int) (keys[j] & Integer.MAX_VALUE)];
                }
                // equal customer and date: the document id and type decide (the positions kept them stable)
                for (int j = from; j < to; ) {
                    int end = j + 1;
                    while (end < to && (keys[end] >>> 31) == (keys[j] >>> 31)) {
                        end++;
                    }
                    if (end - j > 1) {
                        Arrays.sort(sorted, j, end, OpenItem.PUBLISHED_ORDER);
                    }
                    j = end;
                }
            }
            return Arrays.asList(sorted);
        }
    }

    /** {@link OpenItems#unordered}: the same items, in no particular order (for totals). */
    public List<OpenItem> unordered(LocalDate asOf) {
        if (fallback) {
            return OpenItems.unordered(asOf, documents, cash);
        }
        List<OpenItem> items = new ArrayList<>();
        items(balances(asOf.toEpochDay()), (item, customer, day) -> items.add(item));
        return items;
    }

    /** Takes each open item with its customer's number and its date as an epoch day. */
    @FunctionalInterface
    private interface ItemSink {
        void add(OpenItem item, int customer, long epochDay);
    }

    /*
     * What is open in a day's balances is gone through by three methods below (count, items, forEachOpen), each with the
     * same three loops written out: open credit memos, unapplied cash groups in the order first met, invoices with
     * something open. One loop taking what to do as lambdas was compiled again and again (eight times, 0.7 s of the
     * compiler in the figures' 5 s) as each caller's lambdas replaced the last's; a loop per use is compiled once.
     */

    /** How many items {@code b} has open. */
    private int count(Balances b) {
        int n = 0;
        for (int k = 0; k < memos.length; k++) {
            if (b.memoOpen[k]) {
                n++;
            }
        }
        for (int s = 0; s < b.groupsSeen; s++) {
            if (b.groupAmount[b.groupOrder[s]] != 0) {
                n++;
            }
        }
        for (int i = 0; i < invoices.length; i++) {
            if (b.exists[i] && b.open[i] != 0) {
                n++;
            }
        }
        return n;
    }

    /** Makes the open items of {@code b}: open credit memos, unapplied cash, invoices with something open. */
    private void items(Balances b, ItemSink out) {
        for (int k = 0; k < memos.length; k++) {
            if (b.memoOpen[k]) {
                Invoice m = memos[k];
                out.add(new OpenItem(m.customerId(), m.invoiceId(), OpenItemType.CREDIT_MEMO, m.invoiceDate(), m.invoiceDate(),
                        m.amount().negate(), m.disputed()), memoCustomer[k], memoDate[k]);
            }
        }
        for (int s = 0; s < b.groupsSeen; s++) {
            int g = b.groupOrder[s];
            if (b.groupAmount[g] != 0) {
                CashMovement first = moves[b.groupFirst[g]];
                LocalDate date = LocalDate.ofEpochDay(b.groupDate[g]);
                out.add(new OpenItem(first.customerId(), first.sourceId(), OpenItemType.UNAPPLIED_CASH, date, date,
                        money(-b.groupAmount[g], first.amount().currency())), moveCustomer[b.groupFirst[g]], b.groupDate[g]);
            }
        }
        for (int i = 0; i < invoices.length; i++) {
            if (b.exists[i] && b.open[i] != 0) {
                Invoice v = invoices[i];
                Money amount = b.open[i] == invoiceAmount[i] ? v.amount() : money(b.open[i], v.amount().currency());
                out.add(new OpenItem(v.customerId(), v.invoiceId(), OpenItemType.INVOICE, v.invoiceDate(), v.dueDate(), amount,
                        v.disputed()), invoiceCustomer[i], invoiceDate[i]);
            }
        }
    }

    /** Receives what is open at a date, one amount per open item, in minor units of its currency. */
    @FunctionalInterface
    public interface OpenAmounts {
        void open(Currency currency, long minor);
    }

    /**
     * The open amount of every item {@link #unordered} would give, without making the items
     * (totals of earlier month-ends need the amounts only).
     *
     * @return false, having given nothing, when this ledger is not held in minor units: use {@link #unordered}
     */
    public boolean forEachOpen(LocalDate asOf, OpenAmounts sink) {
        if (fallback) {
            return false;
        }
        Balances b = balances(asOf.toEpochDay());
        for (int k = 0; k < memos.length; k++) {
            if (b.memoOpen[k]) {
                sink.open(memoCurrency[k], -memoAmount[k]);
            }
        }
        for (int s = 0; s < b.groupsSeen; s++) {
            int g = b.groupOrder[s];
            if (b.groupAmount[g] != 0) {
                sink.open(moveCurrency[b.groupFirst[g]], -b.groupAmount[g]);
            }
        }
        for (int i = 0; i < invoices.length; i++) {
            if (b.exists[i] && b.open[i] != 0) {
                sink.open(invoiceCurrency[i], b.open[i]);
            }
        }
        return true;
    }

    /** Where every document and movement stands at a day: what is left of each invoice, and the unapplied cash groups. */
    private final class Balances {
        final long[] open = new long[invoices.length];
        final boolean[] exists = new boolean[invoices.length];
        /** Credit memos that reduce no invoice of the day: open credits of their own. */
        final boolean[] memoOpen = new boolean[memos.length];
        final long[] groupAmount = new long[groups];
        final int[] groupFirst = new int[groups];
        final long[] groupDate = new long[groups];
        /** The groups in the order first met. */
        final int[] groupOrder = new int[groups];
        int groupsSeen;
    }

    private Balances balances(long day) {
        Balances b = new Balances();
        for (int i = 0; i < invoices.length; i++) {
            if (invoiceDate[i] <= day) {
                b.exists[i] = true;
                b.open[i] = invoiceAmount[i];
            }
        }
        for (int k = 0; k < memos.length; k++) {
            if (memoDate[k] > day) {
                continue;
            }
            int t = memoTarget[k];
            if (t >= 0 && b.exists[t]) {
                b.open[t] -= memoAmount[k];
            } else {
                b.memoOpen[k] = true; // an open credit of its own
            }
        }
        // unapplied cash: one item per source, customer and currency
        Arrays.fill(b.groupFirst, -1);
        for (int k = 0; k < moves.length; k++) {
            if (moveDate[k] > day) {
                continue;
            }
            int t = moveTarget[k];
            if (t >= 0 && b.exists[t]) {
                b.open[t] -= moveAmount[k];
                continue;
            }
            int g = moveGroup[k];
            if (b.groupFirst[g] < 0) {
                b.groupFirst[g] = k;
                b.groupDate[g] = moveDate[k];
                b.groupOrder[b.groupsSeen++] = g;
            } else if (moveDate[k] < b.groupDate[g]) {
                b.groupDate[g] = moveDate[k];
            }
            b.groupAmount[g] += moveAmount[k];
        }
        return b;
    }

    /** Whether the amount is held at its currency's minor units (every real currency's is; no-currency amounts are not). */
    private static long minor(Money m) {
        return m.unscaledLong();
    }

    private static Money money(long minor, Currency currency) {
        return Money.of(BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()), currency);
    }
}
