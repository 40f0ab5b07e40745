package dev.o2c.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear error, never a stack trace and never silence (on the embedded store). */
class BadInputIT {

    @TempDir
    Path tmp;
    Path input;
    Path store;

    @BeforeEach
    void company() {
        input = TestCompany.write(tmp.resolve("input"));
        store = tmp.resolve("store");
    }

    Cli close(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("close", "--as-of", "2025-10-31", "--input", input.toString(),
                "--out", tmp.resolve("out").toString(), "--db", "jdbc:h2:file:" + store.toAbsolutePath().resolve("o2c")));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void aMissingRequiredFileExitsTwoNamingItAndTouchesNoStore() throws IOException {
        Files.delete(input.resolve("customers.csv"));
        Cli result = close();
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith("o2c: customers.csv: required file is missing").doesNotContain("Exception");
        assertThat(result.err().lines()).hasSize(1);
        assertThat(store).doesNotExist();
    }

    @Test
    void aMissingRequiredColumnExitsTwoNamingFileAndColumn() throws IOException {
        Path invoices = input.resolve("invoices.csv");
        List<String> lines = Files.readAllLines(invoices);
        lines.set(0, lines.get(0).replace(",amount,", ",total,"));
        Files.write(invoices, lines);
        Cli result = close();
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("o2c: invoices.csv:1: missing required column 'amount'");
        assertThat(store).doesNotExist();
    }

    @Test
    void malformedRowsGoToRejectsWithTheirLineAndTheRunGoesOn() throws IOException {
        Path invoices = input.resolve("invoices.csv");
        long lines = Files.readAllLines(invoices).size();
        // the generated file's columns end with original_invoice_id and disputed
        Files.writeString(invoices, "BAD-1,C0001,,2025-10-05,2025-11-04,USD,12.345,INVOICE,,\n"
                + "BAD-2,C9999,,2025-10-05,2025-11-04,USD,10.00,INVOICE,,\n"
                + "=HYPERLINK(\"x\"),C0001,,2025-10-32,2025-11-04,USD,10.00,INVOICE,,\n", StandardOpenOption.APPEND);
        Cli result = close();
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<CSVRecord> rejects = Files2.csv(tmp.resolve("out/rejects/invoices.csv"));
        assertThat(rejects).extracting(r -> r.get("line")).containsExactly(
                String.valueOf(lines + 1), String.valueOf(lines + 2), String.valueOf(lines + 3));
        assertThat(rejects.get(0).get("reason")).contains("amount '12.345'").contains("more than 2 decimals");
        assertThat(rejects.get(1).get("reason")).isEqualTo("customer_id 'C9999' is not a known customer");
        assertThat(rejects.get(1).get("raw")).isEqualTo("BAD-2,C9999,,2025-10-05,2025-11-04,USD,10.00,INVOICE,,");
        assertThat(rejects.get(2).get("raw")).startsWith("'=HYPERLINK");
        String manifest = Files2.read(tmp.resolve("out/manifest.json"));
        assertThat(manifest).contains("\"rejected\": 3");
    }

    @Test
    void aFileThatIsNotUtf8FailsAloneWithItsLineAndTheOthersStayLoaded() throws IOException {
        Files.write(input.resolve("receipts.csv"), "R-X,C0001,2025-10-05,USD,10.00,,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1),
                StandardOpenOption.APPEND);
        Cli result = close();
        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        assertThat(result.err()).containsPattern("o2c: receipts\\.csv:\\d+: not valid UTF-8")
                .contains("o2c: control failed: input file refused: receipts.csv");
        assertThat(CloseJobContract.count("jdbc:h2:file:" + store.toAbsolutePath().resolve("o2c"),
                "SELECT COUNT(*) FROM input_file WHERE name = 'invoices.csv'")).isEqualTo(1);
        assertThat(CloseJobContract.count("jdbc:h2:file:" + store.toAbsolutePath().resolve("o2c"),
                "SELECT COUNT(*) FROM receipt_line")).isZero();
    }

    @Test
    void aFileNothingReadsFailsItsControlUnlessConfigurationLeavesItOut() throws IOException {
        // neither a generic name (invoices-november.csv would be a delta of invoices) nor a layout any profile has:
        // an extract the controller expected may be missing from the figures
        Files.writeString(input.resolve("billing-november.csv"), "invoice_id\nX\n");
        Files.writeString(input.resolve("README.txt"), "what this folder is\n");
        Cli result = close();
        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        assertThat(result.err()).contains("billing-november.csv: not an input file this version reads")
                .contains("o2c: control failed: input file not read: billing-november.csv")
                .contains("o2c: control failed: input file not read: README.txt");
        String manifest = Files2.read(tmp.resolve("out/manifest.json"));
        assertThat(manifest).contains("\"refused_inputs\"").contains("\"file\": \"billing-november.csv\"");
        assertThat(Files2.read(tmp.resolve("out/exceptions.csv"))).contains("INPUT_FILE_NOT_READ");

        // left out on purpose: the README by name, and it is said in the manifest's parameters
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("application.yml"), "o2c:\n  inputs:\n    ignore: [\"README*\", \"billing-*.csv\"]\n");
        Cli ignored = close("--config", config.toString());
        assertThat(ignored.exitCode()).as(ignored.err()).isZero();
        assertThat(Files2.read(tmp.resolve("out/manifest.json"))).contains("\"ignore\"").contains("\"README*\"")
                .contains("\"ignored_inputs\"").contains("\"file\": \"README.txt\"").contains("\"pattern\": \"README*\"")
                .doesNotContain("refused_inputs");
    }

    @Test
    void aKindOfInputExpectedEveryMonthThatIsMissingFailsItsControl() throws IOException {
        Files.delete(input.resolve("receipts.csv"));
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("application.yml"), "o2c:\n  inputs:\n    expected: [invoices, receipts, bank]\n");
        Cli result = close("--config", config.toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        assertThat(result.err()).contains("o2c: no receipts file in input, and o2c.inputs.expected says every run brings one")
                .contains("o2c: control failed: expected input missing: receipts")
                .doesNotContain("expected input missing: invoices");
        assertThat(Files2.read(tmp.resolve("out/exceptions.csv"))).contains("INPUT_EXPECTED_MISSING");

        Files.writeString(config.resolve("application.yml"), "o2c:\n  inputs:\n    expected: [invoices, payments]\n");
        Cli wrong = close("--config", config.toString());
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("o2c.inputs.expected: 'payments' is not one of customers, orders, invoices, receipts, fx_rates, bank");
    }

    @Test
    void aBankCsvNoProfileFitsFailsAloneAndTheCloseGoesOn() throws IOException {
        Files.writeString(input.resolve("bank/other-bank.csv"), "Buchungstag;Betrag;Verwendungszweck\n01.10.2025;10,00;INV-1\n");
        Cli result = close();
        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        assertThat(result.err()).contains("o2c: bank/other-bank.csv:1: ")
                .contains("o2c: control failed: input file refused: bank/other-bank.csv");
        assertThat(Files2.read(tmp.resolve("out/manifest.json"))).contains("\"file\": \"bank/other-bank.csv\"");
        assertThat(tmp.resolve("out/cash-application.csv")).exists();
    }

    @Test
    void aMissingExchangeRateNamesCurrencyAndDate() throws IOException {
        Path rates = input.resolve("fx_rates.csv");
        Files.write(rates, Files.readAllLines(rates).stream().filter(l -> !l.contains(",GBP,")).toList());
        Cli result = close();
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("no exchange rate GBP to USD on or before");
    }

    @Test
    void aBadConfigurationValueExitsTwoNamingTheKeyAndTouchesNoStore() throws IOException {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("application.yml"), "o2c:\n  aging:\n    buckets: [30, 20, 90]\n");
        Cli result = close("--config", config.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("o2c.aging.buckets").contains("[30, 20, 90]");
        assertThat(store).doesNotExist();
    }

    @Test
    void aMisspeltSettingExitsTwoNamingItsFileAndLineAndTouchesNoStore() throws IOException {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("application.yml"), "o2c:\n  entity: Test Co\n  aging:\n    bukets: [30, 60]\n"
                + "  mail:\n    enabled: false\n");
        Cli result = close("--config", config.toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains("o2c: configuration o2c.aging.bukets: not a setting", "application.yml] - 4:",
                "the settings under o2c are entity, functional-currency, aging,");
        assertThat(store).doesNotExist();

        Files.writeString(config.resolve("application.yml"), "o2c:\n  mail:\n    enabled: false\n    atempts: 2\n");
        Cli mail = close("--config", config.toString());
        assertThat(mail.exitCode()).isEqualTo(2);
        assertThat(mail.err()).contains("o2c.mail.atempts: not a setting");
        assertThat(store).doesNotExist();
    }

    @Test
    void aBankStatementThatCannotBeReadFailsAloneNamingItsLine() throws IOException {
        TestCompany.writeBrokenStatement(input);
        Cli result = close();
        // the file fails alone: the run ends, every output written, with a failed control (exit 3)
        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        assertThat(result.err()).contains("o2c: bank/broken.xml:4: amount '12..34' is not a decimal number")
                .contains("o2c: control failed: input file refused: bank/broken.xml").doesNotContain("\tat ");
        assertThat(CloseJobContract.count("jdbc:h2:file:" + store.toAbsolutePath().resolve("o2c"),
                "SELECT COUNT(*) FROM input_file WHERE name = 'bank/statement-usd-2025-10.csv'")).isEqualTo(1);
        assertThat(CloseJobContract.count("jdbc:h2:file:" + store.toAbsolutePath().resolve("o2c"),
                "SELECT COUNT(*) FROM input_file WHERE name = 'bank/broken.xml'")).isZero();
        Path out = tmp.resolve("out");
        assertThat(out.resolve("ar-aging-summary-2025-10-31.pdf")).isNotEmptyFile();
        assertThat(out.resolve("ar-aging-2025-10-31.xlsx")).isNotEmptyFile();
        assertThat(Files2.csv(out.resolve("exceptions.csv"))).anySatisfy(r -> {
            assertThat(r.get("category")).isEqualTo("INPUT_FILE_REFUSED");
            assertThat(r.get("entity_id")).isEqualTo("bank/broken.xml");
            assertThat(r.get("reason")).isEqualTo("bank/broken.xml:4: amount '12..34' is not a decimal number");
        });
        String manifest = Files2.read(out.resolve("manifest.json"));
        assertThat(manifest).contains("\"refused_inputs\"").contains("\"reason\": \"bank/broken.xml:4: amount '12..34' is not a decimal number\"")
                .contains("\"name\": \"input file refused: bank/broken.xml\"").contains("\"controls_passed\": false");
        // the file mended, the same run reads it and its refusal is gone
        Files.delete(input.resolve("bank/broken.xml"));
        Cli again = close();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files2.read(out.resolve("manifest.json"))).doesNotContain("refused_inputs");
    }
}
