package dev.o2c.domain.money;

import java.util.Currency;

/** Two amounts in different currencies met in one operation. */
public final class CurrencyMismatchException extends IllegalArgumentException {
    public CurrencyMismatchException(Currency left, Currency right) {
        super("currency mismatch: " + left.getCurrencyCode() + " and " + right.getCurrencyCode());
    }
}
