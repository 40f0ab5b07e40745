package dev.o2c.domain.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Exchange rates into the functional currency: units of the functional
 * currency for one unit of a foreign currency. The latest rate on or before a
 * date applies (CONTRACTS.md section 2, {@code fx_rates.csv}).
 *
 * <p>Built once, then read-only and thread-safe.
 */
public final class FxRates {

    private final Currency functional;
    private final Map<Currency, NavigableMap<LocalDate, BigDecimal>> rates = new HashMap<>();

    public FxRates(Currency functional) {
        this.functional = functional;
    }

    public Currency functional() {
        return functional;
    }

    /** Records a rate; a later call for the same currency and date replaces it. */
    public FxRates put(LocalDate date, Currency currency, BigDecimal rate) {
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("rate for " + currency.getCurrencyCode() + " on " + date + " must be positive: " + rate);
        }
        rates.computeIfAbsent(currency, c -> new TreeMap<>()).put(date, rate);
        return this;
    }

    /**
     * The rate on or before {@code date}; 1 for the functional currency.
     *
     * @throws MissingFxRateException naming the currency and date when there is none
     */
    public BigDecimal rate(Currency currency, LocalDate date) {
        if (currency.equals(functional)) {
            return BigDecimal.ONE;
        }
        NavigableMap<LocalDate, BigDecimal> byDate = rates.get(currency);
        Map.Entry<LocalDate, BigDecimal> entry = byDate == null ? null : byDate.floorEntry(date);
        if (entry == null) {
            throw new MissingFxRateException(currency, functional, date);
        }
        return entry.getValue();
    }

    /** The amount in the functional currency at the rate of {@code date}, rounded half-even once. */
    public Money toFunctional(Money money, LocalDate date) {
        return money.convert(functional, rate(money.currency(), date));
    }

    /**
     * Converts amounts at one date's rates, each currency's rate looked up once: the same
     * results as {@link #toFunctional} for that date, for a million items. Not thread-safe.
     */
    public Converter at(LocalDate date) {
        return new Converter(date);
    }

    /** {@link #toFunctional} at a fixed date. */
    public final class Converter {
        private final LocalDate date;
        private final Map<Currency, BigDecimal> known = new HashMap<>();
        private final Map<Currency, MinorUnitRate> minorRates = new HashMap<>();

        private Converter(LocalDate date) {
            this.date = date;
        }

        /** @throws MissingFxRateException naming the currency and date when there is no rate */
        public Money toFunctional(Money money) {
            Currency c = money.currency();
            if (c.equals(functional)) {
                return money.convert(functional, BigDecimal.ONE);
            }
            BigDecimal rate = known.get(c);
            if (rate == null) {
                rate = rate(c, date);
                known.put(c, rate);
            }
            return money.convert(functional, rate);
        }

        /**
         * {@link #toFunctional} for an amount in minor units of a currency with minor units
         * (cents to cents): the same result to the cent, without a decimal per amount.
         *
         * @throws MissingFxRateException naming the currency and date when there is no rate
         * @throws ArithmeticException when the result does not fit in a long
         */
        public long toFunctionalMinor(Currency currency, long minor) {
            if (currency.equals(functional)) {
                return minor; // Money.convert keeps the amount as it is
            }
            MinorUnitRate rate = minorRates.get(currency);
            if (rate == null) {
                if (currency.getDefaultFractionDigits() < 0) {
                    throw new IllegalArgumentException(currency.getCurrencyCode() + " is not a currency with minor units");
                }
                rate = new MinorUnitRate(currency.getDefaultFractionDigits(), rate(currency, date), functional.getDefaultFractionDigits());
                minorRates.put(currency, rate);
            }
            return rate.convert(minor);
        }
    }

    public Money zero() {
        return Money.zero(functional);
    }
}
