package dev.o2c.domain.figures;

import dev.o2c.domain.aging.AgedItem;
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

    private static final Comparator<Item> PRESSING_FIRST = Comparator.comparing(Item::score).reversed()
            .thenComparing(Comparator.comparingLong(Item::daysPastDue).reversed())
            .thenComparing(Item::customerId).thenComparing(Item::documentId);

    /** The worklist as of {@code asOf}: invoices with a positive open amount past their due date. */
    public static List<Item> of(Iterable<AgedItem> items, LocalDate asOf, FigureRules rules) {
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
        overdue.sort(PRESSING_FIRST);
        List<Item> ranked = new ArrayList<>(overdue.size());
        for (int i = 0; i < overdue.size(); i++) {
            Item it = overdue.get(i);
            ranked.add(new Item(i + 1, it.customerId(), it.documentId(), it.dueDate(), it.daysPastDue(), it.open(),
                    it.functional(), it.score(), it.dunningLevel()));
        }
        return ranked;
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
