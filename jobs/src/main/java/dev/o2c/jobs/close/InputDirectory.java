package dev.o2c.jobs.close;

import dev.o2c.readers.bank.BankCsvReader;
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
    public static List<InputFileRef> scan(Path dir) {
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
                if (format == BankFormat.CSV) {
                    CsvTable.checkHeader(file, name, ',', BankCsvReader.REQUIRED_COLUMNS);
                }
                files.add(new InputFileRef(name, file, InputKind.BANK, format.label(), sha256(file)));
            }
        }
        return files;
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
