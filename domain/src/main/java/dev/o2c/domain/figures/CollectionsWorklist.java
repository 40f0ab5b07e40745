package dev.o2c.domain.figures;

import dev.o2c.domain.aging.AgedItem;
import dev.o2c.domain.aging.Aging;
import dev.o2c.domain.money.Money;
import dev.o2c.domain.openitems.OpenItemType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The overdue invoices a collector works through (disputed ones go to whoever settles the
 * dispute, not to dunning, so they are left out), the most pressing first: ranked by
 * functional open amount times days past due (a large amount long overdue comes first),
 * then by days past due, customer and document. Days past due are counted from the due
 * date whatever basis the aging report uses; each item gets the dunning level its days
 * past due reach ({@link FigureRules#dunningLevel}).
 */
public final class CollectionsWorklist {

    private CollectionsWorklist() {
    }

    /**
     * @param rank 1 for the most pressing
     * @param score functional open amount x days past due, exact
     */
    public record Item(int rank, String customerId, String documentId, LocalDate dueDate, long daysPastDue, Money open,
                       Money functional, BigDecimal score, int dunningLevel) {
    }

    /** Items at one dunning level, together. */
    public record Level(int level, long items, Money amount) {
    }

    /** Highest score, then most days past due, then customer and document: a total order. */
    private static final Comparator<Item> PRESSING_FIRST = (a, b) -> {
        int c = b.score().compareTo(a.score());
        if (c == 0) {
            c = Long.compare(b.daysPastDue(), a.daysPastDue());
        }
        if (c == 0) {
            c = a.customerId().compareTo(b.customerId());
        }
        return c != 0 ? c : a.documentId().compareTo(b.documentId());
    };

    /**
     * The worklist's count, amount and levels without ranking it (what kpis.json states), from the aging's past-due
     * items, which it summed by {@link FigureRules#dunningDays()} ({@link Aging#of(LocalDate, List,
     * dev.o2c.domain.aging.AgingBuckets, dev.o2c.domain.money.FxRates, boolean, List)}): the same items as {@link #of}.
     */
    public static MonthEndFigures.CollectionsFigures summary(Aging.PastDue pastDue, FigureRules rules, Money zero) {
        if (!pastDue.levelDays().equals(rules.dunningDays())) {
            throw new IllegalArgumentException("the aging was summed by " + pastDue.levelDays() + " days past due, the rules' levels are "
                    + rules.dunningDays());
        }
        BigDecimal total = BigDecimal.ZERO;
        long count = 0;
        List<Level> byLevel = new ArrayList<>();
        for (int l = 0; l < pastDue.counts().size(); l++) {
            long items = pastDue.counts().get(l);
            Money amount = pastDue.amounts().get(l);
            count += items;
            total = total.add(amount.amount());
            if (l > 0 || rules.dunningDays().get(0) > 1) {
                byLevel.add(new Level(l, items, Money.of(amount.amount(), zero.currency())));
            }
        }
        return new MonthEndFigures.CollectionsFigures(count, Money.of(total, zero.currency()), byLevel);
    }

    /** The worklist as of {@code asOf}: invoices with a positive open amount past their due date. */
    public static List<Item> of(Iterable<AgedItem> items, LocalDate asOf, FigureRules rules) {
        Item[] sorted = overdue(items, asOf, rules).toArray(Item[]::new);
        java.util.Arrays.parallelSort(sorted, PRESSING_FIRST); // a total order: the same result on any number of threads
        List<Item> ranked = new ArrayList<>(sorted.length);
        for (int i = 0; i < sorted.length; i++) {
            Item it = sorted[i];
            ranked.add(new Item(i + 1, it.customerId(), it.documentId(), it.dueDate(), it.daysPastDue(), it.open(),
                    it.functional(), it.score(), it.dunningLevel()));
        }
        return ranked;
    }

    private static List<Item> overdue(Iterable<AgedItem> items, LocalDate asOf, FigureRules rules) {
        List<Item> overdue = new ArrayList<>();
        for (AgedItem a : items) {
            if (a.item().type() != OpenItemType.INVOICE || !a.item().open().isPositive() || a.item().disputed()) {
                continue;
            }
            long dpd = ChronoUnit.DAYS.between(a.item().dueDate(), asOf);
            if (dpd <= 0) {
                continue;
            }
            overdue.add(new Item(0, a.item().customerId(), a.item().documentId(), a.item().dueDate(), dpd, a.item().open(),
                    a.functional(), a.functional().amount().multiply(BigDecimal.valueOf(dpd)), rules.dunningLevel(dpd)));
        }
        return overdue;
    }

    /**
     * Count and functional amount per dunning level, lowest first, levels with no item
     * included; level 0 (overdue, not yet dunned) only when the first level starts after day 1.
     */
    public static List<Level> byLevel(List<Item> worklist, FigureRules rules, Money zero) {
        int levels = rules.dunningDays().size();
        long[] counts = new long[levels + 1];
        Money[] amounts = new Money[levels + 1];
        java.util.Arrays.fill(amounts, zero);
        for (Item it : worklist) {
            counts[it.dunningLevel()]++;
            amounts[it.dunningLevel()] = amounts[it.dunningLevel()].plus(it.functional());
        }
        List<Level> out = new ArrayList<>();
        for (int l = rules.dunningDays().get(0) > 1 ? 0 : 1; l <= levels; l++) {
            out.add(new Level(l, counts[l], amounts[l]));
        }
        return out;
    }
}
