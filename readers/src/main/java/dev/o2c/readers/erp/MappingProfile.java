package dev.o2c.readers.erp;

import dev.o2c.readers.csv.SourceRow;
import dev.o2c.readers.csv.WrittenDates;
import dev.o2c.readers.csv.WrittenNumbers;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How one ERP writes one extract: which of its columns is which of ours, how it writes
 * dates and numbers, the sign, the encoding, the separator, the title lines above the
 * header, and fields it does not write at all (constants). A profile turns the ERP's rows
 * into rows of the generic layout (CONTRACTS.md section 2), which the generic checks then
 * take as they take our own files. Immutable; built from {@code config/mappings/*.yml}.
 *
 * @param files file-name globs ({@code *FBL5N*.csv}) that pick the profile without looking
 *        at the header; empty to be chosen by the header alone
 * @param delimiter null to tell from the header line (one of {@code , ; tab |})
 * @param decimalSeparator null for "the one that is not the delimiter": a comma when the
 *        file is separated by semicolons (as European locales write), a point otherwise
 * @param columns our field to the ERP's column name
 * @param alternatives our field to other names the same column has in other exports of the same
 *        layout (the ERP's other languages: {@code Belegnummer}, {@code Document Number},
 *        {@code Nº documento}); a file is read with the first name of each field its header has
 * @param values our field to a translation of the ERP's codes ({@code DG} to {@code CREDIT_MEMO});
 *        a code not listed rejects the row
 * @param constants our field to the value every row has
 * @param indicator where the sign is a debit/credit column, else null
 */
public record MappingProfile(
        String name,
        String description,
        ErpExtract extract,
        List<String> files,
        Charset encoding,
        Character delimiter,
        int skipLines,
        Character decimalSeparator,
        Character thousandsSeparator,
        WrittenDates dates,
        Map<String, String> columns,
        Map<String, List<String>> alternatives,
        Map<String, Map<String, String>> values,
        Map<String, String> constants,
        SignIndicator indicator,
        NegativeAmounts negativeAmounts) {

    /** What a negative amount means. */
    public enum NegativeAmounts {
        /** nothing we load: the row is rejected (our amounts are positive, the type gives the sign) */
        REJECT,
        /** invoices: a credit memo for the amount without its sign */
        CREDIT_MEMO,
        /** the amount without its sign (an ERP that writes payments as credits) */
        ABSOLUTE
    }

    /**
     * A column that says debit or credit; the amount is then unsigned, and a credit (a
     * reduction of what the customer owes) is negative.
     */
    public record SignIndicator(String column, List<String> debitValues, List<String> creditValues) {
        public SignIndicator {
            Objects.requireNonNull(column, "column");
            debitValues = List.copyOf(debitValues);
            creditValues = List.copyOf(creditValues);
            if (debitValues.isEmpty() || creditValues.isEmpty()) {
                throw new IllegalArgumentException("the sign indicator needs its debit values and its credit values");
            }
        }
    }

    public MappingProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(extract, "extract");
        files = List.copyOf(files);
        Objects.requireNonNull(encoding, "encoding");
        if (skipLines < 0) {
            throw new IllegalArgumentException("skip_lines must not be negative");
        }
        Objects.requireNonNull(dates, "dates");
        columns = lowerValues(columns);
        Map<String, List<String>> others = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : (alternatives == null ? Map.<String, List<String>>of() : alternatives).entrySet()) {
            if (!columns.containsKey(e.getKey())) {
                throw new IllegalArgumentException("columns." + e.getKey() + ": other names for a field that no column gives");
            }
            List<String> names = new ArrayList<>();
            for (String n : e.getValue()) {
                if (n == null || n.isBlank()) {
                    throw new IllegalArgumentException("columns." + e.getKey() + ": an empty column name");
                }
                names.add(n.trim());
            }
            if (!names.isEmpty()) {
                others.put(e.getKey(), List.copyOf(names));
            }
        }
        alternatives = java.util.Collections.unmodifiableMap(others);
        values = Map.copyOf(values);
        constants = Map.copyOf(constants);
        negativeAmounts = negativeAmounts == null ? NegativeAmounts.REJECT : negativeAmounts;
        for (String field : columns.keySet()) {
            known(extract, field, "columns");
            if (constants.containsKey(field)) {
                throw new IllegalArgumentException(field + " is both a column and a constant");
            }
        }
        for (String field : constants.keySet()) {
            known(extract, field, "constants");
        }
        for (String field : values.keySet()) {
            known(extract, field, "values");
            if (!columns.containsKey(field)) {
                throw new IllegalArgumentException("values." + field + " translates a field that no column gives");
            }
        }
        for (String field : extract.requiredColumns()) {
            if (extract == ErpExtract.INVOICES && field.equals("due_date")) {
                continue; // a file of credit memos alone has none: each is due on its own date, an invoice without one is rejected
            }
            if (!columns.containsKey(field) && !constants.containsKey(field)) {
                throw new IllegalArgumentException(extract.label() + " need " + field + ": give it a column or a constant");
            }
        }
        if (negativeAmounts == NegativeAmounts.CREDIT_MEMO && extract != ErpExtract.INVOICES) {
            throw new IllegalArgumentException("negative_amounts: credit-memo is for invoices");
        }
        if (decimalSeparator != null && thousandsSeparator != null) {
            new WrittenNumbers(decimalSeparator, thousandsSeparator, null);
        }
    }

    /** A profile without other names for its columns. */
    public MappingProfile(String name, String description, ErpExtract extract, List<String> files, Charset encoding,
                          Character delimiter, int skipLines, Character decimalSeparator, Character thousandsSeparator,
                          WrittenDates dates, Map<String, String> columns, Map<String, Map<String, String>> values,
                          Map<String, String> constants, SignIndicator indicator, NegativeAmounts negativeAmounts) {
        this(name, description, extract, files, encoding, delimiter, skipLines, decimalSeparator, thousandsSeparator, dates,
                columns, Map.of(), values, constants, indicator, negativeAmounts);
    }

    private static Map<String, String> lowerValues(Map<String, String> columns) {
        Map<String, String> lower = new LinkedHashMap<>();
        columns.forEach((k, v) -> lower.put(k, v.trim()));
        return java.util.Collections.unmodifiableMap(lower);
    }

    private static void known(ErpExtract extract, String field, String where) {
        if (!extract.columns().contains(field)) {
            throw new IllegalArgumentException(where + "." + field + " is not a field of " + extract.label() + "; its fields: "
                    + String.join(", ", extract.columns()));
        }
    }

    /** Whether the profile names the file by its name. */
    public boolean namesFile(String fileName) {
        for (String glob : files) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            if (m.matches(Path.of(fileName)) || m.matches(Path.of(fileName.toLowerCase(Locale.ROOT)))) {
                return true;
            }
        }
        return false;
    }

    /** The ERP's columns the profile reads: a header must have them all to be this layout. */
    public List<String> sourceColumns() {
        List<String> source = new ArrayList<>(columns.values());
        if (indicator != null) {
            source.add(indicator.column());
        }
        return source;
    }

    /** How many of the profile's columns a header (as written) has, under any of their names. */
    public int fit(List<String> header) {
        List<String> lower = header.stream().map(h -> h == null ? "" : h.trim().toLowerCase(Locale.ROOT)).toList();
        int n = indicator != null && lower.contains(indicator.column().toLowerCase(Locale.ROOT)) ? 1 : 0;
        for (String field : columns.keySet()) {
            n += nameIn(field, lower) != null ? 1 : 0;
        }
        return n;
    }

    /** The field's name (its column's, or one of the other names) that the lower-cased header has, or null. */
    private String nameIn(String field, List<String> lowerHeader) {
        if (lowerHeader.contains(columns.get(field).toLowerCase(Locale.ROOT))) {
            return columns.get(field);
        }
        for (String other : alternatives.getOrDefault(field, List.of())) {
            if (lowerHeader.contains(other.toLowerCase(Locale.ROOT))) {
                return other;
            }
        }
        return null;
    }

    /**
     * The profile as a file with this header is read: each field under the name the header
     * gives it (the first of its names there), no other names left. Itself when it has none.
     */
    public MappingProfile forHeader(List<String> header) {
        if (alternatives.isEmpty()) {
            return this;
        }
        List<String> lower = header.stream().map(h -> h == null ? "" : h.trim().toLowerCase(Locale.ROOT)).toList();
        Map<String, String> chosen = new LinkedHashMap<>();
        columns.forEach((field, column) -> {
            String found = nameIn(field, lower);
            chosen.put(field, found != null ? found : column);
        });
        return new MappingProfile(name, description, extract, files, encoding, delimiter, skipLines, decimalSeparator,
                thousandsSeparator, dates, chosen, Map.of(), values, constants, indicator, negativeAmounts);
    }

    /** Whether the header has every column the profile reads. */
    public boolean fits(List<String> header) {
        return fit(header) == sourceColumns().size();
    }

    /** The separator of a file whose first line (the header, after the title lines) is this. */
    public char delimiterOf(String headerLine) {
        if (delimiter != null) {
            return delimiter;
        }
        char best = ',';
        long most = -1;
        for (char c : new char[]{',', ';', '\t', '|'}) {
            long n = headerLine.chars().filter(x -> x == c).count();
            if (n > most) {
                most = n;
                best = c;
            }
        }
        return best;
    }

    /** How numbers are written in a file separated by {@code delimiter}. */
    public WrittenNumbers numbers(char delimiter) {
        char decimal = decimalSeparator != null ? decimalSeparator : delimiter == ';' ? ',' : '.';
        Character thousands = thousandsSeparator;
        if (thousands != null && thousands == decimal) {
            thousands = null;
        }
        return new WrittenNumbers(decimal, thousands, "the " + name + " profile");
    }

    /** A row of the ERP's file seen as a row of ours. */
    public SourceRow map(SourceRow row, WrittenNumbers numbers) {
        return new MappedRow(this, row, numbers);
    }

    /** The profile that reads our own layout as it is: nothing renamed, nothing converted. */
    public static MappingProfile generic(ErpExtract extract) {
        Map<String, String> identity = new LinkedHashMap<>();
        extract.columns().forEach(c -> identity.put(c, c));
        return new MappingProfile("generic", "the generic layout of CONTRACTS.md section 2", extract, List.of(),
                StandardCharsets.UTF_8, ',', 0, '.', null, WrittenDates.of("yyyy-MM-dd"), identity, Map.of(), Map.of(), Map.of(), null,
                NegativeAmounts.REJECT);
    }

    public boolean isGeneric() {
        return name.equals("generic");
    }
}
