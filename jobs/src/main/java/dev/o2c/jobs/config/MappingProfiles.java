package dev.o2c.jobs.config;

import dev.o2c.readers.csv.WrittenDates;
import dev.o2c.readers.erp.ErpExtract;
import dev.o2c.readers.erp.MappingProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ERP layouts a company configures, one file each in {@code config/mappings/*.yml}
 * (see {@code config/mappings/README.md}). A key we do not know, a field an extract does
 * not have, or a value we cannot use stops the run naming the file, the key and the value.
 */
public final class MappingProfiles {

    private static final Set<String> KEYS = Set.of("name", "description", "extract", "files", "encoding", "delimiter", "skip-lines",
            "decimal-separator", "thousands-separator", "date-formats", "columns", "values", "constants", "sign-indicator",
            "negative-amounts");
    private static final Set<String> INDICATOR_KEYS = Set.of("column", "debit", "credit");

    private MappingProfiles() {
    }

    /** The profiles of {@code dir} (which may be absent), in file-name order; names must differ. */
    public static List<MappingProfile> load(Path dir) {
        List<MappingProfile> profiles = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path file : ProfileYaml.files(dir)) {
            MappingProfile p = read(file);
            if (p.isGeneric() || !names.add(p.name())) {
                throw ProfileYaml.problem(file, "name", "'" + p.name() + "' is already the name of another profile");
            }
            profiles.add(p);
        }
        return List.copyOf(profiles);
    }

    static MappingProfile read(Path file) {
        ProfileYaml y = ProfileYaml.read(file, KEYS);
        String extractLabel = y.text("extract", null);
        ErpExtract extract = extractLabel == null ? null : ErpExtract.ofLabel(extractLabel);
        if (extract == null) {
            throw y.problem("extract", "'" + extractLabel + "' must be one of customers, orders, invoices, receipts, fx_rates");
        }
        Object columnsValue = y.get("columns");
        if (!(columnsValue instanceof Map<?, ?> columnsMap)) {
            throw y.problem("columns", "is required: a mapping of our fields to the file's column names");
        }
        // a field's column by one name, or by its names in the ERP's languages: [Belegnummer, Document Number]
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, List<String>> alternatives = new LinkedHashMap<>();
        columnsMap.forEach((k, v) -> {
            String field = String.valueOf(k);
            if (v instanceof List<?>) {
                List<String> names = y.list(v, "columns." + field);
                if (names.isEmpty()) {
                    throw y.problem("columns." + field, "names no column");
                }
                columns.put(field, names.get(0));
                alternatives.put(field, names.subList(1, names.size()));
            } else if (v instanceof Map<?, ?>) {
                throw y.problem("columns." + field, "must be a column name or a list of names");
            } else {
                columns.put(field, v == null ? null : String.valueOf(v));
            }
        });
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        Object valuesValue = y.get("values");
        if (valuesValue != null) {
            if (!(valuesValue instanceof Map<?, ?> vm)) {
                throw y.problem("values", "must be a mapping of our fields to code translations");
            }
            vm.forEach((k, v) -> values.put(String.valueOf(k), y.strings(v, "values." + k)));
        }
        MappingProfile.SignIndicator indicator = null;
        Object indicatorValue = y.get("sign-indicator");
        if (indicatorValue != null) {
            if (!(indicatorValue instanceof Map<?, ?> im)) {
                throw y.problem("sign-indicator", "must be a mapping with column, debit and credit");
            }
            y.keysIn(im, "sign-indicator.", INDICATOR_KEYS);
            if (im.get("column") == null) {
                throw y.problem("sign-indicator.column", "is required");
            }
            try {
                indicator = new MappingProfile.SignIndicator(String.valueOf(im.get("column")),
                        y.list(im.get("debit"), "sign-indicator.debit"), y.list(im.get("credit"), "sign-indicator.credit"));
            } catch (IllegalArgumentException e) {
                throw y.problem("sign-indicator", e.getMessage());
            }
        }
        String delimiter = y.text("delimiter", "auto");
        String decimal = y.text("decimal-separator", "auto");
        String thousands = y.text("thousands-separator", "none");
        String negative = y.text("negative-amounts", "reject");
        MappingProfile.NegativeAmounts negativeAmounts = switch (negative) {
            case "reject" -> MappingProfile.NegativeAmounts.REJECT;
            case "credit-memo" -> MappingProfile.NegativeAmounts.CREDIT_MEMO;
            case "absolute" -> MappingProfile.NegativeAmounts.ABSOLUTE;
            default -> throw y.problem("negative-amounts", "'" + negative + "' must be reject, credit-memo or absolute");
        };
        List<String> dateFormats = y.list(y.get("date-formats"), "date-formats");
        try {
            return new MappingProfile(
                    y.text("name", y.baseName()),
                    y.text("description", ""),
                    extract,
                    y.list(y.get("files"), "files"),
                    y.charset("encoding", "UTF-8"),
                    delimiter.equals("auto") ? null : y.character("delimiter", ','),
                    y.integer("skip-lines", 0),
                    decimal.equals("auto") ? null : y.character("decimal-separator", '.'),
                    thousands.equals("none") ? null : y.character("thousands-separator", null),
                    new WrittenDates(dateFormats.isEmpty() ? List.of("yyyy-MM-dd") : dateFormats),
                    columns, alternatives, values, y.strings(y.get("constants"), "constants"), indicator, negativeAmounts);
        } catch (IllegalArgumentException e) {
            throw y.problem("the profile", e.getMessage().toLowerCase(Locale.ROOT).startsWith("unknown pattern")
                    ? "date-formats: " + e.getMessage() : e.getMessage());
        }
    }
}
