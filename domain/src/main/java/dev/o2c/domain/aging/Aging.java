package dev.o2c.domain.aging;

import dev.o2c.domain.concurrent.Futures;
import dev.o2c.domain.concurrent.HelperThread;
import dev.o2c.domain.money.FxRates;
import dev.o2c.domain.money.Money;
import dev.o2c.domain.openitems.OpenItem;
import dev.o2c.domain.openitems.OpenItemType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * An AR aging as of a date: every open item in its bucket, the totals per bucket
 * (per customer: {@link CustomerAging}), all in the functional currency. Each item is converted once,
 * at the as-of rate, and every total is a sum of those converted amounts, so the
 * buckets always add up to the total open.
 */
public final class Aging {

    private final LocalDate asOf;
    private final AgingBuckets buckets;
    private final List<AgedItem> items;
    private final List<Money> bucketTotals;
    private final Money totalOpen;
    private final Money unappliedCash;
    private final Money disputed;
    private final long disputedItems;
    private final Money notYetDue;
    private final PastDue pastDue;
    private final List<OpenItem> overpaidInvoices;
    private final Map<String, Money> openByCustomer;

    private Aging(LocalDate asOf, AgingBuckets buckets, List<AgedItem> items, List<Money> bucketTotals,
                  Money totalOpen, Money unappliedCash, Money disputed, long disputedItems, Money notYetDue,
                  PastDue pastDue, List<OpenItem> overpaidInvoices, Map<String, Money> openByCustomer) {
        this.asOf = asOf;
        this.buckets = buckets;
        this.items = items;
        this.bucketTotals = bucketTotals;
        this.totalOpen = totalOpen;
        this.unappliedCash = unappliedCash;
        this.disputed = disputed;
        this.disputedItems = disputedItems;
        this.notYetDue = notYetDue;
        this.pastDue = pastDue;
        this.overpaidInvoices = overpaidInvoices;
        this.openByCustomer = openByCustomer;
    }

    /**
     * Undisputed invoices with a positive open amount past their due date (counted from the due date whatever the
     * buckets' basis): what a collector works through. They are counted and summed in the functional currency by level:
     * an item's level is how many of the {@code levelDays} its days past due reach (a worklist's dunning levels).
     *
     * @param counts items per level, 0 to the number of level days
     * @param amounts their functional open amounts per level
     */
    public record PastDue(List<Integer> levelDays, List<Long> counts, List<Money> amounts) {
    }

    /** Ages {@code items} (open as of {@code asOf}) into {@code buckets}. */
    public static Aging of(LocalDate asOf, List<OpenItem> items, AgingBuckets buckets, FxRates fx) {
        return of(asOf, items, buckets, fx, false);
    }

    /** Below this many items the aging is done on one thread: a second one would cost more than it saves. */
    private static final int SPLIT_FROM = 50_000;

    /**
     * As {@link #of(LocalDate, List, AgingBuckets, FxRates)}; {@code inTwo}: the second half of a large list aged on a
     * thread of its own meanwhile (not behind a helper's queue: the aging is on the figures' critical path). Sums of
     * exact decimals do not depend on their order, and the halves are joined in order, so the result is the same.
     */
    public static Aging of(LocalDate asOf, List<OpenItem> items, AgingBuckets buckets, FxRates fx, boolean inTwo) {
        return of(asOf, items, buckets, fx, inTwo, List.of());
    }

    /**
     * As {@link #of(LocalDate, List, AgingBuckets, FxRates, boolean)}, with the past-due items by the levels these days
     * past due reach ({@link #pastDue()}). What the figures read besides the buckets (past due, overpaid invoices, open by
     * customer) is summed in the same pass: a million items are then read from memory once, not once a figure.
     */
    public static Aging of(LocalDate asOf, List<OpenItem> items, AgingBuckets buckets, FxRates fx, boolean inTwo,
                           List<Integer> pastDueLevelDays) {
        int[] levelDays = pastDueLevelDays.stream().mapToInt(Integer::intValue).toArray();
        Part whole;
        if (!inTwo || items.size() < SPLIT_FROM) {
            whole = Part.of(asOf, items, buckets, fx, levelDays);
        } else {
            int half = items.size() / 2;
            Future<Part> second = HelperThread.start("o2c-aging",
                    () -> Part.of(asOf, items.subList(half, items.size()), buckets, fx, levelDays));
            whole = Part.of(asOf, items.subList(0, half), buckets, fx, levelDays).then(Futures.await(second));
        }
        Currency fc = fx.functional();
        List<Money> bucketTotals = new ArrayList<>(whole.totals.length);
        for (BigDecimal t : whole.totals) {
            bucketTotals.add(money(t, fc));
        }
        List<Money> pastDueAmounts = new ArrayList<>(whole.pastDueAmounts.length);
        for (BigDecimal a : whole.pastDueAmounts) {
            pastDueAmounts.add(money(a, fc));
        }
        PastDue pastDue = new PastDue(List.copyOf(pastDueLevelDays), Arrays.stream(whole.pastDueCounts).boxed().toList(),
                List.copyOf(pastDueAmounts));
        Map<String, Money> openByCustomer = new HashMap<>(whole.openByCustomer.size() * 2);
        whole.openByCustomer.forEach((id, sum) -> openByCustomer.put(id, money(sum, fc)));
        return new Aging(asOf, buckets, Collections.unmodifiableList(whole.aged), List.copyOf(bucketTotals), money(whole.total, fc),
                money(whole.unapplied, fc), money(whole.disputed, fc), whole.disputedItems, money(whole.notYetDue, fc),
                pastDue, List.copyOf(whole.overpaid), Collections.unmodifiableMap(openByCustomer));
    }

    /** The aged items of a run of the list and their sums, as decimals in the functional currency's scale. */
    private static final class Part {
        final BigDecimal[] totals;
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal unapplied = BigDecimal.ZERO;
        BigDecimal disputed = BigDecimal.ZERO;
        BigDecimal notYetDue = BigDecimal.ZERO;
        long disputedItems;
        final List<AgedItem> aged;
        final long[] pastDueCounts;
        final BigDecimal[] pastDueAmounts;
        final List<OpenItem> overpaid = new ArrayList<>();
        final Map<String, BigDecimal> openByCustomer = new HashMap<>();

        private Part(int buckets, int items, int levels) {
            totals = new BigDecimal[buckets];
            Arrays.fill(totals, BigDecimal.ZERO);
            aged = new ArrayList<>(items);
            pastDueCounts = new long[levels];
            pastDueAmounts = new BigDecimal[levels];
            Arrays.fill(pastDueAmounts, BigDecimal.ZERO);
        }

        static Part of(LocalDate asOf, List<OpenItem> items, AgingBuckets buckets, FxRates fx, int[] levelDays) {
            Part p = new Part(buckets.size(), items.size(), levelDays.length + 1);
            // a customer's items usually come together (the published order): summed run by run, looked up once a run
            String customer = null;
            BigDecimal run = BigDecimal.ZERO;
            FxRates.Converter at = fx.at(asOf);
            long day = asOf.toEpochDay();
            boolean dueBasis = buckets.basis() == AgingBasis.DUE_DATE;
            for (OpenItem item : items) {
                long due = item.dueDate().toEpochDay();
                long age = day - (dueBasis ? due : item.documentDate().toEpochDay());
                int bucket = buckets.indexOf(age);
                Money functional = at.toFunctional(item.open());
                BigDecimal f = functional.amount();
                p.aged.add(new AgedItem(item, age, bucket, buckets.labels().get(bucket), functional));
                p.totals[bucket] = p.totals[bucket].add(f);
                p.total = p.total.add(f);
                if (due >= day) {
                    p.notYetDue = p.notYetDue.add(f);
                }
                if (item.type() == OpenItemType.UNAPPLIED_CASH) {
                    p.unapplied = p.unapplied.add(f);
                }
                if (item.disputed()) {
                    p.disputed = p.disputed.add(f);
                    p.disputedItems++;
                } else if (item.type() == OpenItemType.INVOICE && due < day && item.open().isPositive()) {
                    int level = level(day - due, levelDays);
                    p.pastDueCounts[level]++;
                    p.pastDueAmounts[level] = p.pastDueAmounts[level].add(f);
                }
                if (item.type() == OpenItemType.INVOICE && item.open().isNegative()) {
                    p.overpaid.add(item);
                }
                if (!item.customerId().equals(customer)) {
                    if (customer != null) {
                        p.openByCustomer.merge(customer, run, BigDecimal::add);
                    }
                    customer = item.customerId();
                    run = BigDecimal.ZERO;
                }
                run = run.add(f);
            }
            if (customer != null) {
                p.openByCustomer.merge(customer, run, BigDecimal::add);
            }
            return p;
        }

        /** How many of the level days {@code daysPastDue} reaches. */
        private static int level(long daysPastDue, int[] levelDays) {
            int level = 0;
            for (int d : levelDays) {
                if (daysPastDue >= d) {
                    level++;
                }
            }
            return level;
        }

        /** This part followed by {@code next}: the items in order, the sums added. */
        Part then(Part next) {
            for (int b = 0; b < totals.length; b++) {
                totals[b] = totals[b].add(next.totals[b]);
            }
            total = total.add(next.total);
            unapplied = unapplied.add(next.unapplied);
            disputed = disputed.add(next.disputed);
            notYetDue = notYetDue.add(next.notYetDue);
            disputedItems += next.disputedItems;
            aged.addAll(next.aged);
            for (int l = 0; l < pastDueCounts.length; l++) {
                pastDueCounts[l] += next.pastDueCounts[l];
                pastDueAmounts[l] = pastDueAmounts[l].add(next.pastDueAmounts[l]);
            }
            overpaid.addAll(next.overpaid);
            next.openByCustomer.forEach((id, sum) -> openByCustomer.merge(id, sum, BigDecimal::add));
            return this;
        }
    }

    /** The total open of {@code items} as of a date, each converted at that date's rate: {@link #totalOpen()} without the rest. */
    public static Money totalOpen(LocalDate asOf, List<OpenItem> items, FxRates fx) {
        FxRates.Converter at = fx.at(asOf);
        Money total = fx.zero();
        for (OpenItem item : items) {
            total = total.plus(at.toFunctional(item.open()));
        }
        return total;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public AgingBuckets buckets() {
        return buckets;
    }

    public List<AgedItem> items() {
        return items;
    }

    public List<Money> bucketTotals() {
        return bucketTotals;
    }

    public Money totalOpen() {
        return totalOpen;
    }

    /** Unapplied (on-account) cash, a negative subtotal included in the buckets. */
    public Money unappliedCash() {
        return unappliedCash;
    }

    /** AR not yet due (due date on or after as-of), whatever basis the buckets use: current AR for DSO and CEI. */
    public Money notYetDue() {
        return notYetDue;
    }

    /** A sum at the functional currency's scale (a sum of no item is 0 at that scale). */
    private static Money money(BigDecimal sum, Currency functional) {
        return Money.of(sum, functional);
    }

    /** Disputed items, a subtotal included in the buckets (each stays in its natural bucket). */
    public Money disputed() {
        return disputed;
    }

    public long disputedItems() {
        return disputedItems;
    }

    /** The past-due items by level; levels are those the aging was made with (none: every item at level 0). */
    public PastDue pastDue() {
        return pastDue;
    }

    /** Invoices that credits and cash took below zero, in the items' order. */
    public List<OpenItem> overpaidInvoices() {
        return overpaidInvoices;
    }

    /** Each customer's open amount in the functional currency (customers with items only). */
    public Map<String, Money> openByCustomer() {
        return openByCustomer;
    }

    /** Not yet due (the first bucket on the due-date basis). */
    public Money current() {
        return bucketTotals.get(0);
    }

    public Money sumOfBuckets() {
        Money sum = totalOpen.minus(totalOpen);
        for (Money m : bucketTotals) {
            sum = sum.plus(m);
        }
        return sum;
    }
}
