package dev.o2c.jobs.config;

import dev.o2c.readers.bank.BankCsvProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bank CSV layouts a company configures, one file each in {@code config/bank-csv/*.yml},
 * tried in file-name order before the built-in {@code generic} one. A profile with a key we do
 * not know, or a value we cannot use, stops the run naming the file, the key and the value.
 */
public final class BankCsvProfiles {

    private static final Set<String> KEYS = Set.of("name", "match", "delimiter", "encoding", "date-format", "decimal-separator",
            "thousands-separator", "columns", "account", "currency");
    private static final Set<String> COLUMN_KEYS = Set.of("transaction-id", "account", "currency", "booking-date", "value-date",
            "amount", "debit", "credit", "direction", "debit-values", "credit-values", "counterparty-name", "counterparty-account",
            "remittance", "structured-reference", "type-code", "customer-reference", "balance");

    private BankCsvProfiles() {
    }

    /** The profiles of {@code dir} (which may be absent), then the generic one. */
    public static List<BankCsvProfile> load(Path dir) {
        List<BankCsvProfile> profiles = new ArrayList<>();
        for (Path file : ProfileYaml.files(dir)) {
            profiles.add(read(file));
        }
        profiles.add(BankCsvProfile.GENERIC);
        return List.copyOf(profiles);
    }

    static BankCsvProfile read(Path file) {
        ProfileYaml y = ProfileYaml.read(file, KEYS);
        Object columnsValue = y.get("columns");
        if (!(columnsValue instanceof Map<?, ?> columns)) {
            throw y.problem("columns", "is required: a mapping of our fields to the file's column names");
        }
        y.keysIn(columns, "columns.", COLUMN_KEYS);
        try {
            return new BankCsvProfile(
                    y.text("name", y.baseName()),
                    y.list(y.get("match"), "match"),
                    y.character("delimiter", ','),
                    y.charset("encoding", "UTF-8"),
                    y.text("date-format", "yyyy-MM-dd"),
                    y.character("decimal-separator", '.'),
                    y.get("thousands-separator") == null ? null : y.character("thousands-separator", ','),
                    new BankCsvProfile.Columns(
                            column(columns, "transaction-id"), column(columns, "account"), column(columns, "currency"),
                            column(columns, "booking-date"), column(columns, "value-date"), column(columns, "amount"),
                            column(columns, "debit"), column(columns, "credit"), column(columns, "direction"),
                            y.list(columns.get("debit-values"), "columns.debit-values"),
                            y.list(columns.get("credit-values"), "columns.credit-values"),
                            column(columns, "counterparty-name"), column(columns, "counterparty-account"),
                            y.list(columns.get("remittance"), "columns.remittance"),
                            column(columns, "structured-reference"), column(columns, "type-code"),
                            column(columns, "customer-reference"), column(columns, "balance")),
                    y.get("account") == null ? null : String.valueOf(y.get("account")),
                    y.get("currency") == null ? null : String.valueOf(y.get("currency")));
        } catch (IllegalArgumentException e) {
            throw y.problem("the profile", e.getMessage());
        }
    }

    private static String column(Map<?, ?> columns, String key) {
        Object v = columns.get(key);
        return v == null ? null : String.valueOf(v);
    }
}
