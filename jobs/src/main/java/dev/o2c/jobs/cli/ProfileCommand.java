package dev.o2c.jobs.cli;

import dev.o2c.jobs.close.InputDirectory;
import dev.o2c.jobs.config.ConfigDirectory;
import dev.o2c.readers.csv.InputFormatException;
import dev.o2c.readers.csv.MissingColumns;
import dev.o2c.readers.csv.Outcome;
import dev.o2c.readers.csv.RecordReader;
import dev.o2c.readers.csv.RowMapper;
import dev.o2c.readers.csv.RowRejectedException;
import dev.o2c.readers.csv.SourceRow;
import dev.o2c.readers.csv.SourceTable;
import dev.o2c.readers.erp.ErpExtract;
import dev.o2c.readers.erp.ErpRows;
import dev.o2c.readers.erp.ExtractFiles;
import dev.o2c.readers.erp.MappingProfile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code o2c profile FILE}: what an implementer asks on the first day with a new ERP. Which
 * mapping profile reads the file and why (its name, or its header), else the nearest ones and
 * the columns each misses; the first rows as the generic layout sees them; and, over the whole
 * file, how many rows would load and why the others would be rejected. Nothing is stored:
 * customer ids are not checked against a master, nor a credit memo's or a receipt's invoice.
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Show which mapping profile reads an ERP extract, its first rows as they would load, and what would be rejected.")
final class ProfileCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the ERP extract (CSV, TXT, TSV or XLSX)")
    Path file;

    @Option(names = "--config", paramLabel = "DIR",
            description = "the configuration folder whose mappings/ holds the profiles; default $O2C_CONFIG, else ./config")
    Path config;

    @Option(names = "--rows", defaultValue = "5", description = "how many rows to show (default: ${DEFAULT-VALUE})")
    int rows;

    /** How many nearest profiles to show when none fits. */
    private static final int NEAREST = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new InputFormatException(file.toString(), "file not found");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<MappingProfile> mappings = ConfigDirectory.mappingProfiles(ConfigDirectory.resolve(config));
        MappingProfile profile = InputDirectory.profileOf(file, name, mappings);
        if (profile == null) {
            out.println(name + ": no profile reads it (its name is no generic extract's, and no profile names it or fits its header)");
            nearest(out, file, name, mappings);
            return O2cCommand.USAGE;
        }
        out.println(name + ": " + profile.extract().label() + " through the " + profile.name() + " profile, " + why(profile, name));
        Map<String, Long> rejected = new TreeMap<>();
        long loaded = 0;
        Seen table = new Seen(ExtractFiles.open(file, name, profile));
        try (RecordReader<?> reader = new RecordReader<>(table, mapper(profile.extract()), null, null)) {
            int n = 0;
            while (reader.hasNext()) {
                Outcome<?> o = reader.next();
                SourceRow row = table.last;
                if (o instanceof Outcome.Rejected<?> r) {
                    rejected.merge(r.reject().reason().replaceAll("'[^']*'", "'…'"), 1L, Long::sum);
                } else {
                    loaded++;
                }
                if (n++ < rows) {
                    out.println("  line " + o.line() + ": " + (o instanceof Outcome.Rejected<?> r ? "rejected: " + r.reject().reason()
                            : fields(profile.extract(), row)));
                }
            }
        }
        out.println(loaded + " rows would load, " + rejected.values().stream().mapToLong(Long::longValue).sum() + " would be rejected"
                + (rejected.isEmpty() ? "" : ":"));
        rejected.forEach((reason, count) -> out.println("  " + count + " x " + reason));
        out.println("(customer ids, and the invoices credit memos and receipts name, are checked when the close loads the file)");
        out.flush();
        return O2cCommand.OK;
    }

    /** The file's table, keeping the row last read: shown as the generic layout sees it, in the one pass that judges it. */
    private static final class Seen implements SourceTable {
        private final SourceTable table;
        SourceRow last;

        Seen(SourceTable table) {
            this.table = table;
        }

        @Override
        public String name() {
            return table.name();
        }

        @Override
        public Iterator<SourceRow> rows() {
            Iterator<SourceRow> rows = table.rows();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public SourceRow next() {
                    last = rows.next();
                    return last;
                }
            };
        }

        @Override
        public void close() {
            table.close();
        }
    }

    private static String why(MappingProfile profile, String name) {
        if (profile.isGeneric()) {
            return "by its name (the generic layout of CONTRACTS.md section 2)";
        }
        if (profile.namesFile(name)) {
            return "by its name (files: " + String.join(", ", profile.files()) + ")";
        }
        return "by its header, which has all " + profile.sourceColumns().size() + " columns the profile reads";
    }

    /** The profiles whose columns the header has most of, each with what it misses. */
    private static void nearest(PrintWriter out, Path file, String name, List<MappingProfile> mappings) {
        record Near(MappingProfile profile, List<String> header, int fit) {
        }
        List<MappingProfile> candidates = new ArrayList<>(mappings);
        for (ErpExtract extract : ErpExtract.values()) {
            candidates.add(MappingProfile.generic(extract)); // our own layouts, by their columns
        }
        List<Near> near = new ArrayList<>();
        for (MappingProfile p : candidates) {
            try {
                List<String> header = ExtractFiles.header(file, name, p);
                near.add(new Near(p, header, p.fit(header)));
            } catch (RuntimeException e) {
                // not readable as this layout
            }
        }
        near.sort(Comparator.comparingInt((Near x) -> -x.fit()).thenComparing(x -> x.profile().name()));
        for (Near x : near.subList(0, Math.min(NEAREST, near.size()))) {
            if (x.fit() == 0) {
                break;
            }
            List<String> header = x.header().stream().map(h -> h == null ? "" : h.trim().toLowerCase(Locale.ROOT)).toList();
            List<String> needed = (x.profile().isGeneric() ? x.profile().extract().requiredColumns()
                    : x.profile().forHeader(x.header()).sourceColumns()).stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
            out.println("  nearest: " + x.profile().name() + " (" + x.profile().extract().label() + "), " + x.fit() + " of "
                    + needed.size() + " columns; " + (MissingColumns.of(needed, header).isEmpty() ? "all there"
                    : MissingColumns.message(MissingColumns.of(needed, header), MissingColumns.unclaimed(header, needed))));
        }
    }

    private static RowMapper<?> mapper(ErpExtract extract) {
        return switch (extract) {
            case CUSTOMERS -> ErpRows.customers();
            case ORDERS -> ErpRows.orders(c -> true);
            case INVOICES -> ErpRows.invoices(c -> true);
            case RECEIPTS -> ErpRows.receipts(c -> true);
            case FX_RATES -> ErpRows.fxRates();
        };
    }

    /** A row as the generic layout sees it: each field the extract has, as the profile gives it. */
    private static String fields(ErpExtract extract, SourceRow row) {
        if (row == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String field : extract.columns()) {
            String value;
            try {
                value = row.get(field);
            } catch (RowRejectedException e) {
                value = "? (" + e.getMessage() + ")";
            }
            if (value != null) {
                parts.add(field + "=" + value);
            }
        }
        return String.join(", ", parts);
    }
}
