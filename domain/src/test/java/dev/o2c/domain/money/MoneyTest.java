package dev.o2c.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MoneyTest {

    static final Money USD_2_34 = Money.parse("USD 2.34");
    static final Money USD_1_66 = Money.parse("USD 1.66");
    static final Money EUR_1_00 = Money.parse("EUR 1.00");

    @Test
    void holdsTheCurrencysMinorUnits() {
        assertThat(Money.of("1.5", "USD").toPlainString()).isEqualTo("1.50");
        assertThat(Money.of("100", "JPY").toPlainString()).isEqualTo("100");
        assertThat(Money.of("1.234", "KWD").toPlainString()).isEqualTo("1.234");
        assertThat(Money.of("1.500", "USD")).isEqualTo(Money.of("1.5", "USD"));
    }

    @Test
    void unscaledLongIsTheUnscaledValue() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextLong(-1L << 50, 1L << 50), random.nextInt(-3, 5));
            Money m = Money.of(amount, Money.NO_CURRENCY); // held as given, whatever its scale
            assertThat(m.unscaledLong()).isEqualTo(amount.unscaledValue().longValueExact());
        }
        assertThat(Money.parse("USD -12.30").unscaledLong()).isEqualTo(-1230);
        assertThat(Money.of("100", "JPY").unscaledLong()).isEqualTo(100);
        assertThat(Money.of("1.234", "KWD").unscaledLong()).isEqualTo(1234);
        assertThatThrownBy(() -> Money.of(new BigDecimal("92233720368547758.08"), Money.currency("USD")).unscaledLong())
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        assertThatThrownBy(() -> Money.of("1.005", "USD"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD");
        assertThatThrownBy(() -> Money.of("1.5", "JPY")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesUnknownCurrenciesAndOnesWithoutMinorUnits() {
        assertThatThrownBy(() -> Money.currency("XYZ")).hasMessageContaining("XYZ");
        assertThatThrownBy(() -> Money.currency("XAU")).hasMessageContaining("XAU");
    }

    @Test
    void addsAndSubtractsExactly() {
        Money sum = Money.zero(Money.currency("USD"));
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(Money.of("0.10", "USD"));
        }
        assertThat(sum).isEqualTo(Money.of("1.00", "USD"));
        assertThat(USD_2_34.plus(USD_1_66)).isEqualTo(Money.parse("USD 4.00"));
        assertThat(USD_1_66.minus(USD_2_34)).isEqualTo(Money.parse("USD -0.68"));
        assertThat(USD_2_34.negate().abs()).isEqualTo(USD_2_34);
    }

    @Test
    void mixingCurrenciesNamesBoth() {
        assertThatThrownBy(() -> USD_2_34.plus(EUR_1_00))
                .isInstanceOf(CurrencyMismatchException.class).hasMessageContaining("USD").hasMessageContaining("EUR");
        assertThatThrownBy(() -> USD_2_34.compareTo(EUR_1_00)).isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void convertsRoundingHalfEvenOnce() {
        // 10.25 x 1.1 = 11.275 -> 11.28 (half-even keeps 8 as even: 11.275 -> 11.28)
        assertThat(Money.of("10.25", "EUR").convert(Money.currency("USD"), new BigDecimal("1.1")))
                .isEqualTo(Money.of("11.28", "USD"));
        // 10.05 x 1.5 = 15.075 -> 15.08 ; 10.15 x 1.5 = 15.225 -> 15.22
        assertThat(Money.of("10.05", "EUR").convert(Money.currency("USD"), new BigDecimal("1.5")))
                .isEqualTo(Money.of("15.08", "USD"));
        assertThat(Money.of("10.15", "EUR").convert(Money.currency("USD"), new BigDecimal("1.5")))
                .isEqualTo(Money.of("15.22", "USD"));
        assertThat(Money.of("1000", "JPY").convert(Money.currency("USD"), new BigDecimal("0.0067123")))
                .isEqualTo(Money.of("6.71", "USD"));
    }

    @Test
    void fxRatesTakeTheLatestRateOnOrBeforeTheDate() {
        FxRates fx = new FxRates(Money.currency("USD"))
                .put(LocalDate.of(2024, 3, 1), Money.currency("EUR"), new BigDecimal("1.08"))
                .put(LocalDate.of(2024, 3, 15), Money.currency("EUR"), new BigDecimal("1.10"));
        assertThat(fx.rate(Money.currency("EUR"), LocalDate.of(2024, 3, 14))).isEqualByComparingTo("1.08");
        assertThat(fx.rate(Money.currency("EUR"), LocalDate.of(2024, 3, 15))).isEqualByComparingTo("1.10");
        assertThat(fx.rate(Money.currency("USD"), LocalDate.of(2000, 1, 1))).isEqualByComparingTo("1");
        assertThat(fx.toFunctional(Money.of("100.00", "EUR"), LocalDate.of(2024, 3, 31))).isEqualTo(Money.of("110.00", "USD"));
        assertThatThrownBy(() -> fx.rate(Money.currency("EUR"), LocalDate.of(2024, 2, 29)))
                .isInstanceOf(MissingFxRateException.class)
                .hasMessageContaining("EUR").hasMessageContaining("2024-02-29");
    }
}
