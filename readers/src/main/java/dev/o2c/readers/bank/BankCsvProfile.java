package dev.o2c.readers.bank;

import dev.o2c.readers.csv.RowRejectedException;
import dev.o2c.readers.csv.WrittenDates;
import dev.o2c.readers.csv.WrittenNumbers;
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
        return new WrittenNumbers(decimalSeparator, thousandsSeparator, this == GENERIC ? null : "the " + name + " profile")
                .parse(column, text);
    }

    /** A date as this layout writes it (a date-time gives its date). */
    public LocalDate date(String column, String text) {
        return new WrittenDates(List.of(dateFormat)).parse(column, text);
    }
}
