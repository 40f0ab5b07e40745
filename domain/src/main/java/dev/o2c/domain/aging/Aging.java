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
import java.util.List;
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

    private Aging(LocalDate asOf, AgingBuckets buckets, List<AgedItem> items, List<Money> bucketTotals,
                  Money totalOpen, Money unappliedCash, Money disputed, long disputedItems, Money notYetDue) {
        this.asOf = asOf;
        this.buckets = buckets;
        this.items = items;
        this.bucketTotals = bucketTotals;
        this.totalOpen = totalOpen;
        this.unappliedCash = unappliedCash;
        this.disputed = disputed;
        this.disputedItems = disputedItems;
        this.notYetDue = notYetDue;
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
        Part whole;
        if (!inTwo || items.size() < SPLIT_FROM) {
            whole = Part.of(asOf, items, buckets, fx);
        } else {
            int half = items.size() / 2;
            Future<Part> second = HelperThread.start("o2c-aging", () -> Part.of(asOf, items.subList(half, items.size()), buckets, fx));
            whole = Part.of(asOf, items.subList(0, half), buckets, fx).then(Futures.await(second));
        }
        Currency fc = fx.functional();
        List<Money> bucketTotals = new ArrayList<>(whole.totals.length);
        for (BigDecimal t : whole.totals) {
            bucketTotals.add(money(t, fc));
        }
        return new Aging(asOf, buckets, Collections.unmodifiableList(whole.aged), List.copyOf(bucketTotals), money(whole.total, fc),
                money(whole.unapplied, fc), money(whole.disputed, fc), whole.disputedItems, money(whole.notYetDue, fc));
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

        private Part(int buckets, int items) {
            totals = new BigDecimal[buckets];
            Arrays.fill(totals, BigDecimal.ZERO);
            aged = new ArrayList<>(items);
        }

        static Part of(LocalDate asOf, List<OpenItem> items, AgingBuckets buckets, FxRates fx) {
            Part p = new Part(buckets.size(), items.size());
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
                }
            }
            return p;
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
