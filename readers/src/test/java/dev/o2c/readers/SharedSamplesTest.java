package dev.o2c.readers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.o2c.readers.bank.BankCsvReader;
import dev.o2c.readers.bank.BankFormat;
import dev.o2c.readers.csv.CsvTable;
import dev.o2c.readers.csv.InputFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real statements written by others (../shared/samples, never copied into this
 * repository): every file is recognised as the format it is, or refused with a clear
 * error; none is misread as our bank CSV.
 */
class SharedSamplesTest {

    static final Path SAMPLES = Path.of(System.getProperty("o2c.samples", "../../shared/samples"));

    static {
        if (!Files.isDirectory(SAMPLES)) {
            System.err.println("SharedSamplesTest: " + SAMPLES.toAbsolutePath().normalize()
                    + " is absent; the conformance tests against real statements are SKIPPED");
        }
    }

    static List<Path> samples(String dir) throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES.resolve(dir))) {
            return files.filter(p -> !p.getFileName().toString().contains(".expected.")).sorted().toList();
        }
    }

    /**
     * The origins of the samples' second batch (its README): recognising their layouts (MT942
     * with {@code @@} for line breaks, among others) is issue 24's; until then they are held only
     * to never loading as bank CSV.
     */
    static final java.util.Set<String> SECOND_BATCH = java.util.Set.of("sandermarechal/jejik-mt940", "zilverline/mt940", "dovadi/mt940",
            "my-flow/mt940", "webschik/mt940-js", "mjebrahimi/SharpMt940Lib.Core", "ksdev-pl/mbank-mt940-parser",
            "viafintech/camt_parser", "svapnil/iso20022.js", "dvbern/iso20022", "VMelnalksnis/ISO20022DotNet",
            "ActiveArchitexture/BAI-BTRS-active-parsers", "dnsbty/bai2", "hengpor/bai2-to-csv");

    /** A marker no file of another format carries. */
    static boolean carriesMarker(String dir, String text) {
        return switch (dir) {
            case "bai2" -> text.startsWith("01,");
            case "mt940", "mt942" -> text.contains(":20:") && text.contains(":25:");
            default -> text.contains("<Document");
        };
    }

    @TestFactory
    List<DynamicTest> statementsAreRecognisedByContent() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES), "../shared/samples is absent: the conformance tests against real statements did not run");
        List<DynamicTest> tests = new ArrayList<>();
        java.util.Map<String, String[]> manifest = new java.util.HashMap<>();
        for (String line : Files.readAllLines(SAMPLES.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8)) {
            String[] row = line.split("\t", -1);
            if (row.length > 6) {
                manifest.put(row[0], row);
            }
        }
        for (String dir : List.of("bai2", "mt940", "mt942", "camt052", "camt053", "camt054")) {
            for (Path file : samples(dir)) {
                String[] row = manifest.get(dir + "/" + file.getFileName());
                boolean strict = row != null && !row[6].contains("NEGATIVE:") && !SECOND_BATCH.contains(row[2]);
                tests.add(DynamicTest.dynamicTest(dir + "/" + file.getFileName(), () -> {
                    String text = Files.readString(file, StandardCharsets.ISO_8859_1).replace("\uFEFF", "").replace("\u00EF\u00BB\u00BF", "").strip();
                    if (strict && carriesMarker(dir, text)) {
                        BankFormat expected = dir.equals("mt940") && text.contains(":34F:") ? BankFormat.MT942 : BankFormat.fromLabel(dir);
                        assertThat(BankFormat.detect(file, file.getFileName().toString())).isEqualTo(expected);
                    } else {
                        // fragments, junk, files that must be refused, and (until issue 24) the second batch:
                        // whatever they are taken for, they never load as bank CSV
                        assertThatCode(() -> {
                            try {
                                if (BankFormat.detect(file, file.getFileName().toString()) == BankFormat.CSV) {
                                    CsvTable.checkHeader(file, "x", ',', BankCsvReader.REQUIRED_COLUMNS);
                                    throw new AssertionError("read as bank CSV: " + file);
                                }
                            } catch (InputFormatException refused) {
                                // refused by the bank CSV header check, or by detection naming the file and line
                                assertThat(refused.getMessage()).matches("(x|" + java.util.regex.Pattern.quote(file.getFileName().toString())
                                        + "):\\d+: .+");
                            }
                        }).doesNotThrowAnyException();
                    }
                }));
            }
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> otherBanksCsvLayoutsAreRefusedNamingTheMissingColumn() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES), "../shared/samples is absent: the conformance tests against real statements did not run");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : samples("csv")) {
            tests.add(DynamicTest.dynamicTest("csv/" + file.getFileName(), () -> {
                assertThat(BankFormat.detect(file, "f.csv")).isEqualTo(BankFormat.CSV);
                // Their layouts need a bank CSV profile (issue 3); until then they are refused, never misread.
                try {
                    CsvTable.checkHeader(file, "f.csv", ',', BankCsvReader.REQUIRED_COLUMNS);
                    throw new AssertionError("a foreign layout passed the generic profile's header check: " + file);
                } catch (InputFormatException e) {
                    assertThat(e.getMessage()).matches("f\\.csv:1: missing required columns? '[a-z_]+'.*");
                }
            }));
        }
        return tests;
    }
}
