package dev.o2c.jobs.close;

import dev.o2c.readers.bank.BankCsvProfile;
import dev.o2c.readers.bank.BankFormat;
import dev.o2c.readers.csv.CsvTable;
import dev.o2c.readers.csv.InputFormatException;
import dev.o2c.readers.erp.ErpExtract;
import dev.o2c.readers.erp.ExtractFiles;
import dev.o2c.readers.erp.MappingProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The input directory of a close (CONTRACTS.md section 2), checked before anything
 * touches the store: the required extracts are there, every file has the columns it
 * needs, and every bank statement is in a format this build reads. A failure is an
 * {@link InputFormatException} naming the file (and column or line).
 */
public final class InputDirectory {

    private InputDirectory() {
    }

    /**
     * The files to load: ERP extracts in load order (customers first; within an extract, by
     * name, so deltas load in the order their names sort), then bank statements by name.
     *
     * <p>A top-level file is an extract when its name is a generic one ({@code invoices.csv},
     * or with a suffix such as {@code invoices-2025-10-02.csv}, or {@code .xlsx}), when a mapping
     * profile names it by its {@code files} globs, or when exactly one profile's columns are all
     * in its header (the profile with the most columns wins; a tie is an error, since guessing
     * could load the wrong layout).
     */
    public static List<InputFileRef> scan(Path dir, List<BankCsvProfile> profiles) {
        return scan(dir, profiles, List.of());
    }

    public static List<InputFileRef> scan(Path dir, List<BankCsvProfile> profiles, List<MappingProfile> mappings) {
        if (!Files.isDirectory(dir)) {
            throw new InputFormatException(dir.toString(), "not a directory");
        }
        List<InputFileRef> files = new ArrayList<>();
        for (Path file : topLevelFiles(dir)) {
            String name = file.getFileName().toString();
            MappingProfile profile = profileOf(file, name, mappings);
            if (profile == null) {
                continue;
            }
            // Opening reads the header and checks the columns the profile needs.
            ExtractFiles.open(file, name, profile).close();
            String type = ExtractFiles.isSpreadsheet(name) ? "xlsx" : "csv";
            String format = profile.isGeneric() ? "generic-" + type : type + ":" + profile.name();
            files.add(new InputFileRef(name, file, kindOf(profile.extract()), format, sha256(file), profile));
        }
        for (ErpExtract extract : ErpExtract.values()) {
            if (extract.required() && files.stream().noneMatch(f -> f.profile().extract() == extract)) {
                throw new InputFormatException(extract.fileName(), "required file is missing from " + dir
                        + " (nor does a mapping profile read any file there as " + extract.label() + ")");
            }
        }
        files.sort(java.util.Comparator.comparing((InputFileRef f) -> f.profile().extract()).thenComparing(InputFileRef::name));
        Path bank = dir.resolve("bank");
        if (Files.isDirectory(bank)) {
            List<Path> statements;
            try (Stream<Path> walk = Files.walk(bank)) {
                statements = walk.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Path file : statements) {
                String name = dir.relativize(file).toString().replace('\\', '/');
                BankFormat format = BankFormat.detect(file, name);
                String label = format.label();
                if (format == BankFormat.CSV) {
                    BankCsvProfile profile;
                    try {
                        profile = csvProfile(file, name, profiles);
                    } catch (InputFormatException e) {
                        // a bank file no profile fits fails alone, as one that cannot be read does
                        files.add(InputFileRef.refused(name, file, InputKind.BANK, sha256(file), e.getMessage()));
                        continue;
                    }
                    label = profile == BankCsvProfile.GENERIC ? "csv" : "csv:" + profile.name();
                }
                files.add(new InputFileRef(name, file, InputKind.BANK, label, sha256(file)));
            }
        }
        return files;
    }

    /**
     * The bank CSV profile whose columns the file's header has, tried in order.
     *
     * @throws InputFormatException naming the file and its columns when none fits
     */
    public static BankCsvProfile csvProfile(Path file, String name, List<BankCsvProfile> profiles) {
        List<String> seen = null;
        InputFormatException unreadable = null;
        for (BankCsvProfile p : profiles) {
            List<String> header;
            try {
                header = CsvTable.header(file, name, p.delimiter(), p.encoding());
            } catch (InputFormatException e) {
                // with another layout's separator the header may not even parse: not this layout
                unreadable = e;
                continue;
            }
            if (p.matches(header)) {
                return p;
            }
            if (p == BankCsvProfile.GENERIC) {
                seen = header;
            }
        }
        if (seen == null && unreadable != null) {
            throw unreadable;
        }
        throw new InputFormatException(name, 1, "not a camt, MT940/942 or BAI2 statement, and no bank CSV profile fits its header " + seen
                + "; the generic one needs account, currency, booking_date, amount; other layouts go in config/bank-csv/");
    }

    /** The profile named in a file's format label ({@code csv} or {@code csv:NAME}). */
    public static BankCsvProfile profileOf(String format, List<BankCsvProfile> profiles) {
        String name = format.startsWith("csv:") ? format.substring(4) : "generic";
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("bank CSV profile " + name + " is no longer configured"));
    }

    /**
     * The mapping profile of a top-level file, or null when it is none of our inputs.
     *
     * @throws InputFormatException when the header fits two profiles equally well
     */
    public static MappingProfile profileOf(Path file, String name, List<MappingProfile> mappings) {
        java.util.Optional<ErpExtract> generic = ErpExtract.ofGenericName(name);
        if (generic.isPresent()) {
            return MappingProfile.generic(generic.get());
        }
        for (MappingProfile p : mappings) {
            if (p.namesFile(name)) {
                return p;
            }
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!(lower.endsWith(".csv") || lower.endsWith(".txt") || lower.endsWith(".tsv") || lower.endsWith(".xlsx"))) {
            return null;
        }
        MappingProfile best = null;
        MappingProfile tie = null;
        for (MappingProfile p : mappings) {
            List<String> header;
            try {
                header = ExtractFiles.header(file, name, p);
            } catch (InputFormatException e) {
                continue; // not readable as this layout (another encoding, no header where it expects one)
            }
            if (!p.fits(header)) {
                continue;
            }
            if (best == null || p.sourceColumns().size() > best.sourceColumns().size()) {
                best = p;
                tie = null;
            } else if (p.sourceColumns().size() == best.sourceColumns().size()) {
                tie = p;
            }
        }
        if (tie != null) {
            throw new InputFormatException(name, "its header fits the mapping profiles " + best.name() + " and " + tie.name()
                    + " equally; name the file in one of them (files:)");
        }
        return best;
    }

    /**
     * Files at the top of the directory that no extract name or mapping profile reads: unless
     * configuration leaves them out, each fails the control "input file not read", since a file
     * left out in silence may be an extract missing from the figures.
     */
    public static List<String> unreadFiles(Path dir, List<MappingProfile> mappings) {
        List<String> ignored = new ArrayList<>();
        for (Path file : topLevelFiles(dir)) {
            String name = file.getFileName().toString();
            try {
                if (profileOf(file, name, mappings) == null) {
                    ignored.add(name);
                }
            } catch (InputFormatException e) {
                // scan reports it
            }
        }
        return ignored;
    }

    private static List<Path> topLevelFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputKind kindOf(ErpExtract extract) {
        return InputKind.valueOf(extract.name());
    }

    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
