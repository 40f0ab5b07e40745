package dev.o2c.domain.aging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.money.FxRates;
import dev.o2c.domain.money.Money;
import dev.o2c.domain.openitems.OpenItem;
import dev.o2c.domain.openitems.OpenItemType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The aging of a large list in two halves, one on a thread of its own, is the aging on one thread, item for item. */
class AgingInTwoTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 10, 31);

    /** USD the functional currency, one EUR rate before {@link #AS_OF}. */
    static FxRates usdWithEur() {
        return new FxRates(Money.currency("USD")).put(AS_OF.minusDays(40), Money.currency("EUR"), new BigDecimal("1.0831"));
    }

    @Test
    void halvesJoinedAreTheWhole() {
        Random random = new Random(42);
        LocalDate asOf = AS_OF;
        FxRates fx = usdWithEur();
        List<OpenItem> items = new ArrayList<>();
        for (int i = 0; i < 120_001; i++) {
            LocalDate date = asOf.minusDays(random.nextInt(400));
            String currency = random.nextInt(4) == 0 ? "EUR" : "USD";
            OpenItemType type = random.nextInt(20) == 0 ? OpenItemType.UNAPPLIED_CASH : OpenItemType.INVOICE;
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(5_000_000) + 1, 2);
            items.add(new OpenItem("C" + random.nextInt(5000), "D" + i, type, date, date.plusDays(30),
                    Money.of(type == OpenItemType.UNAPPLIED_CASH ? amount.negate() : amount, Money.currency(currency)),
                    random.nextInt(50) == 0));
        }
        // some invoices overpaid (below zero); the customers come in no order, so their runs are merged
        for (int i = 0; i < 300; i++) {
            OpenItem o = items.get(random.nextInt(items.size()));
            if (o.type() == OpenItemType.INVOICE) {
                items.set(items.indexOf(o), new OpenItem(o.customerId(), o.documentId(), o.type(), o.documentDate(), o.dueDate(),
                        o.open().negate(), o.disputed()));
            }
        }
        List<Integer> levels = List.of(1, 15, 30, 60);
        Aging one = Aging.of(asOf, items, AgingBuckets.DEFAULT, fx, false, levels);
        Aging two = Aging.of(asOf, items, AgingBuckets.DEFAULT, fx, true, levels);
        assertThat(two.items()).isEqualTo(one.items());
        assertThat(two.bucketTotals()).isEqualTo(one.bucketTotals());
        assertThat(two.totalOpen()).isEqualTo(one.totalOpen()).isEqualTo(two.sumOfBuckets());
        assertThat(two.unappliedCash()).isEqualTo(one.unappliedCash());
        assertThat(two.disputed()).isEqualTo(one.disputed());
        assertThat(two.disputedItems()).isEqualTo(one.disputedItems()).isPositive();
        assertThat(two.notYetDue()).isEqualTo(one.notYetDue());
        assertThat(one.unappliedCash().isNegative()).isTrue();
        assertThat(two.pastDue()).isEqualTo(one.pastDue());
        assertThat(two.overpaidInvoices()).isEqualTo(one.overpaidInvoices()).isNotEmpty();
        assertThat(two.openByCustomer()).isEqualTo(one.openByCustomer());
    }

    /** What the pass sums besides the buckets, against the same worked out item by item from the aged items. */
    @Test
    void pastDueOverpaidAndCustomersAreTheItemsSums() {
        Random random = new Random(7);
        LocalDate asOf = AS_OF;
        FxRates fx = usdWithEur();
        List<OpenItem> items = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            LocalDate date = asOf.minusDays(random.nextInt(200) - 40); // some dated after as-of: not yet due
            OpenItemType type = OpenItemType.values()[random.nextInt(OpenItemType.values().length)];
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(2_000_000) - 200_000, 2); // some below zero, some zero
            items.add(new OpenItem("C" + (i / 7 + random.nextInt(2)), "D" + i, type, date, date.plusDays(30),
                    Money.of(amount, Money.currency(random.nextInt(3) == 0 ? "EUR" : "USD")), random.nextInt(30) == 0));
        }
        List<Integer> levels = List.of(1, 15, 30, 60);
        Aging aging = Aging.of(asOf, items, AgingBuckets.of(AgingBasis.INVOICE_DATE, List.of(30, 60)), fx, true, levels);
        long[] counts = new long[levels.size() + 1];
        BigDecimal[] amounts = new BigDecimal[levels.size() + 1];
        java.util.Arrays.fill(amounts, BigDecimal.ZERO.setScale(2));
        java.util.Map<String, Money> byCustomer = new java.util.HashMap<>();
        List<OpenItem> overpaid = new ArrayList<>();
        for (AgedItem a : aging.items()) {
            OpenItem o = a.item();
            long pastDue = asOf.toEpochDay() - o.dueDate().toEpochDay(); // from the due date, whatever the basis
            if (o.type() == OpenItemType.INVOICE && !o.disputed() && o.open().isPositive() && pastDue > 0) {
                int level = (int) levels.stream().filter(d -> pastDue >= d).count();
                counts[level]++;
                amounts[level] = amounts[level].add(a.functional().amount());
            }
            if (o.type() == OpenItemType.INVOICE && o.open().isNegative()) {
                overpaid.add(o);
            }
            byCustomer.merge(o.customerId(), a.functional(), Money::plus);
        }
        assertThat(aging.pastDue().levelDays()).isEqualTo(levels);
        assertThat(aging.pastDue().counts()).containsExactly(java.util.Arrays.stream(counts).boxed().toArray(Long[]::new));
        assertThat(aging.pastDue().amounts()).extracting(Money::amount).containsExactly(amounts);
        assertThat(counts[0]).isZero(); // level 0 reaches no level day: with a first level at 1 day, no overdue item has it
        assertThat(counts[4]).isPositive();
        assertThat(aging.overpaidInvoices()).isEqualTo(overpaid).isNotEmpty();
        assertThat(aging.openByCustomer()).isEqualTo(byCustomer);
        // made without levels, every past-due item is at level 0
        Aging plain = Aging.of(asOf, items, AgingBuckets.DEFAULT, fx);
        assertThat(plain.pastDue().counts()).containsExactly(java.util.Arrays.stream(counts).sum());
    }
}
