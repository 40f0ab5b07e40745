package dev.o2c.readers.csv;

import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.Currency;
import java.util.Locale;

/**
 * Typed access to the values of the generic profile (CONTRACTS.md section 2): dates
 * {@code YYYY-MM-DD}, decimals with {@code .} and no thousands separator. Every
 * failure is a {@link RowRejectedException} whose message names the column and the value.
 */
public final class Fields {

    private Fields() {
    }

    public static String text(SourceRow row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw new RowRejectedException(column + " is required");
        }
        return value;
    }

    public static LocalDate date(SourceRow row, String column) {
        return parseDate(column, text(row, column));
    }

    /** @return null when blank */
    public static LocalDate optionalDate(SourceRow row, String column) {
        String value = row.get(column);
        return value == null ? null : parseDate(column, value);
    }

    private static LocalDate parseDate(String column, String value) {
        try {
            // nearly every date of an extract is ten digits and dashes: read them directly, the same strict check
            // (LocalDate.of refuses 2025-02-30 as the ISO parser does) without the parser's general machinery, which
            // was 15 % of a million-invoice load's profile (3 million dates a close)
            return isPlainDate(value)
                    ? LocalDate.of(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10))
                    : LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw new RowRejectedException(column + " '" + value + "' is not a date YYYY-MM-DD");
        }
    }

    /** {@code YYYY-MM-DD} in ASCII digits. */
    private static boolean isPlainDate(String value) {
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = value.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String value, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + value.charAt(i) - '0';
        }
        return n;
    }

    public static Currency currency(SourceRow row, String column) {
        String value = text(row, column).toUpperCase(Locale.ROOT);
        try {
            return Money.currency(value);
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException(column + " '" + value + "' is not an ISO 4217 currency code");
        }
    }

    public static BigDecimal decimal(SourceRow row, String column) {
        return parseDecimal(column, text(row, column));
    }

    /** @return null when blank */
    public static BigDecimal optionalDecimal(SourceRow row, String column) {
        String value = row.get(column);
        return value == null ? null : parseDecimal(column, value);
    }

    /**
     * Whether the text is a plain decimal, {@code -?\d+(\.\d+)?}: no exponent, no '+', no
     * grouping. Scanned by hand: it runs once per amount of files with millions of them.
     */
    public static boolean isPlainDecimal(String text) {
        int n = text.length();
        int i = n > 0 && text.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (text.charAt(i++) != '.' || i == n) {
            return false;
        }
        while (i < n && isDigit(text.charAt(i))) {
            i++;
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static BigDecimal parseDecimal(String column, String value) {
        // BigDecimal would also take exponents and '+'; the contract says plain decimals.
        if (!isPlainDecimal(value)) {
            throw new RowRejectedException(column + " '" + value + "' is not a decimal number like 1234.50");
        }
        return new BigDecimal(value);
    }

    /** An amount in the currency, refusing more decimals than the currency has. */
    public static Money money(SourceRow row, String column, Currency currency) {
        return toMoney(column, decimal(row, column), currency);
    }

    public static Money toMoney(String column, BigDecimal amount, Currency currency) {
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException(column + " '" + amount.toPlainString() + "': " + e.getMessage());
        }
    }

    /** An amount that must not be negative (the contract's amounts are positive; a type gives the sign). */
    public static Money nonNegativeMoney(SourceRow row, String column, Currency currency) {
        Money money = money(row, column, currency);
        if (money.isNegative()) {
            throw new RowRejectedException(column + " '" + money.toPlainString() + "' must not be negative");
        }
        return money;
    }

    /** @return null when blank */
    public static Integer optionalInteger(SourceRow row, String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new RowRejectedException(column + " '" + value + "' is not a whole number");
        }
    }

    /** An enum constant by its name, case-insensitive; {@code fallback} when blank (null: required). */
    /**
     * A yes/no column: blank or absent, {@code false}, {@code no}, {@code n}, {@code 0} are no;
     * {@code true}, {@code yes}, {@code y}, {@code x}, {@code 1} are yes (case ignored); anything
     * else rejects the row.
     */
    public static boolean yesNo(SourceRow row, String column) {
        String value = row.get(column);
        if (value == null) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "", "false", "no", "n", "0" -> false;
            case "true", "yes", "y", "x", "1" -> true;
            default -> throw new RowRejectedException(column + " '" + value + "' is not yes or no (true/false, yes/no, y/n, x, 1/0)");
        };
    }

    public static <E extends Enum<E>> E choice(SourceRow row, String column, Class<E> type, E fallback) {
        String value = row.get(column);
        if (value == null) {
            if (fallback == null) {
                throw new RowRejectedException(column + " is required");
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name());
            }
            throw new RowRejectedException(column + " '" + value + "' is not one of " + allowed);
        }
    }
}
