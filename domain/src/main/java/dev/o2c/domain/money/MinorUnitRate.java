package dev.o2c.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@link Money#convert} at one rate on amounts held as minor units in a long: amount × rate
 * rounded half-even to the target's decimals, in long arithmetic when it fits, by
 * {@link BigDecimal} when it does not. The figures convert a million open items at several
 * month-ends; a decimal per item was most of that work.
 */
final class MinorUnitRate {

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private final int scale;
    private final BigDecimal rate;
    private final int targetScale;
    /** The rate's unscaled value and 10^(decimals the product has beyond the target's); 0: the long path does not apply. */
    private final long unscaledRate;
    private final long divisor;

    /** Converts amounts with {@code scale} decimals into amounts with {@code targetScale} decimals. */
    MinorUnitRate(int scale, BigDecimal rate, int targetScale) {
        this.scale = scale;
        this.rate = rate;
        this.targetScale = targetScale;
        int drop = scale + rate.scale() - targetScale;
        boolean fits = rate.scale() >= 0 && drop >= 0 && drop < POWERS_OF_TEN.length && rate.precision() <= 18;
        this.unscaledRate = fits ? rate.unscaledValue().longValueExact() : 0;
        this.divisor = fits ? POWERS_OF_TEN[drop] : 0;
    }

    /**
     * {@code minor} × 10^-scale × rate, rounded half-even to the target's decimals, as its minor units.
     *
     * @throws ArithmeticException when the result does not fit in a long
     */
    long convert(long minor) {
        if (divisor != 0) {
            long hi = Math.multiplyHigh(minor, unscaledRate);
            long product = minor * unscaledRate;
            if ((hi == 0 && product >= 0) || (hi == -1 && product < 0)) { // the product fits in a long
                long quotient = product / divisor;
                long twiceRest = Math.abs(product % divisor) * 2; // below 2 × 10^18: fits
                if (twiceRest > divisor || twiceRest == divisor && (quotient & 1) != 0) {
                    quotient += Long.signum(product);
                }
                return quotient;
            }
        }
        return BigDecimal.valueOf(minor, scale).multiply(rate).setScale(targetScale, RoundingMode.HALF_EVEN)
                .unscaledValue().longValueExact();
    }
}
