package dev.o2c.readers.bank;

import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.money.Money;
import dev.o2c.readers.csv.CsvTable;
import dev.o2c.readers.csv.SourceRow;
import dev.o2c.readers.csv.Fields;
import dev.o2c.readers.csv.RecordReader;
import dev.o2c.readers.csv.RowMapper;
import dev.o2c.readers.csv.RowRejectedException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Bank CSV, one row per booked line, in the layout of a {@link BankCsvProfile}: the
 * {@code generic} profile of CONTRACTS.md section 2 unless another is given. A line without
 * a transaction id gets a stable id from the file's hash and its position.
 */
public final class BankCsvReader {

    public static final List<String> REQUIRED_COLUMNS = BankCsvProfile.GENERIC.match();

    private BankCsvReader() {
    }

    /** Opens a file in the generic layout. */
    public static RecordReader<BankTransaction> open(Path file, String name, String sha256) {
        return open(file, name, sha256, BankCsvProfile.GENERIC);
    }

    /**
     * @param name the file's name within the input directory, as outputs will name it
     * @param sha256 the file's hash, for the ids of lines that carry none
     */
    public static RecordReader<BankTransaction> open(Path file, String name, String sha256, BankCsvProfile profile) {
        return open(file, name, sha256, profile, TextKeys.STANDARD);
    }

    /** @param keys the words before a payer's name and account in the text, for a row whose counterparty is blank */
    public static RecordReader<BankTransaction> open(Path file, String name, String sha256, BankCsvProfile profile, TextKeys keys) {
        CsvTable table = CsvTable.open(file, name, profile.delimiter(), profile.encoding(), lower(profile.match()));
        BankCsvProfile.Columns c = profile.columns();
        boolean directed = c.direction() != null && table.hasColumn(lower(c.direction()));
        return new RecordReader<>(table, mapper(name, sha256, profile, directed, keys), t -> t.account() + '\u0000' + t.transactionId(),
                "transaction_id");
    }

    private static List<String> lower(List<String> columns) {
        return columns.stream().map(BankCsvReader::lower).toList();
    }

    private static String lower(String column) {
        return column == null ? null : column.trim().toLowerCase(Locale.ROOT);
    }

    private static RowMapper<BankTransaction> mapper(String name, String sha256, BankCsvProfile profile, boolean directed,
                                                     TextKeys keys) {
        BankCsvProfile.Columns c = profile.columns();
        long[] position = {0};
        return row -> {
            long pos = ++position[0];
            // a constant stands in where the column is absent or blank
            Currency currency = c.currency() != null && row.get(lower(c.currency())) != null ? Fields.currency(row, lower(c.currency()))
                    : profile.currency() != null ? Money.currency(profile.currency()) : Fields.currency(row, lower(c.currency()));
            BigDecimal amount = amount(row, profile, directed);
            if (amount.signum() == 0) {
                throw new RowRejectedException("amount is zero");
            }
            Money money = Fields.toMoney(c.amount() != null ? c.amount() : "amount", amount, currency);
            LocalDate booking = profile.date(c.bookingDate(), Fields.text(row, lower(c.bookingDate())));
            String valueText = c.valueDate() == null ? null : row.get(lower(c.valueDate()));
            LocalDate value = valueText == null ? booking : profile.date(c.valueDate(), valueText);
            String account = c.account() != null && row.get(lower(c.account())) != null ? row.get(lower(c.account())) : profile.account();
            if (account == null) {
                throw new RowRejectedException(c.account() + " is required");
            }
            String reference = c.transactionId() == null ? null : row.get(lower(c.transactionId()));
            List<String> remittance = new ArrayList<>();
            for (String column : c.remittance()) {
                String v = row.get(lower(column));
                if (v != null) {
                    remittance.add(v);
                }
            }
            String text = remittance.isEmpty() ? null : String.join(" ", remittance);
            String counterparty = get(row, c.counterpartyName());
            String counterpartyAccount = get(row, c.counterpartyAccount());
            if (counterparty == null && text != null) {
                // a payer the bank wrote into the text ("Auftraggeber: ...", "ORDERING PARTY: ...")
                TextKeys.Parts parts = keys.parse(text);
                if (parts != null) {
                    counterparty = money.isPositive() ? parts.payerName() : parts.payeeName();
                    counterpartyAccount = counterpartyAccount != null ? counterpartyAccount
                            : money.isPositive() ? parts.payerAccount() : parts.payeeAccount();
                }
            }
            return BankTransaction.builder().bankReference(reference)
                    .transactionId(EntryIds.isReference(reference) ? reference : sha256.substring(0, 12) + "-" + pos).account(account)
                    .bookingDate(booking).valueDate(value).amount(money)
                    .counterpartyName(counterparty).counterpartyAccount(counterpartyAccount)
                    .remittanceInfo(text)
                    .structuredReference(get(row, c.structuredReference()))
                    .typeCode(get(row, c.typeCode())).customerReference(get(row, c.customerReference()))
                    .balanceAfter(c.balance() == null || row.get(lower(c.balance())) == null ? null
                            : Fields.toMoney(c.balance(), profile.number(c.balance(), row.get(lower(c.balance()))), currency))
                    .statementFile(name).position(pos).line(row.line()).build();
        };
    }

    private static String get(SourceRow row, String column) {
        return column == null ? null : row.get(lower(column));
    }

    /** The signed amount: from debit and credit columns, from an amount and its direction, or as written. */
    private static BigDecimal amount(SourceRow row, BankCsvProfile profile, boolean directed) {
        BankCsvProfile.Columns c = profile.columns();
        if (c.amount() == null) {
            String debit = row.get(lower(c.debit()));
            String credit = row.get(lower(c.credit()));
            if ((debit == null) == (credit == null)) {
                throw new RowRejectedException("exactly one of " + c.debit() + " and " + c.credit() + " must hold the amount");
            }
            return debit != null ? profile.number(c.debit(), debit).abs().negate() : profile.number(c.credit(), credit).abs();
        }
        BigDecimal amount = profile.number(c.amount(), Fields.text(row, lower(c.amount())));
        if (!directed) {
            return amount;
        }
        String direction = row.get(lower(c.direction()));
        if (direction == null) {
            throw new RowRejectedException(c.direction() + " is required (" + String.join(" or ", c.creditValues()) + ", "
                    + String.join(" or ", c.debitValues()) + ") when the file has that column");
        }
        if (amount.signum() < 0) {
            if (profile == BankCsvProfile.GENERIC) {
                throw new RowRejectedException(c.amount() + " '" + amount.toPlainString() + "' must be positive when " + c.direction() + " gives the sign");
            }
            amount = amount.negate();
        }
        String d = direction.toUpperCase(Locale.ROOT);
        if (c.debitValues().stream().anyMatch(v -> v.equalsIgnoreCase(d))) {
            return amount.negate();
        }
        if (c.creditValues().stream().anyMatch(v -> v.equalsIgnoreCase(d))) {
            return amount;
        }
        throw new RowRejectedException(c.direction() + " '" + direction + "' is not one of "
                + String.join(", ", c.creditValues()) + ", " + String.join(", ", c.debitValues()));
    }
}
