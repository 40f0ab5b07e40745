package dev.o2c.jobs.close;

import dev.o2c.readers.bank.BankCsvProfile;
import dev.o2c.readers.bank.BankFormat;
import dev.o2c.readers.csv.CsvTable;
import dev.o2c.readers.csv.InputFormatException;
import dev.o2c.readers.erp.ErpExtract;
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

    /** The files to load, extracts in load order then bank statements by name. */
    public static List<InputFileRef> scan(Path dir, List<BankCsvProfile> profiles) {
        if (!Files.isDirectory(dir)) {
            throw new InputFormatException(dir.toString(), "not a directory");
        }
        List<InputFileRef> files = new ArrayList<>();
        for (ErpExtract extract : ErpExtract.values()) {
            Path file = dir.resolve(extract.fileName());
            if (!Files.isRegularFile(file)) {
                if (extract.required()) {
                    throw new InputFormatException(extract.fileName(), "required file is missing from " + dir);
                }
                continue;
            }
            // Opening reads the header and checks the required columns.
            CsvTable.checkHeader(file, extract.fileName(), ',', extract.requiredColumns());
            files.add(new InputFileRef(extract.fileName(), file, kindOf(extract), "generic-csv", sha256(file)));
        }
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
                    BankCsvProfile profile = csvProfile(file, name, profiles);
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
     * Files at the top of the directory that are not an input this version reads: the
     * close ignores them, and says so, because a file left out in silence may be data lost.
     */
    public static List<String> ignoredFiles(Path dir) {
        java.util.Set<String> known = new java.util.HashSet<>();
        for (ErpExtract extract : ErpExtract.values()) {
            known.add(extract.fileName());
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !known.contains(n) && !n.startsWith(".")).sorted().toList();
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
