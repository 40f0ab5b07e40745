package dev.o2c.jobs.config;

import dev.o2c.readers.bank.BankCsvProfile;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

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
        if (dir != null && Files.isDirectory(dir)) {
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Path file : files) {
                profiles.add(read(file));
            }
        }
        profiles.add(BankCsvProfile.GENERIC);
        return List.copyOf(profiles);
    }

    static BankCsvProfile read(Path file) {
        Map<String, Object> map;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            if (!(doc instanceof Map<?, ?> m)) {
                throw problem(file, "the file", "is not a mapping of keys to values");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> cast = (Map<String, Object>) m;
            map = cast;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw problem(file, "the file", "is not YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        for (String key : map.keySet()) {
            if (!KEYS.contains(key)) {
                throw problem(file, key, "is not a profile key; allowed: " + String.join(", ", new java.util.TreeSet<>(KEYS)));
            }
        }
        Object columnsValue = map.get("columns");
        if (!(columnsValue instanceof Map<?, ?> columns)) {
            throw problem(file, "columns", "is required: a mapping of our fields to the file's column names");
        }
        for (Object key : columns.keySet()) {
            if (!COLUMN_KEYS.contains(String.valueOf(key))) {
                throw problem(file, "columns." + key, "is not a field; allowed: " + String.join(", ", new java.util.TreeSet<>(COLUMN_KEYS)));
            }
        }
        try {
            return new BankCsvProfile(
                    text(file, map, "name", nameOf(file)),
                    list(file, map.get("match"), "match"),
                    character(file, map, "delimiter", ','),
                    charset(file, text(file, map, "encoding", "UTF-8")),
                    text(file, map, "date-format", "yyyy-MM-dd"),
                    character(file, map, "decimal-separator", '.'),
                    map.get("thousands-separator") == null ? null : character(file, map, "thousands-separator", ','),
                    new BankCsvProfile.Columns(
                            column(columns, "transaction-id"), column(columns, "account"), column(columns, "currency"),
                            column(columns, "booking-date"), column(columns, "value-date"), column(columns, "amount"),
                            column(columns, "debit"), column(columns, "credit"), column(columns, "direction"),
                            list(file, columns.get("debit-values"), "columns.debit-values"),
                            list(file, columns.get("credit-values"), "columns.credit-values"),
                            column(columns, "counterparty-name"), column(columns, "counterparty-account"),
                            list(file, columns.get("remittance"), "columns.remittance"),
                            column(columns, "structured-reference"), column(columns, "type-code"),
                            column(columns, "customer-reference"), column(columns, "balance")),
                    map.get("account") == null ? null : String.valueOf(map.get("account")),
                    map.get("currency") == null ? null : String.valueOf(map.get("currency")));
        } catch (IllegalArgumentException e) {
            throw problem(file, "the profile", e.getMessage());
        }
    }

    private static String nameOf(Path file) {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    private static String column(Map<?, ?> columns, String key) {
        Object v = columns.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static String text(Path file, Map<String, Object> map, String key, String fallback) {
        Object v = map.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    private static char character(Path file, Map<String, Object> map, String key, char fallback) {
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        String s = String.valueOf(v);
        if (s.equals("\\t") || s.equals("tab")) {
            return '\t';
        }
        if (s.length() != 1) {
            throw problem(file, key, "'" + s + "' must be one character");
        }
        return s.charAt(0);
    }

    private static Charset charset(Path file, String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw problem(file, "encoding", "'" + name + "' is not an encoding this Java knows (UTF-8, windows-1252, ISO-8859-1, ...)");
        }
    }

    private static List<String> list(Path file, Object value, String key) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        throw problem(file, key, "must be a list");
    }

    private static IllegalArgumentException problem(Path file, String key, String what) {
        return new IllegalArgumentException(file + ": " + key + " " + what);
    }
}
