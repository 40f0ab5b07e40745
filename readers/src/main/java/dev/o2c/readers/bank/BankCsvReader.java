package dev.o2c.readers.bank;

import static dev.o2c.readers.csv.Fields.currency;
import static dev.o2c.readers.csv.Fields.date;
import static dev.o2c.readers.csv.Fields.decimal;
import static dev.o2c.readers.csv.Fields.optionalDate;
import static dev.o2c.readers.csv.Fields.toMoney;

import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.money.Money;
import dev.o2c.readers.csv.CsvTable;
import dev.o2c.readers.csv.RecordReader;
import dev.o2c.readers.csv.RowMapper;
import dev.o2c.readers.csv.RowRejectedException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Bank CSV, the {@code generic} bank profile of CONTRACTS.md section 2: one row per
 * booked line. Either {@code amount} is signed (credits positive) and there is no
 * {@code type} column, or {@code amount} is positive and {@code type} is CREDIT or DEBIT.
 * A line without {@code transaction_id} gets a stable id from the file's hash and its position.
 */
public final class BankCsvReader {

    public static final List<String> REQUIRED_COLUMNS = List.of("account", "currency", "booking_date", "amount");

    private BankCsvReader() {
    }

    /**
     * Opens a bank CSV file.
     *
     * @param name the file's name within the input directory, as outputs will name it
     * @param sha256 the file's hash, for the ids of lines that carry none
     */
    public static RecordReader<BankTransaction> open(Path file, String name, String sha256) {
        CsvTable table = CsvTable.open(file, name, ',', REQUIRED_COLUMNS);
        boolean typed = table.hasColumn("type");
        return new RecordReader<>(table, mapper(name, sha256, typed), t -> t.account() + '\u0000' + t.transactionId(), "transaction_id");
    }

    private static RowMapper<BankTransaction> mapper(String name, String sha256, boolean typed) {
        long[] position = {0};
        return row -> {
            long pos = ++position[0];
            var currency = currency(row, "currency");
            BigDecimal amount = decimal(row, "amount");
            if (typed) {
                String type = row.get("type");
                if (type == null) {
                    throw new RowRejectedException("type is required (CREDIT or DEBIT) when the file has a type column");
                }
                if (amount.signum() < 0) {
                    throw new RowRejectedException("amount '" + amount.toPlainString() + "' must be positive when type gives the sign");
                }
                switch (type.toUpperCase(Locale.ROOT)) {
                    case "CREDIT" -> { }
                    case "DEBIT" -> amount = amount.negate();
                    default -> throw new RowRejectedException("type '" + type + "' is not one of CREDIT, DEBIT");
                }
            }
            if (amount.signum() == 0) {
                throw new RowRejectedException("amount is zero");
            }
            Money money = toMoney("amount", amount, currency);
            LocalDate booking = date(row, "booking_date");
            LocalDate value = optionalDate(row, "value_date");
            String account = row.get("account");
            if (account == null) {
                throw new RowRejectedException("account is required");
            }
            String reference = row.get("transaction_id");
            return BankTransaction.builder().bankReference(reference)
                    .transactionId(EntryIds.isReference(reference) ? reference : sha256.substring(0, 12) + "-" + pos).account(account)
                    .bookingDate(booking).valueDate(value).amount(money)
                    .counterpartyName(row.get("counterparty_name")).counterpartyAccount(row.get("counterparty_account"))
                    .remittanceInfo(row.get("remittance_info")).structuredReference(row.get("structured_reference"))
                    .typeCode(row.get("bank_transaction_code")).customerReference(row.get("customer_reference"))
                    .statementFile(name).position(pos).line(row.line()).build();
        };
    }
}
