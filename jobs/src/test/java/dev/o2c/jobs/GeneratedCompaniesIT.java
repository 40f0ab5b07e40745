package dev.o2c.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.jobs.generate.CompanyGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures' properties on companies `o2c generate` writes (other seeds and shapes than
 * the contract's company), closed at two month-ends on one store: the buckets add up to the
 * total open, aging.csv adds up to it too, the roll-forward ties, every control passes, and
 * last month-end's total is this month's opening.
 */
class GeneratedCompaniesIT {

    @TempDir
    Path tmp;

    static JsonNode json(Path file) throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(file));
    }

    Cli close(Path input, String asOf, Path out) {
        return Cli.run("close", "--as-of", asOf, "--input", input.toString(), "--out", out.toString(),
                "--db", "jdbc:h2:file:" + tmp.resolve("store").toAbsolutePath().resolve("o2c"));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 19, 42})
    void bucketsTieRollForwardsTieAndMonthsChain(int seed) throws IOException {
        Path input = tmp.resolve("input");
        new CompanyGenerator(new CompanyGenerator.Settings(seed, 20 + seed, 300 + 10 * seed, 5, LocalDate.of(2025, 10, 31)))
                .writeTo(input);
        JsonNode previous = null;
        for (String asOf : List.of("2025-09-30", "2025-10-31")) {
            Path out = tmp.resolve("out-" + asOf);
            Cli result = close(input, asOf, out);
            assertThat(result.exitCode()).as("seed %d as of %s: %s", seed, asOf, result.err()).isZero();
            JsonNode kpis = json(out.resolve("kpis.json"));
            BigDecimal total = new BigDecimal(kpis.get("aging").get("total_open").asString());
            BigDecimal buckets = BigDecimal.ZERO;
            for (JsonNode b : kpis.get("aging").get("buckets")) {
                buckets = buckets.add(new BigDecimal(b.get("amount").asString()));
            }
            assertThat(buckets).as("seed %d as of %s: sum of buckets", seed, asOf).isEqualByComparingTo(total);
            BigDecimal detail = BigDecimal.ZERO;
            for (CSVRecord r : Files2.csv(out.resolve("aging.csv"))) {
                detail = detail.add(new BigDecimal(r.get("functional_amount")));
            }
            assertThat(detail).as("seed %d as of %s: aging.csv", seed, asOf).isEqualByComparingTo(total);
            assertThat(kpis.get("rollforward").get("difference").asString()).isEqualTo("0.00");
            kpis.get("rollforward_by_currency").forEach(c -> assertThat(c.get("difference").asString()).isEqualTo(
                    c.get("currency").asString().equals("JPY") ? "0" : "0.00"));
            assertThat(json(out.resolve("manifest.json")).get("controls_passed").asBoolean()).isTrue();
            if (previous != null) {
                assertThat(kpis.get("rollforward").get("opening_ar").asString())
                        .isEqualTo(previous.get("aging").get("total_open").asString());
                assertThat(kpis.get("trend").get(0).get("total_open").asString())
                        .isEqualTo(previous.get("aging").get("total_open").asString());
            }
            previous = kpis;
        }
    }

    /**
     * Every statement format as its banks write it (MT940 free text cut at 65, BAI2 text as three US
     * banks write it, cut at 80): the files read whole (BAI2's trailers add up), every credit is
     * decided, and no credit is applied AUTO to an invoice the truth does not name.
     */
    @ParameterizedTest
    @ValueSource(strings = {"camt", "mt940", "bai2", "csv"})
    void everyStatementFormatAsItsBanksWriteItIsReadAndAppliedRightly(String format) throws IOException {
        Path input = tmp.resolve("input");
        new CompanyGenerator(new CompanyGenerator.Settings(7, 40, 900, 4, LocalDate.of(2025, 10, 31), format)).writeTo(input);
        Path out = tmp.resolve("out");
        Cli result = close(input, "2025-10-31", out);
        assertThat(result.exitCode()).as("%s: %s", format, result.err()).isZero();
        java.util.Map<String, java.util.Set<String>> truth = new java.util.HashMap<>();
        for (CSVRecord r : Files2.csv(input.resolve("truth/cash-application.csv"))) {
            if (r.get("kind").equals("bank_debit")) {
                continue; // debits are no cash to apply
            }
            truth.computeIfAbsent(r.get("bank_transaction_id"), k -> new java.util.HashSet<>()).add(r.get("invoice_id"));
        }
        List<CSVRecord> rows = Files2.csv(out.resolve("cash-application.csv"));
        long credits = rows.stream().map(r -> r.get("bank_transaction_id")).distinct().count();
        assertThat(credits).as(format).isEqualTo(truth.size());
        List<CSVRecord> auto = rows.stream().filter(r -> r.get("status").equals("AUTO")).toList();
        assertThat(auto).as(format).isNotEmpty();
        assertThat(auto).as("%s: AUTO rows on an invoice the truth does not name", format)
                .allSatisfy(r -> assertThat(truth.get(r.get("bank_transaction_id"))).contains(r.get("invoice_id")));
        java.util.Map<String, java.util.Set<String>> payers = new java.util.HashMap<>();
        for (CSVRecord r : Files2.csv(input.resolve("truth/cash-application.csv"))) {
            payers.computeIfAbsent(r.get("bank_transaction_id"), k -> new java.util.HashSet<>()).add(r.get("customer_id"));
        }
        assertThat(rows.stream().filter(r -> r.get("status").equals("ON_ACCOUNT")).toList())
                .as("%s: ON_ACCOUNT rows for a customer who did not pay", format)
                .allSatisfy(r -> assertThat(payers.get(r.get("bank_transaction_id"))).contains(r.get("customer_id")));
    }
}
