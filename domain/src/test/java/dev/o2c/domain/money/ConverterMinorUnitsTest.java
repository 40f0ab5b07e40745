package dev.o2c.domain.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The minor-unit conversion gives {@link FxRates.Converter#toFunctional}'s cents on every amount. */
class ConverterMinorUnitsTest {

    private static final LocalDate DAY = LocalDate.of(2025, 10, 31);

    @Test
    void agreesWithTheDecimalConversionOnRandomAmountsAndRates() {
        SplittableRandom random = new SplittableRandom(5);
        Currency usd = Money.currency("USD");
        Currency[] foreign = {Money.currency("EUR"), Money.currency("JPY"), Money.currency("KWD"), Money.currency("GBP")};
        for (int round = 0; round < 200; round++) {
            FxRates fx = new FxRates(usd);
            for (Currency c : foreign) {
                // rates with 0 to 12 decimals, some of them written with trailing zeros, some huge
                BigDecimal rate = BigDecimal.valueOf(1 + random.nextLong(1_000_000_000L), random.nextInt(13));
                if (random.nextInt(10) == 0) {
                    rate = rate.setScale(rate.scale() + 3);
                }
                if (random.nextInt(20) == 0) {
                    rate = rate.multiply(BigDecimal.valueOf(1_000_000_000L));
                }
                fx.put(DAY, c, rate);
            }
            FxRates.Converter at = fx.at(DAY);
            for (int k = 0; k < 500; k++) {
                Currency c = random.nextInt(5) == 0 ? usd : foreign[random.nextInt(foreign.length)];
                long minor = switch (random.nextInt(4)) {
                    case 0 -> random.nextLong(-1000, 1000);
                    case 1 -> random.nextLong(-10_000_000_000L, 10_000_000_000L);
                    case 2 -> random.nextLong(-100_000_000_000_000L, 100_000_000_000_000L);
                    default -> random.nextLong();
                };
                Money money = Money.of(BigDecimal.valueOf(minor, c.getDefaultFractionDigits()), c);
                BigDecimal expected = at.toFunctional(money).amount();
                if (expected.unscaledValue().bitLength() > 63) { // beyond a long
                    assertThrows(ArithmeticException.class, () -> at.toFunctionalMinor(c, minor), money + " x " + fx.rate(c, DAY));
                } else {
                    assertEquals(expected.unscaledValue().longValueExact(), at.toFunctionalMinor(c, minor), money + " x " + fx.rate(c, DAY));
                }
            }
        }
    }

    @Test
    void roundsHalvesToEvenBothWays() {
        FxRates fx = new FxRates(Money.currency("USD")).put(DAY, Money.currency("EUR"), new BigDecimal("0.5"));
        FxRates.Converter at = fx.at(DAY);
        Currency eur = Money.currency("EUR");
        assertEquals(0, at.toFunctionalMinor(eur, 1));   // 0.005 -> 0.00
        assertEquals(2, at.toFunctionalMinor(eur, 3));   // 0.015 -> 0.02
        assertEquals(0, at.toFunctionalMinor(eur, -1));  // -0.005 -> -0.00
        assertEquals(-2, at.toFunctionalMinor(eur, -3)); // -0.015 -> -0.02
        assertEquals(4, at.toFunctionalMinor(eur, 7));   // 0.035 -> 0.04
    }
}
