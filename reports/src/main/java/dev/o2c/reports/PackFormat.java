package dev.o2c.reports;

import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The pack's one number format, for every figure the PDF shows as text: amounts and days
 * with a thousands comma and two decimals (an amount in a currency without minor units,
 * none), shares as percentages with two decimals, counts with a thousands comma. Locale
 * fixed, so the text never depends on the machine; an undefined figure is "n/a".
 */
final class PackFormat {

    static final String NOT_AVAILABLE = "n/a";

    private PackFormat() {
    }

    static String amount(Money m) {
        if (m == null) {
            return null;
        }
        int digits = m.hasNoCurrency() ? m.amount().scale() : m.currency().getDefaultFractionDigits();
        return decimal(m.amount(), Math.max(0, digits));
    }

    /** An amount with its currency code, for lines that mix currencies. */
    static String amountWithCurrency(Money m) {
        return m == null ? null : amount(m) + " " + m.currencyCode();
    }

    /** Days, an index or any figure given to two places. */
    static String figure(BigDecimal value) {
        return value == null ? NOT_AVAILABLE : decimal(value, 2);
    }

    /** A ratio (0.9142) as a percentage ("91.42 %"). */
    static String percent(BigDecimal ratio) {
        return ratio == null ? NOT_AVAILABLE : decimal(ratio.movePointRight(2), 2) + " %";
    }

    /** A control's number as it was computed (a count, an amount), its decimals kept, with thousands commas. */
    static String exact(BigDecimal value) {
        return value == null ? NOT_AVAILABLE : decimal(value, Math.max(0, value.scale()));
    }

    static String count(long n) {
        return format(0).format(n);
    }

    private static String decimal(BigDecimal value, int digits) {
        return format(digits).format(value.setScale(digits, RoundingMode.HALF_EVEN));
    }

    private static DecimalFormat format(int digits) {
        DecimalFormat f = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
                DecimalFormatSymbols.getInstance(Locale.US));
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        f.setParseBigDecimal(true);
        return f;
    }
}
