package dev.o2c.domain.openitems;

import dev.o2c.domain.ar.Invoice;
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
    private Map<String, Integer> position;
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

    public OpenItemsIndex(Collection<Invoice> documents, Collection<CashMovement> cash) {
        this.documents = documents;
        this.cash = cash;
        this.fallback = !index();
    }

    /** Builds the arrays; false when the ledger needs the plain path. */
    private boolean index() {
        List<Invoice> inv = new ArrayList<>();
        List<Invoice> cms = new ArrayList<>();
        boolean plain = false; // true: this ledger takes the plain path (its map of invoices is still kept)
        for (Invoice d : documents) {
            plain |= !minorUnits(d.amount());
            (d.isCreditMemo() ? cms : inv).add(d);
        }
        position = new HashMap<>(inv.size() * 2);
        invoices = inv.toArray(Invoice[]::new);
        for (int i = 0; i < invoices.length; i++) {
            // which of two equal ids counts depends on the date: the plain path decides
            plain |= position.put(invoices[i].invoiceId(), i) != null;
        }
        if (plain) {
            return false;
        }
        invoiceAmount = new long[invoices.length];
        invoiceDate = new long[invoices.length];
        invoiceCurrency = new Currency[invoices.length];
        for (int i = 0; i < invoices.length; i++) {
            invoiceAmount[i] = minor(invoices[i].amount());
            invoiceCurrency[i] = invoices[i].amount().currency();
            invoiceDate[i] = invoices[i].invoiceDate().toEpochDay();
        }
        memos = cms.toArray(Invoice[]::new);
        memoTarget = new int[memos.length];
        memoAmount = new long[memos.length];
        memoDate = new long[memos.length];
        memoCurrency = new Currency[memos.length];
        for (int k = 0; k < memos.length; k++) {
            Invoice m = memos[k];
            Integer target = m.originalInvoiceId() == null ? null : position.get(m.originalInvoiceId());
            memoTarget[k] = target != null && invoices[target].amount().isSameCurrency(m.amount()) ? target : -1;
            memoAmount[k] = minor(m.amount());
            memoDate[k] = m.invoiceDate().toEpochDay();
            memoCurrency[k] = m.amount().currency();
        }
        moves = cash.toArray(CashMovement[]::new);
        moveTarget = new int[moves.length];
        moveAmount = new long[moves.length];
        moveDate = new long[moves.length];
        moveGroup = new int[moves.length];
        moveCurrency = new Currency[moves.length];
        Map<String, Integer> groupOf = new HashMap<>();
        for (int k = 0; k < moves.length; k++) {
            CashMovement c = moves[k];
            if (!minorUnits(c.amount())) {
                return false;
            }
            Integer target = c.invoiceId() == null ? null : position.get(c.invoiceId());
            moveTarget[k] = target != null && invoices[target].amount().isSameCurrency(c.amount()) ? target : -1;
            moveAmount[k] = minor(c.amount());
            moveDate[k] = c.date().toEpochDay();
            moveCurrency[k] = c.amount().currency();
            String key = c.sourceId() + '\u0000' + c.customerId() + '\u0000' + c.amount().currencyCode();
            Integer g = groupOf.putIfAbsent(key, groupOf.size());
            moveGroup[k] = g == null ? groupOf.size() - 1 : g;
        }
        groups = groupOf.size();
        return true;
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
        return inPublishedOrder(unordered(asOf));
    }

    /**
     * {@link OpenItem#PUBLISHED_ORDER}, stable, on packed keys: the customer's rank among the
     * customers, the date and the position, one long per item (comparing a million items by
     * their strings cost seconds in memory stalls); items equal on customer and date are then
     * put in order by the full comparator. Falls back to the comparator where the keys do not fit.
     */
    static List<OpenItem> inPublishedOrder(List<OpenItem> items) {
        int n = items.size();
        String[] customers = items.stream().map(OpenItem::customerId).distinct().sorted().toArray(String[]::new);
        long minDay = Long.MAX_VALUE;
        long maxDay = Long.MIN_VALUE;
        for (OpenItem i : items) {
            minDay = Math.min(minDay, i.documentDate().toEpochDay());
            maxDay = Math.max(maxDay, i.documentDate().toEpochDay());
        }
        if (n >= (1 << 22) || customers.length >= (1 << 23) || n > 0 && maxDay - minDay >= (1 << 17)) {
            OpenItem[] sorted = items.toArray(OpenItem[]::new);
            Arrays.parallelSort(sorted, OpenItem.PUBLISHED_ORDER);
            return Arrays.asList(sorted);
        }
        Map<String, Integer> rank = new HashMap<>(customers.length * 2);
        for (int r = 0; r < customers.length; r++) {
            rank.put(customers[r], r);
        }
        long[] keys = new long[n];
        for (int k = 0; k < n; k++) {
            OpenItem i = items.get(k);
            keys[k] = ((long) rank.get(i.customerId()) << 39) | ((i.documentDate().toEpochDay() - minDay) << 22) | k;
        }
        Arrays.parallelSort(keys);
        OpenItem[] sorted = new OpenItem[n];
        for (int k = 0; k < n; k++) {
            sorted[k] = items.get((int) (keys[k] & ((1 << 22) - 1)));
        }
        // equal customer and date: the document id and type decide (the positions kept them stable)
        for (int k = 0; k < n; ) {
            int end = k + 1;
            while (end < n && (keys[end] >>> 22) == (keys[k] >>> 22)) {
                end++;
            }
            if (end - k > 1) {
                Arrays.sort(sorted, k, end, OpenItem.PUBLISHED_ORDER);
            }
            k = end;
        }
        return Arrays.asList(sorted);
    }

    /** {@link OpenItems#unordered}: the same items, in no particular order (for totals). */
    public List<OpenItem> unordered(LocalDate asOf) {
        if (fallback) {
            return OpenItems.unordered(asOf, documents, cash);
        }
        Balances b = balances(asOf.toEpochDay());
        List<OpenItem> items = new ArrayList<>();
        for (int k = 0; k < memos.length; k++) {
            if (b.memoOpen[k]) {
                Invoice m = memos[k];
                items.add(new OpenItem(m.customerId(), m.invoiceId(), OpenItemType.CREDIT_MEMO, m.invoiceDate(), m.invoiceDate(),
                        m.amount().negate(), m.disputed()));
            }
        }
        for (int s = 0; s < b.groupsSeen; s++) {
            int g = b.groupOrder[s];
            if (b.groupAmount[g] != 0) {
                CashMovement first = moves[b.groupFirst[g]];
                LocalDate date = LocalDate.ofEpochDay(b.groupDate[g]);
                items.add(new OpenItem(first.customerId(), first.sourceId(), OpenItemType.UNAPPLIED_CASH, date, date,
                        money(-b.groupAmount[g], first.amount().currency())));
            }
        }
        for (int i = 0; i < invoices.length; i++) {
            if (b.exists[i] && b.open[i] != 0) {
                Invoice v = invoices[i];
                Money amount = b.open[i] == invoiceAmount[i] ? v.amount() : money(b.open[i], v.amount().currency());
                items.add(new OpenItem(v.customerId(), v.invoiceId(), OpenItemType.INVOICE, v.invoiceDate(), v.dueDate(), amount,
                        v.disputed()));
            }
        }
        return items;
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
    private static boolean minorUnits(Money m) {
        return !m.hasNoCurrency() && m.amount().scale() == m.currency().getDefaultFractionDigits()
                && m.amount().precision() <= 18;
    }

    private static long minor(Money m) {
        return m.amount().unscaledValue().longValueExact();
    }

    private static Money money(long minor, Currency currency) {
        return Money.of(BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()), currency);
    }
}
