package dev.o2c.readers.bank;

import dev.o2c.readers.csv.RowRejectedException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A bank's CSV layout: which columns hold what, the separator, the encoding, how numbers
 * and dates are written, and how the sign is given: a signed amount, an amount with a
 * direction column (generic {@code type} CREDIT/DEBIT, or D/C), or separate debit and
 * credit columns. A profile is chosen for a file when its header has every {@link #match}
 * column. Immutable.
 *
 * @param match header columns (case-insensitive) that identify the layout
 * @param dateFormat a {@link DateTimeFormatter} pattern; a date-time pattern gives its date
 * @param thousandsSeparator null when amounts have none
 * @param columns the file's column for each of our fields (null where the layout has none)
 * @param account the account when the layout has no account column, or null
 * @param currency the currency when the layout has no currency column, or null
 */
public record BankCsvProfile(
        String name,
        List<String> match,
        char delimiter,
        Charset encoding,
        String dateFormat,
        char decimalSeparator,
        Character thousandsSeparator,
        Columns columns,
        String account,
        String currency) {

    /**
     * @param remittance columns joined (with a space) into the remittance text
     * @param direction a column telling credit from debit, with the values that mean each; the
     *        amount's own sign is then ignored (the generic profile, whose contract says positive, refuses a negative one)
     * @param balance the account's balance after the line, where the layout prints one: gives the
     *        statement's opening and closing balances, so they can be checked
     */
    public record Columns(
            String transactionId,
            String account,
            String currency,
            String bookingDate,
            String valueDate,
            String amount,
            String debit,
            String credit,
            String direction,
            List<String> debitValues,
            List<String> creditValues,
            String counterpartyName,
            String counterpartyAccount,
            List<String> remittance,
            String structuredReference,
            String typeCode,
            String customerReference,
            String balance) {

        public Columns {
            debitValues = debitValues == null ? List.of() : List.copyOf(debitValues);
            creditValues = creditValues == null ? List.of() : List.copyOf(creditValues);
            remittance = remittance == null ? List.of() : List.copyOf(remittance);
        }
    }

    /** Date formats by pattern, built once: a formatter is immutable and a file has thousands of rows. */
    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();
    private static final Pattern UNSIGNED_DECIMAL = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");

    /** The {@code generic} bank profile of CONTRACTS.md section 2. */
    public static final BankCsvProfile GENERIC = new BankCsvProfile("generic",
            List.of("account", "currency", "booking_date", "amount"), ',', StandardCharsets.UTF_8, "yyyy-MM-dd", '.', null,
            new Columns("transaction_id", "account", "currency", "booking_date", "value_date", "amount", null, null, "type",
                    List.of("DEBIT"), List.of("CREDIT"), "counterparty_name", "counterparty_account", List.of("remittance_info"),
                    "structured_reference", "bank_transaction_code", "customer_reference", null),
            null, null);

    public BankCsvProfile {
        Objects.requireNonNull(name, "name");
        match = List.copyOf(match);
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(dateFormat, "dateFormat");
        DateTimeFormatter.ofPattern(dateFormat, Locale.ROOT);
        if (columns.amount() == null && (columns.debit() == null || columns.credit() == null)) {
            throw new IllegalArgumentException("bank CSV profile " + name + ": give an amount column, or both debit and credit columns");
        }
        if (columns.bookingDate() == null) {
            throw new IllegalArgumentException("bank CSV profile " + name + ": give a booking date column");
        }
        if (columns.account() == null && account == null) {
            throw new IllegalArgumentException("bank CSV profile " + name + ": give an account column or a constant account");
        }
        if (columns.currency() == null && currency == null) {
            throw new IllegalArgumentException("bank CSV profile " + name + ": give a currency column or a constant currency");
        }
    }

    /** Whether a header (column names as written) is this layout. */
    public boolean matches(List<String> header) {
        List<String> lower = header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        return match.stream().allMatch(m -> lower.contains(m.toLowerCase(Locale.ROOT)));
    }

    /** The first profile whose columns the header has, or null. */
    public static BankCsvProfile choose(List<BankCsvProfile> profiles, List<String> header) {
        for (BankCsvProfile p : profiles) {
            if (p.matches(header)) {
                return p;
            }
        }
        return null;
    }

    /**
     * A number as this layout writes it: thousands separators dropped, the decimal separator
     * made a point, a sign in front, behind ({@code 1.234,56-} as SAP writes it) or as parentheses.
     *
     * @throws RowRejectedException naming the column and the value
     */
    public BigDecimal number(String column, String text) {
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
                + (this == GENERIC ? "" : " as the " + name + " profile writes them"));
    }

    /** A date as this layout writes it (a date-time gives its date). */
    public LocalDate date(String column, String text) {
        try {
            DateTimeFormatter f = FORMATTERS.computeIfAbsent(dateFormat, p -> DateTimeFormatter.ofPattern(p, Locale.ROOT));
            return LocalDate.from(f.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new RowRejectedException(column + " '" + text.strip() + "' is not a date as " + dateFormat);
        }
    }
}
