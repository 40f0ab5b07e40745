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

    @Test
    void halvesJoinedAreTheWhole() {
        Random random = new Random(42);
        LocalDate asOf = LocalDate.of(2025, 10, 31);
        FxRates fx = new FxRates(Money.currency("USD"));
        fx.put(asOf.minusDays(40), Money.currency("EUR"), new BigDecimal("1.0831"));
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
        Aging one = Aging.of(asOf, items, AgingBuckets.DEFAULT, fx, false);
        Aging two = Aging.of(asOf, items, AgingBuckets.DEFAULT, fx, true);
        assertThat(two.items()).isEqualTo(one.items());
        assertThat(two.bucketTotals()).isEqualTo(one.bucketTotals());
        assertThat(two.totalOpen()).isEqualTo(one.totalOpen()).isEqualTo(two.sumOfBuckets());
        assertThat(two.unappliedCash()).isEqualTo(one.unappliedCash());
        assertThat(two.disputed()).isEqualTo(one.disputed());
        assertThat(two.disputedItems()).isEqualTo(one.disputedItems()).isPositive();
        assertThat(two.notYetDue()).isEqualTo(one.notYetDue());
        assertThat(one.unappliedCash().isNegative()).isTrue();
    }
}
