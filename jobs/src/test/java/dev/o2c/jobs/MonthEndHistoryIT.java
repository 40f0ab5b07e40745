package dev.o2c.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Month-end snapshots on one store: each close of the latest month-end records its figures
 * (corrections may still come), a later month's trend reads them, and once a later
 * month-end is closed, closing the earlier one again must agree with its snapshot unless a
 * document of that month changed.
 */
class MonthEndHistoryIT {

    @TempDir
    Path tmp;

    Cli close(Path input, String asOf, String out) {
        return Cli.run("close", "--as-of", asOf, "--input", input.toString(), "--out", tmp.resolve(out).toString(),
                "--db", "jdbc:h2:file:" + tmp.resolve("store").toAbsolutePath().resolve("o2c"));
    }

    static JsonNode json(Path file) throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(file));
    }

    static List<String> failedControls(Path manifest) throws IOException {
        List<String> failed = new ArrayList<>();
        json(manifest).get("controls").forEach(c -> {
            if (!c.get("passed").asBoolean()) {
                failed.add(c.get("name").asString());
            }
        });
        return failed;
    }

    @Test
    void snapshotsFeedTheTrendAndAChangedClosedMonthFailsItsCheck() throws IOException {
        Path input = TestCompany.write(tmp.resolve("input"));
        assertThat(close(input, "2025-08-31", "aug").exitCode()).isZero();
        assertThat(close(input, "2025-09-30", "sep").exitCode()).isZero();
        Cli october = close(input, "2025-10-31", "oct");
        assertThat(october.exitCode()).as(october.err()).isZero();

        JsonNode kpis = json(tmp.resolve("oct/kpis.json"));
        List<String> points = new ArrayList<>();
        kpis.get("trend").forEach(p -> points.add(p.get("as_of").asString() + " " + p.get("source").asString()));
        assertThat(points).containsExactly("2025-08-31 snapshot", "2025-09-30 snapshot", "2025-10-31 this run");
        // the September point is what September's close reported
        JsonNode september = json(tmp.resolve("sep/kpis.json"));
        assertThat(kpis.get("trend").get(1).get("total_open").asString()).isEqualTo(september.get("aging").get("total_open").asString());
        assertThat(kpis.get("trend").get(1).get("dso_standard").asString()).isEqualTo(september.get("dso").get("standard").asString());
        // October is the latest month-end: still being closed, its snapshot follows each close, nothing to check
        assertThat(Files.readString(tmp.resolve("oct/manifest.json"))).doesNotContain("agrees with its snapshot");
        Files.writeString(input.resolve("invoices-october-correction.csv"), "invoice_id,customer_id,invoice_date,due_date,currency,amount\n"
                + "INV-OCT-FIX,C0001,2025-10-20,2025-11-19,USD,10.00\n");
        Cli octoberAgain = close(input, "2025-10-31", "oct-again");
        assertThat(octoberAgain.exitCode()).as(octoberAgain.err()).isZero();

        // September closed again, nothing changed: it agrees with its snapshot
        Cli again = close(input, "2025-09-30", "sep-again");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readString(tmp.resolve("sep-again/manifest.json"))).contains("month-end 2025-09-30 agrees with its snapshot");

        // an invoice back-dated into September arrives later: September no longer agrees (exit 3, nothing hidden)
        Files.writeString(input.resolve("invoices-late.csv"), "invoice_id,customer_id,invoice_date,due_date,currency,amount\n"
                + "INV-LATE-1,C0001,2025-09-15,2025-10-15,USD,1234.56\n");
        Cli changed = close(input, "2025-09-30", "sep-changed");
        assertThat(changed.exitCode()).as(changed.err()).isEqualTo(3);
        assertThat(failedControls(tmp.resolve("sep-changed/manifest.json")))
                .anyMatch(n -> n.startsWith("month-end 2025-09-30 agrees with its snapshot") && n.endsWith("total open AR"))
                .anyMatch(n -> n.endsWith("credit sales"));
    }
}
