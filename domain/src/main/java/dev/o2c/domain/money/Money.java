package dev.o2c.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in one currency, always held at that currency's minor units
 * (2 for USD and EUR, 0 for JPY, 3 for KWD).
 *
 * <p>Immutable and thread-safe. Operations that cannot lose precision take no
 * rounding mode; conversion, the one that can, rounds half-even exactly once.
 * Mixing currencies throws {@link CurrencyMismatchException} naming both.
 *
 * <p>One exception to the minor units: {@link #NO_CURRENCY} (ISO 4217 {@code XXX}) marks an
 * amount whose file names no currency (fragments of bank statements do this). Such an
 * amount keeps the scale it was written with and can never meet a real currency.
 */
public final class Money implements Comparable<Money> {

    /** ISO 4217 XXX, "no currency involved": what an amount is in when its file names none. */
    public static final Currency NO_CURRENCY = Currency.getInstance("XXX");

    private final BigDecimal amount;
    private final Currency currency;

    private Money(BigDecimal amount, Currency currency) {
        this.amount = amount;
        this.currency = currency;
    }

    /**
     * The amount in the currency, which must not carry more decimals than the
     * currency's minor units (trailing zeros are fine: {@code 1.500} USD is 1.50).
     *
     * @throws IllegalArgumentException when the amount has more decimals than the currency allows
     */
    public static Money of(BigDecimal amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        if (NO_CURRENCY.equals(currency)) {
            return new Money(amount, currency);
        }
        int digits = minorUnits(currency);
        BigDecimal scaled;
        try {
            scaled = amount.setScale(digits, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    amount.toPlainString() + " has more than " + digits + " decimals allowed for " + currency.getCurrencyCode());
        }
        return new Money(scaled, currency);
    }

    public static Money of(String amount, String currencyCode) {
        return of(new BigDecimal(amount), currency(currencyCode));
    }

    public static Money zero(Currency currency) {
        if (NO_CURRENCY.equals(currency)) {
            return new Money(BigDecimal.ZERO, currency);
        }
        return new Money(BigDecimal.ZERO.setScale(minorUnits(currency)), currency);
    }

    /** Parses {@code "USD 12.34"}. */
    public static Money parse(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected 'CUR amount', got '" + text + "'");
        }
        return of(parts[1], parts[0]);
    }

    /**
     * The ISO 4217 currency for a code.
     *
     * @throws IllegalArgumentException for unknown codes and for codes without minor units (XAU, XXX)
     */
    public static Currency currency(String code) {
        Objects.requireNonNull(code, "currency code");
        Currency currency;
        try {
            currency = Currency.getInstance(code.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency code '" + code + "'");
        }
        minorUnits(currency);
        return currency;
    }

    private static int minorUnits(Currency currency) {
        int digits = Objects.requireNonNull(currency, "currency").getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " is not a currency with minor units");
        }
        return digits;
    }

    public BigDecimal amount() {
        return amount;
    }

    public Currency currency() {
        return currency;
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money abs() {
        return signum() < 0 ? negate() : this;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /**
     * Converts into another currency at {@code rate} units of the target for
     * one unit of this currency, rounding half-even to the target's minor units.
     */
    public Money convert(Currency target, BigDecimal rate) {
        Objects.requireNonNull(rate, "rate");
        if (target.equals(currency) && rate.compareTo(BigDecimal.ONE) == 0) {
            return this;
        }
        return new Money(amount.multiply(rate).setScale(minorUnits(target), RoundingMode.HALF_EVEN), target);
    }

    /**
     * The amount in units of its last decimal (cents for 12.34: 1234), exactly.
     *
     * @throws ArithmeticException when that does not fit in a long
     */
    public long unscaledLong() {
        // value x 10^scale as a decimal of scale 0: no BigInteger made, unlike unscaledValue() (a million amounts a close)
        return amount.scaleByPowerOfTen(amount.scale()).longValueExact();
    }

    /**
     * Whether the amount is held in its currency's minor units and {@link #unscaledLong} fits
     * (scale equal to the currency's decimals, at most 18 digits): what the long-arithmetic
     * paths of the figures take; other amounts go the decimal way.
     */
    public boolean isInMinorUnits() {
        return !hasNoCurrency() && amount.scale() == currency.getDefaultFractionDigits() && amount.precision() <= 18;
    }

    /** Whether the amount's file named no currency ({@link #NO_CURRENCY}). */
    public boolean hasNoCurrency() {
        return NO_CURRENCY.equals(currency);
    }

    public int signum() {
        return amount.signum();
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isSameCurrency(Money other) {
        return currency.equals(other.currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /** The plain decimal text at minor units, e.g. {@code "-1234.50"}; what our CSV and JSON carry. */
    public String toPlainString() {
        return amount.toPlainString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && m.currency.equals(currency) && m.amount.compareTo(amount) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * currency.hashCode() + amount.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
