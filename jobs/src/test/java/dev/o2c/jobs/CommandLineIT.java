package dev.o2c.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The commands besides close: statement and generate, and usage errors. */
class CommandLineIT {

    @TempDir
    Path tmp;

    @Test
    void generateIsDeterministicForASeedAndDiffersForAnother() {
        assertThat(Cli.run("generate", "--out", tmp.resolve("a").toString(), "--customers", "20", "--invoices", "200", "--months", "3").exitCode()).isZero();
        assertThat(Cli.run("generate", "--out", tmp.resolve("b").toString(), "--customers", "20", "--invoices", "200", "--months", "3").exitCode()).isZero();
        assertThat(Cli.run("generate", "--out", tmp.resolve("c").toString(), "--customers", "20", "--invoices", "200", "--months", "3", "--seed", "9").exitCode()).isZero();
        assertThat(Files2.hashes(tmp.resolve("a"))).isEqualTo(Files2.hashes(tmp.resolve("b")));
        assertThat(Files2.hashes(tmp.resolve("a"))).isNotEqualTo(Files2.hashes(tmp.resolve("c")));
        assertThat(Files2.hashes(tmp.resolve("a"))).containsKeys("customers.csv", "orders.csv", "invoices.csv", "receipts.csv",
                "fx_rates.csv", "truth/cash-application.csv");
    }

    @Test
    void statementPrintsTheNormalizedJson() {
        Path input = TestCompany.write(tmp.resolve("input"));
        Cli result = Cli.run("statement", input.resolve("bank/statement-usd-2025-10.csv").toString(), "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(result.out());
        assertThat(json.get("format").asString()).isEqualTo("csv");
        JsonNode statement = json.get("statements").get(0);
        assertThat(statement.get("currency").asString()).isEqualTo("USD");
        assertThat(statement.get("opening_balance").isNull()).isTrue();
        JsonNode tx = statement.get("transactions").get(0);
        assertThat(tx.get("amount").asString()).matches("-?\\d+\\.\\d{2}");
        assertThat(tx.get("bank_reference").asString()).startsWith("US2025");
        assertThat(tx.get("details").isArray()).isTrue();
    }

    @Test
    void aStatementWithABadLinePrintsNothingAndNamesFileAndLine() throws IOException {
        Path file = tmp.resolve("bad.csv");
        Files.writeString(file, "account,currency,booking_date,amount\nA1,USD,2025-10-01,10.00\nA1,USD,2025-10-02,ten\n");
        Cli result = Cli.run("statement", file.toString(), "--json");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip()).isEqualTo(file + ":3: amount 'ten' is not a decimal number like 1234.50");
    }

    @Test
    void everyCommandExplainsItselfWithHelp() {
        for (String command : java.util.List.of("close", "nightly", "schedule", "runs", "restart", "mail", "statement", "generate")) {
            Cli help = Cli.run(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).startsWith("Usage: o2c " + command).contains("-h, --help");
        }
        Cli top = Cli.run("--help");
        assertThat(top.out()).contains("close", "nightly", "schedule", "runs", "restart", "mail", "statement", "generate");
    }

    @Test
    void usageErrorsExitTwoWithoutAStackTrace() {
        Cli noAsOf = Cli.run("close", "--input", "x", "--out", "y");
        assertThat(noAsOf.exitCode()).isEqualTo(2);
        assertThat(noAsOf.err()).contains("--as-of").doesNotContain("Exception");
        Cli badDate = Cli.run("close", "--as-of", "2025-02-30", "--input", "x", "--out", "y");
        assertThat(badDate.exitCode()).isEqualTo(2);
        Cli missingFile = Cli.run("statement", tmp.resolve("nope.csv").toString(), "--json");
        assertThat(missingFile.exitCode()).isEqualTo(2);
        assertThat(missingFile.err().strip()).endsWith("nope.csv: file not found");
    }
}
