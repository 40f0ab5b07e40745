package dev.o2c.domain.figures;

import static dev.o2c.domain.support.Ledgers.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.domain.figures.MonthEndFigures.BucketAmount;
import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowanceTest {

    static List<BigDecimal> rates(String... percent) {
        return java.util.Arrays.stream(percent).map(BigDecimal::new).toList();
    }

    @Test
    void theWorkedExampleOfMetricsSectionFive() {
        List<BucketAmount> buckets = List.of(new BucketAmount("Current", usd("560000.00")), new BucketAmount("1-30", usd("252000.00")),
                new BucketAmount("31-60", usd("4000.00")), new BucketAmount("61-90", usd("800.00")), new BucketAmount(">90", usd("11200.00")));
        Allowance a = Allowance.of(buckets, rates("1", "5", "10", "25", "50"), Money.currency("USD"));
        assertThat(a.lines()).extracting(l -> l.allowance().toPlainString())
                .containsExactly("5600.00", "12600.00", "400.00", "200.00", "5600.00");
        assertThat(a.total()).isEqualTo(usd("24400.00"));
    }

    @Test
    void theTotalIsRoundedOnceFromTheExactLines() {
        // 0.30 x 2.5 % = 0.0075: each line shows 0.01, but the exact sum 0.0225 rounds to 0.02 (not 0.03)
        Allowance a = Allowance.of(List.of(new BucketAmount("A", usd("0.30")), new BucketAmount("B", usd("0.30")),
                new BucketAmount("C", usd("0.30"))), rates("2.5", "2.5", "2.5"), Money.currency("USD"));
        assertThat(a.lines()).extracting(l -> l.allowance().toPlainString()).containsExactly("0.01", "0.01", "0.01");
        assertThat(a.total()).isEqualTo(usd("0.02"));
    }

    @Test
    void aBucketWithANetCreditGivesANegativeLine() {
        Allowance a = Allowance.of(List.of(new BucketAmount("Current", usd("-200.00")), new BucketAmount(">0", usd("1000.00"))),
                rates("1", "10"), Money.currency("USD"));
        assertThat(a.lines().get(0).allowance()).isEqualTo(usd("-2.00"));
        assertThat(a.total()).isEqualTo(usd("98.00"));
    }

    @Test
    void oneRatePerBucket() {
        assertThatThrownBy(() -> Allowance.of(List.of(new BucketAmount("Current", usd("1.00"))), rates("1", "2"), Money.currency("USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 rates for 1 aging buckets");
    }
}
