package dev.o2c.domain.aging;

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
        // sums as decimals in the functional currency's scale, made Money once at the end
        BigDecimal[] totals = new BigDecimal[buckets.size()];
        Arrays.fill(totals, BigDecimal.ZERO);
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal unapplied = BigDecimal.ZERO;
        BigDecimal disputed = BigDecimal.ZERO;
        BigDecimal notYetDue = BigDecimal.ZERO;
        long disputedItems = 0;
        List<AgedItem> aged = new ArrayList<>(items.size());
        FxRates.Converter at = fx.at(asOf);
        long day = asOf.toEpochDay();
        boolean dueBasis = buckets.basis() == AgingBasis.DUE_DATE;
        for (OpenItem item : items) {
            long due = item.dueDate().toEpochDay();
            long age = day - (dueBasis ? due : item.documentDate().toEpochDay());
            int bucket = buckets.indexOf(age);
            Money functional = at.toFunctional(item.open());
            BigDecimal f = functional.amount();
            aged.add(new AgedItem(item, age, bucket, buckets.labels().get(bucket), functional));
            totals[bucket] = totals[bucket].add(f);
            total = total.add(f);
            if (due >= day) {
                notYetDue = notYetDue.add(f);
            }
            if (item.type() == OpenItemType.UNAPPLIED_CASH) {
                unapplied = unapplied.add(f);
            }
            if (item.disputed()) {
                disputed = disputed.add(f);
                disputedItems++;
            }
        }
        Currency fc = fx.functional();
        List<Money> bucketTotals = new ArrayList<>(totals.length);
        for (BigDecimal t : totals) {
            bucketTotals.add(money(t, fc));
        }
        return new Aging(asOf, buckets, Collections.unmodifiableList(aged), List.copyOf(bucketTotals), money(total, fc),
                money(unapplied, fc), money(disputed, fc), disputedItems, money(notYetDue, fc));
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
