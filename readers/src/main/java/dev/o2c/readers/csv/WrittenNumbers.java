package dev.o2c.readers.csv;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * How a layout writes its numbers: the decimal separator, the thousands separator (or none),
 * and a sign in front, behind ({@code 1.234,56-} as SAP writes it) or as parentheses
 * ({@code (1,234.56)} as accounting exports do). Exact: the text becomes a {@link BigDecimal}.
 *
 * @param thousandsSeparator null when the layout groups no thousands
 * @param layout how messages name the layout ("the sap-fbl5n profile"), or null for ours
 */
public record WrittenNumbers(char decimalSeparator, Character thousandsSeparator, String layout) {

    private static final Pattern UNSIGNED_DECIMAL = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");

    public WrittenNumbers {
        if (thousandsSeparator != null && thousandsSeparator == decimalSeparator) {
            throw new IllegalArgumentException("the thousands separator cannot also be the decimal separator '" + decimalSeparator + "'");
        }
    }

    /**
     * The number a text says.
     *
     * @throws RowRejectedException naming the column and the value
     */
    public BigDecimal parse(String column, String text) {
        String t = text.strip().replace("\u00A0", "").replace(" ", "");
        boolean negative = false;
        if (t.startsWith("(") && t.endsWith(")")) {
            negative = true;
            t = t.substring(1, t.length() - 1);
        }
        if (t.endsWith("-")) {
            negative = !negative;
            t = t.substring(0, t.length() - 1);
        } else if (t.startsWith("-")) {
            negative = !negative;
            t = t.substring(1);
        } else if (t.startsWith("+")) {
            t = t.substring(1);
        }
        if (thousandsSeparator != null && t.indexOf(thousandsSeparator) >= 0) {
            // separators must group by three: '12.30' in a comma-decimal layout is a
            // misread column or a wrong profile, not twelve hundred and thirty
            int decimal = t.indexOf(decimalSeparator);
            String whole = decimal < 0 ? t : t.substring(0, decimal);
            if (!groupedByThree(whole, thousandsSeparator)) {
                throw notANumber(column, text);
            }
            t = t.replace(String.valueOf(thousandsSeparator), "");
        }
        if (decimalSeparator != '.') {
            if (t.indexOf('.') >= 0) {
                throw notANumber(column, text);
            }
            t = t.replace(decimalSeparator, '.');
        }
        if (!UNSIGNED_DECIMAL.matcher(t).matches()) {
            throw notANumber(column, text);
        }
        BigDecimal value = new BigDecimal(t.endsWith(".") ? t.substring(0, t.length() - 1) : t);
        return negative ? value.negate() : value;
    }

    /** {@code 1.234.567}: one to three digits, then groups of three after each separator. */
    private static boolean groupedByThree(String whole, char separator) {
        int first = whole.indexOf(separator);
        if (first < 1 || first > 3 || !digitsOnly(whole.substring(0, first))) {
            return false;
        }
        for (int at = first; at < whole.length(); at += 4) {
            if (whole.charAt(at) != separator || at + 4 > whole.length() || !digitsOnly(whole.substring(at + 1, at + 4))) {
                return false;
            }
        }
        return true;
    }

    private static boolean digitsOnly(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private RowRejectedException notANumber(String column, String text) {
        String example = "1" + (thousandsSeparator == null ? "" : String.valueOf(thousandsSeparator)) + "234" + decimalSeparator + "50";
        return new RowRejectedException(column + " '" + text.strip() + "' is not a decimal number like " + example
                + (layout == null ? "" : " as " + layout + " writes them"));
    }
}
