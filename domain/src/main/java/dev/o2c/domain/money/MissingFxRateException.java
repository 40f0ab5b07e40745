package dev.o2c.domain.money;

import java.time.LocalDate;
import java.util.Currency;

/** No exchange rate on or before the date: the figure cannot be stated in the functional currency. */
public final class MissingFxRateException extends IllegalStateException {
    public MissingFxRateException(Currency currency, Currency functional, LocalDate date) {
        super("no exchange rate " + currency.getCurrencyCode() + " to " + functional.getCurrencyCode()
                + " on or before " + date + " in fx_rates.csv");
    }
}
