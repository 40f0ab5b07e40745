package dev.o2c.domain.cashapp;

import dev.o2c.domain.ar.Customer;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.ar.Receipt;
import dev.o2c.domain.collections.IdNumbers;
import dev.o2c.domain.collections.LongMultiIndex;
import dev.o2c.domain.collections.PackedSort;
import dev.o2c.domain.money.Money;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The invoices cash can go to, and what is still open on each while a run applies cash:
 * amounts in minor units (cents), in arrays indexed by invoice, so a million invoices cost
 * tens of megabytes. Open at the start is the invoice less the credit memos that name it
 * and the ERP receipts applied to it, in the invoice's currency (what the figures use).
 * Customers' items are kept oldest due first; parents see their subsidiaries' items.
 */
final class OpenBook {

    final List<Invoice> invoices = new ArrayList<>();
    /**
     * The customers, numbered in the order met: the master first, then any an invoice names. Packed: each invoice's
     * customer id is a string of its own, so a lookup by hash would hash it and read the master's id to compare (its
     * thread's CPU 0.82 to 0.91 s packed, 1.00 to 1.08 s hashed, in three alternating runs).
     */
    final IdNumbers customers = IdNumbers.packing(1 << 10);
    /**
     * Per invoice i, side by side: its open amount in minor units at 2i, its customer's number and its currency's at
     * 2i + 1. A decision reads all three for each invoice a remittance names; kept in three arrays they were three
     * memory stalls an invoice (a million invoices do not fit in a cache), side by side they are one.
     */
    private final long[] invoiceData;
    /** The invoices' currencies, numbered as first met (a handful). */
    private final List<Currency> currencies = new ArrayList<>();
    private final int[] itemStart;
    private final int[] items;
    /**
     * Open amount and currency of each item in {@link #items}' order, so a customer's items are
     * read from consecutive memory (a million invoices do not fit in a cache; going through the
     * invoice index for each of them cost a memory stall per item). Kept equal to {@link #open}
     * by {@link #apply}.
     */
    private final long[] itemOpen;
    /**
     * Numbers into {@link #currencies}, not the currencies themselves: filled in a random order, each reference
     * stored into this array marked a card of it for the collector's refinement threads (the collector's CPU 0.96 to
     * 1.39 s a run with references, 0.80 s with numbers).
     */
    private final int[] itemCurrency;
    private final int[] positionOf;
    private final int[][] children;
    /** {c} for each customer c without subsidiaries, made once. */
    private final int[][] singles;
    private final int[] parentOf;
    /** The open invoices by currency and open amount at the start (each key's newest due first: see {@link #openWithAmount}). */
    private final LongMultiIndex byAmount;

    /*
     * The constructor's loops each run a million times, and the JIT compiles a hot loop where it stands, with the rest
     * of its method around it: one loop a method, so each is compiled once and small (as one constructor it was
     * compiled a dozen times).
     */
    OpenBook(Collection<Customer> customers, Collection<Invoice> documents, Collection<Receipt> receipts) {
        for (Customer c : customers) {
            customer(c.customerId());
        }
        List<Invoice> memos = invoicesAndMemos(documents);
        invoiceData = invoiceData();
        lessMemosAndReceipts(memos, receipts);
        int customerCount = this.customers.size(); // the master and any customer only an invoice names
        parentOf = parents(customers, customerCount);
        children = children(parentOf);
        singles = singles(customerCount);
        // items per customer, oldest due first: the invoices sorted by due date, date and id
        // (packed into longs, ties on the dates put right by id), then counted out by customer
        int[] order = dueOrder();
        itemStart = itemStarts(customerCount);
        int n = invoices.size();
        items = new int[n];
        itemOpen = new long[n];
        itemCurrency = new int[n];
        positionOf = new int[n];
        byAmount = new LongMultiIndex(n);
        countOut(order);
    }

    /** The invoices into {@link #invoices}, in the order given; the credit memos returned. */
    private List<Invoice> invoicesAndMemos(Collection<Invoice> documents) {
        List<Invoice> memos = new ArrayList<>();
        for (Invoice d : documents) {
            if (d.isCreditMemo()) {
                memos.add(d);
            } else {
                invoices.add(d);
            }
        }
        return memos;
    }

    private static int[][] singles(int customerCount) {
        int[][] out = new int[customerCount][];
        for (int c = 0; c < customerCount; c++) {
            out[c] = new int[]{c};
        }
        return out;
    }

    /** Per invoice, its open amount (the invoice's) and its customer and currency numbers ({@link #invoiceData}). */
    private long[] invoiceData() {
        int n = invoices.size();
        long[] data = new long[2 * n];
        for (int i = 0; i < n; i++) {
            Invoice inv = invoices.get(i);
            data[2 * i] = minor(inv.amount());
            data[2 * i + 1] = ((long) customer(inv.customerId()) << 32) | currencyNumber(inv.amount().currency());
        }
        return data;
    }

    /** The open amounts less the credit memos and the ERP receipts that name their invoices. */
    private void lessMemosAndReceipts(List<Invoice> memos, Collection<Receipt> receipts) {
        // only the invoices the memos and receipts name are looked up: a map of a million
        // invoice numbers would be built for a few thousand lookups
        Map<String, Integer> named = new HashMap<>();
        for (Invoice memo : memos) {
            named.put(memo.originalInvoiceId(), null);
        }
        for (Receipt r : receipts) {
            for (Receipt.Allocation a : r.allocations()) {
                named.put(a.invoiceId(), null);
            }
        }
        named.remove(null);
        if (!named.isEmpty()) {
            for (int i = 0; i < invoices.size(); i++) {
                String id = invoices.get(i).invoiceId();
                if (named.containsKey(id)) {
                    named.put(id, i); // a number given twice: the last invoice of it, as a map of all would keep
                }
            }
        }
        for (Invoice memo : memos) {
            reduce(named, memo.originalInvoiceId(), memo.amount());
        }
        for (Receipt r : receipts) {
            for (Receipt.Allocation a : r.allocations()) {
                reduce(named, a.invoiceId(), a.amount());
            }
        }
    }

    /** Each customer's parent's number, or -1 (the master's first word on a customer counts). */
    private int[] parents(Collection<Customer> customers, int customerCount) {
        int[] parents = new int[customerCount];
        Arrays.fill(parents, -1);
        for (Customer c : customers) {
            int parent = this.customers.find(c.parentCustomerId());
            int self = this.customers.find(c.customerId());
            if (parent >= 0 && parent != self && parents[self] < 0) {
                parents[self] = parent;
            }
        }
        return parents;
    }

    /**
     * Each parent's subsidiaries in number order, filled by going through the numbers in order (a list and a stream
     * per customer cost a sixth of a second for a hundred thousand customers).
     */
    private static int[][] children(int[] parents) {
        int customerCount = parents.length;
        int[] kidCount = new int[customerCount];
        for (int parent : parents) {
            if (parent >= 0) {
                kidCount[parent]++;
            }
        }
        int[] none = new int[0];
        int[][] kids = new int[customerCount][];
        for (int c = 0; c < customerCount; c++) {
            kids[c] = kidCount[c] == 0 ? none : new int[kidCount[c]];
        }
        int[] filled = new int[customerCount];
        for (int self = 0; self < customerCount; self++) {
            int parent = parents[self];
            if (parent >= 0) {
                kids[parent][filled[parent]++] = self;
            }
        }
        return kids;
    }

    /** Where each customer's items start in {@link #items}, and at the end where the last one's end. */
    private int[] itemStarts(int customerCount) {
        int[] start = new int[customerCount + 1];
        for (int i = 0; i < invoices.size(); i++) {
            start[customerOf(i) + 1]++;
        }
        for (int c = 0; c < customerCount; c++) {
            start[c + 1] += start[c];
        }
        return start;
    }

    /**
     * The invoices counted out by customer from {@link #itemStart} into {@link #items}, each customer's in due order,
     * with each item's open amount and currency and each invoice's place among the items, and the open ones into
     * {@link #byAmount} in due order: one read of the invoice's data (a cache miss each) for all of them, where a pass
     * in item order and one for the amounts read it twice again.
     */
    private void countOut(int[] order) {
        int[] fill = Arrays.copyOf(itemStart, itemStart.length - 1);
        for (int i : order) {
            long data = invoiceData[2 * i + 1];
            long open = invoiceData[2 * i];
            int currency = (int) data;
            int k = fill[(int) (data >>> 32)]++;
            items[k] = i;
            itemOpen[k] = open;
            itemCurrency[k] = currency;
            positionOf[i] = k;
            if (open > 0) {
                byAmount.add(amountKey(currencies.get(currency), open), i);
            }
        }
    }

    private int[] dueOrder() {
        int n = invoices.size();
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            Invoice inv = invoices.get(i);
            // 17 bits a date (1791 to 2149), 29 bits the index (half a billion invoices)
            long due = inv.dueDate().toEpochDay() + (1L << 16);
            long date = inv.invoiceDate().toEpochDay() + (1L << 16);
            if (due < 0 || due >= (1L << 17) || date < 0 || date >= (1L << 17)) {
                return slowDueOrder();
            }
            packed[i] = (due << 46) | (date << 29) | i;
        }
        PackedSort.sort(packed, 29); // the index below the dates, ascending: ties stay in index order
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = (int) (packed[k] & ((1L << 29) - 1));
        }
        // ties on both dates go by invoice id; when the invoices come in id order (the store sorts
        // them) the index already is that order and the groups need no sorting of their own
        boolean idsAscending = true;
        for (int i = 1; i < n && idsAscending; i++) {
            idsAscending = invoices.get(i - 1).invoiceId().compareTo(invoices.get(i).invoiceId()) < 0;
        }
        for (int k = 0; k < n && !idsAscending; ) {
            int end = k + 1;
            while (end < n && (packed[end] >>> 29) == (packed[k] >>> 29)) {
                end++;
            }
            if (end - k > 1) {
                Integer[] group = new Integer[end - k];
                for (int g = 0; g < group.length; g++) {
                    group[g] = order[k + g];
                }
                Arrays.sort(group, Comparator.comparing(i -> invoices.get(i).invoiceId()));
                for (int g = 0; g < group.length; g++) {
                    order[k + g] = group[g];
                }
            }
            k = end;
        }
        return order;
    }

    /** The same order for dates the packed keys cannot hold. */
    private int[] slowDueOrder() {
        Integer[] order = new Integer[invoices.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer, java.time.LocalDate>comparing(i -> invoices.get(i).dueDate())
                .thenComparing(i -> invoices.get(i).invoiceDate()).thenComparing(i -> invoices.get(i).invoiceId()));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    private int customer(String id) {
        return customers.number(id);
    }

    private int currencyNumber(Currency currency) {
        int k = currencies.indexOf(currency);
        if (k < 0) {
            currencies.add(currency);
            k = currencies.size() - 1;
        }
        return k;
    }

    private void reduce(Map<String, Integer> named, String invoiceId, Money amount) {
        Integer i = invoiceId == null ? null : named.get(invoiceId);
        if (i != null && invoices.get(i).amount().isSameCurrency(amount)) {
            invoiceData[2 * i] -= minor(amount);
        }
    }

    static long minor(Money m) {
        return m.unscaledLong();
    }

    static Money money(long minor, Currency currency) {
        return Money.of(java.math.BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()), currency);
    }

    /** What is open on the invoice now, in minor units. */
    long open(int invoice) {
        return invoiceData[2 * invoice];
    }

    int customerOf(int invoice) {
        return (int) (invoiceData[2 * invoice + 1] >>> 32);
    }

    Currency currency(int invoice) {
        return currencies.get((int) invoiceData[2 * invoice + 1]);
    }

    String id(int invoice) {
        return invoices.get(invoice).invoiceId();
    }

    String customerId(int invoice) {
        return customers.id(customerOf(invoice));
    }

    void apply(int invoice, long minor) {
        invoiceData[2 * invoice] -= minor;
        itemOpen[positionOf[invoice]] -= minor;
    }

    /** The customer and its subsidiaries (a parent pays for them), the customer first. */
    int[] group(int customer) {
        int[] kids = children[customer];
        if (kids.length == 0) {
            return singles[customer];
        }
        int[] g = new int[kids.length + 1];
        g[0] = customer;
        System.arraycopy(kids, 0, g, 1, kids.length);
        return g;
    }

    /** Whether the two are the same customer, or one is the other's parent. */
    boolean related(int a, int b) {
        return a == b || parentOf[a] == b || parentOf[b] == a;
    }

    /**
     * The group's items still open in the currency, oldest due first within each customer, the
     * customer's own first, into {@code out} and their open amounts into {@code amounts} as far
     * as they hold (both the same length); returns how many there are (more than
     * {@code out.length} means: call again with bigger arrays).
     */
    int openItems(int customer, Currency currency, int[] out, long[] amounts) {
        int wanted = currencies.indexOf(currency);
        if (wanted < 0) {
            return 0; // no invoice is in that currency
        }
        int n = 0;
        for (int c : group(customer)) {
            for (int k = itemStart[c]; k < itemStart[c + 1]; k++) {
                if (itemOpen[k] > 0 && itemCurrency[k] == wanted) {
                    if (n < out.length) {
                        out[n] = items[k];
                        amounts[n] = itemOpen[k];
                    }
                    n++;
                }
            }
        }
        return n;
    }

    /** Invoices of any customer whose open amount is exactly this, oldest due first (open amounts as they are now). */
    List<Integer> openWithAmount(Currency currency, long minor) {
        List<Integer> out = new ArrayList<>();
        for (int e = byAmount.first(amountKey(currency, minor)); e != LongMultiIndex.NONE; e = byAmount.nextEntry(e)) {
            int i = byAmount.value(e);
            if (open(i) == minor && currency(i) == currency) {
                out.add(i);
            }
        }
        Collections.reverse(out); // the index gives a key's values newest first, and they were added oldest due first
        return out;
    }

    private static long amountKey(Currency currency, long minor) {
        return minor * 1_000 + currency.getNumericCode();
    }
}
