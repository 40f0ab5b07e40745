package dev.o2c.domain.aging;

import dev.o2c.domain.money.FxRates;
import dev.o2c.domain.money.Money;
import dev.o2c.domain.openitems.OpenItem;
import dev.o2c.domain.openitems.OpenItemType;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
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

    private Aging(LocalDate asOf, AgingBuckets buckets, List<AgedItem> items, List<Money> bucketTotals,
                  Money totalOpen, Money unappliedCash, Money disputed, long disputedItems) {
        this.asOf = asOf;
        this.buckets = buckets;
        this.items = items;
        this.bucketTotals = bucketTotals;
        this.totalOpen = totalOpen;
        this.unappliedCash = unappliedCash;
        this.disputed = disputed;
        this.disputedItems = disputedItems;
    }

    /** Ages {@code items} (open as of {@code asOf}) into {@code buckets}. */
    public static Aging of(LocalDate asOf, List<OpenItem> items, AgingBuckets buckets, FxRates fx) {
        Money zero = fx.zero();
        List<Money> totals = new ArrayList<>(Collections.nCopies(buckets.size(), zero));
        Money total = zero;
        Money unapplied = zero;
        Money disputed = zero;
        long disputedItems = 0;
        List<AgedItem> aged = new ArrayList<>(items.size());
        FxRates.Converter at = fx.at(asOf);
        for (OpenItem item : items) {
            LocalDate from = buckets.basis() == AgingBasis.DUE_DATE ? item.dueDate() : item.documentDate();
            long age = ChronoUnit.DAYS.between(from, asOf);
            int bucket = buckets.indexOf(age);
            Money functional = at.toFunctional(item.open());
            aged.add(new AgedItem(item, age, bucket, buckets.labels().get(bucket), functional));
            totals.set(bucket, totals.get(bucket).plus(functional));
            total = total.plus(functional);
            if (item.type() == OpenItemType.UNAPPLIED_CASH) {
                unapplied = unapplied.plus(functional);
            }
            if (item.disputed()) {
                disputed = disputed.plus(functional);
                disputedItems++;
            }
        }
        return new Aging(asOf, buckets, List.copyOf(aged), List.copyOf(totals), total, unapplied, disputed, disputedItems);
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
