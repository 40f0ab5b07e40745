package dev.o2c.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PackFormatTest {

    @Test
    void oneFormatForAmountsFiguresSharesAndCounts() {
        assertThat(PackFormat.amount(Money.of("1234567.5", "USD"))).isEqualTo("1,234,567.50");
        assertThat(PackFormat.amount(Money.of("-0.05", "USD"))).isEqualTo("-0.05");
        assertThat(PackFormat.amount(Money.of("1234567", "JPY"))).isEqualTo("1,234,567");
        assertThat(PackFormat.amountWithCurrency(Money.of("2000", "EUR"))).isEqualTo("2,000.00 EUR");
        assertThat(PackFormat.figure(new BigDecimal("41.2349"))).isEqualTo("41.23");
        assertThat(PackFormat.figure(new BigDecimal("41.235"))).isEqualTo("41.24");
        assertThat(PackFormat.figure(null)).isEqualTo("n/a");
        assertThat(PackFormat.percent(new BigDecimal("0.9142"))).isEqualTo("91.42 %");
        assertThat(PackFormat.percent(null)).isEqualTo("n/a");
        assertThat(PackFormat.count(1234567)).isEqualTo("1,234,567");
        assertThat(PackFormat.exact(new BigDecimal("11471330.73"))).isEqualTo("11,471,330.73");
        assertThat(PackFormat.exact(new BigDecimal("91"))).isEqualTo("91");
    }
}
