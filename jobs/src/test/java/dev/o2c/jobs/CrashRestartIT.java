package dev.o2c.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A close killed with SIGKILL in the middle of each step, in a child JVM, then run again: the
 * outputs are byte for byte those of a close that was never interrupted, and the store holds no
 * row twice. While the killed close is paused, a second close of the same date is refused. On
 * the embedded H2 store and on PostgreSQL; and a nightly run, killed in a step it shares with the
 * close and in its own, on H2.
 */
class CrashRestartIT {

    /** Where each step is interrupted: after the first input file is committed, and mid-transaction in the others. */
    private static final List<String> POINTS = List.of("load:after-first-file", "reconcile:after-allocations",
            "compute:after-open-items", "publish:after-aging-csv");

    /** Tables a restart must not fill twice, with the uninterrupted run's counts. */
    private static final List<String> TABLES = List.of("input_file", "rejected_record", "input_notice", "customer", "sales_order",
            "ar_document", "receipt_line", "fx_rate", "bank_statement", "bank_transaction", "bank_transaction_detail", "run_input",
            "cash_allocation", "open_item", "run_exception", "run_control", "run_figures", "month_end_snapshot", "customer_version",
            "sales_order_version", "ar_document_version", "receipt_line_version", "fx_rate_version");

    @TempDir
    static Path tmp;
    static Path input;
    static Map<String, String> reference;
    static Map<String, Long> referenceCounts;

    @BeforeAll
    static void closeOnceUninterrupted() {
        input = TestCompany.write(tmp.resolve("input"));
        String db = "jdbc:h2:file:" + tmp.resolve("reference-store").toAbsolutePath().resolve("o2c");
        Cli done = close(db, tmp.resolve("reference"));
        assertThat(done.exitCode()).as(done.err()).isZero();
        reference = Files2.hashes(tmp.resolve("reference"));
        referenceCounts = counts(db);
    }

    @Test
    void killedInEveryStepOnH2FinishesAsIfNeverKilled() throws Exception {
        for (String point : POINTS) {
            String name = point.replace(':', '-');
            String db = "jdbc:h2:file:" + tmp.resolve("h2-" + name).toAbsolutePath().resolve("o2c");
            killAndRestart(point, db, tmp.resolve("out-h2-" + name), "is in use by another o2c process", true);
        }
        String db = "jdbc:h2:file:" + tmp.resolve("h2-" + POINTS.get(0).replace(':', '-')).toAbsolutePath().resolve("o2c");
        Cli unknown = Cli.run("restart", "close-2025-10-31-000000000000", "--db", db);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no run close-2025-10-31-000000000000 on this store");
        String runId = lastRun(db).get("run_id").asString();
        Cli finished = Cli.run("restart", runId, "--db", db);
        assertThat(finished.exitCode()).as(finished.err()).isZero();
        assertThat(finished.out()).contains("finished already (done)", "nothing to restart");
    }

    @Test
    void killedInEveryStepOnPostgresFinishesAsIfNeverKilled() throws Exception {
        for (String point : POINTS) {
            killAndRestart(point, TestPostgres.freshDatabase(), tmp.resolve("out-pg-" + point.replace(':', '-')),
                    "a run as of " + TestCompany.AS_OF + " is already running", false);
        }
    }

    @Test
    void aRestartIsRefusedWhenTheInputsChangedSinceTheRunStarted() throws Exception {
        Path changed = TestCompany.write(tmp.resolve("input-to-change"));
        String db = "jdbc:h2:file:" + tmp.resolve("h2-changed").toAbsolutePath().resolve("o2c");
        Path out = tmp.resolve("out-changed");
        Path marker = tmp.resolve("paused-changed");
        Process child = child(db, out, POINTS.get(0), marker, changed);
        try {
            for (int waited = 0; !Files.exists(marker); waited++) {
                assertThat(child.isAlive()).as("the child ended before its pause point: " + log(out)).isTrue();
                assertThat(waited).as("the child never reached its pause point").isLessThan(1_200);
                Thread.sleep(100);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(60, TimeUnit.SECONDS);
        }
        Files.writeString(changed.resolve("customers.csv"), "\n", java.nio.file.StandardOpenOption.APPEND); // a blank line more
        String runId = lastRun(db).get("run_id").asString();
        Cli restart = Cli.run("restart", runId, "--db", db);
        assertThat(restart.exitCode()).isEqualTo(1);
        assertThat(restart.err()).contains("cannot restart run " + runId + ": its input files or settings changed", "nothing was done");
    }

    @Test
    void aNightlyRunKilledInItsOwnStepOrASharedOneFinishesAsIfNeverKilled() throws Exception {
        String referenceDb = "jdbc:h2:file:" + tmp.resolve("nightly-reference-store").toAbsolutePath().resolve("o2c");
        Cli done = Cli.run("nightly", "--as-of", TestCompany.AS_OF.toString(), "--input", input.toString(), "--out",
                tmp.resolve("nightly-reference").toString(), "--db", referenceDb);
        assertThat(done.exitCode()).as(done.err()).isZero();
        Map<String, String> nightlyReference = Files2.hashes(tmp.resolve("nightly-reference"));
        assertThat(nightlyReference).containsKeys("cash-application.csv", "cash-application-daily.json", "exceptions.csv",
                "manifest.json");
        for (String point : List.of("reconcile:after-allocations", "report:after-cash-application-csv")) {
            String name = "nightly-" + point.replace(':', '-');
            String db = "jdbc:h2:file:" + tmp.resolve(name).toAbsolutePath().resolve("o2c");
            Path out = tmp.resolve("out-" + name);
            Path marker = tmp.resolve("paused-" + name);
            Process child = child("nightly", db, out, point, marker, input);
            try {
                for (int waited = 0; !Files.exists(marker); waited++) {
                    assertThat(child.isAlive()).as(point + ": the child ended before its pause point: " + log(out)).isTrue();
                    assertThat(waited).as(point + ": the child never reached its pause point").isLessThan(1_200);
                    Thread.sleep(100);
                }
            } finally {
                child.destroyForcibly();
                child.waitFor(60, TimeUnit.SECONDS);
            }
            JsonNode killed = lastRun(db);
            assertThat(killed.get("kind").asString()).isEqualTo("nightly");
            assertThat(killed.get("status").asString()).as(point).isEqualTo("interrupted");
            Cli again = Cli.run("restart", killed.get("run_id").asString(), "--db", db);
            assertThat(again.exitCode()).as(point + ": " + again.err()).isZero();
            assertThat(again.out()).contains("nightly " + TestCompany.AS_OF + ": run " + killed.get("run_id").asString() + " done");
            assertThat(Files2.hashes(out)).as(point + ": the outputs after the restart").isEqualTo(nightlyReference);
            assertThat(CloseJobContract.count(db, "SELECT count(*) FROM cash_allocation")).as(point)
                    .isEqualTo(CloseJobContract.count(referenceDb, "SELECT count(*) FROM cash_allocation"));
        }
    }

    /** @param restartCommand finish with {@code o2c restart RUN_ID} rather than the same close command */
    private static void killAndRestart(String point, String db, Path out, String refusal, boolean restartCommand) throws Exception {
        Path marker = tmp.resolve("paused-" + out.getFileName());
        Process child = child(db, out, point, marker);
        try {
            for (int waited = 0; !Files.exists(marker); waited++) {
                assertThat(child.isAlive()).as(point + ": the child ended before its pause point: " + log(out)).isTrue();
                assertThat(waited).as(point + ": the child never reached its pause point").isLessThan(1_200);
                Thread.sleep(100);
            }
            Cli second = close(db, tmp.resolve("second-" + out.getFileName()));
            assertThat(second.exitCode()).as(point + ": " + second.err()).isEqualTo(1);
            assertThat(second.err()).as(point).contains(refusal).contains("nothing was done");
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the JVM, the store's files as they were
            child.waitFor(60, TimeUnit.SECONDS);
        }
        JsonNode killed = lastRun(db);
        assertThat(killed.get("status").asString()).as(point).isEqualTo("interrupted");
        Cli again = restartCommand ? Cli.run("restart", killed.get("run_id").asString(), "--db", db) : close(db, out);
        assertThat(again.exitCode()).as(point + ": " + again.err()).isZero();
        assertThat(lastRun(db).get("status").asString()).as(point).isEqualTo("done");
        assertThat(Files2.hashes(out)).as(point + ": the outputs after the restart").isEqualTo(reference);
        assertThat(counts(db)).as(point + ": rows in the store").isEqualTo(referenceCounts);
    }

    /** The newest attempt, as {@code o2c runs --json} gives it. */
    private static JsonNode lastRun(String db) {
        Cli runs = Cli.run("runs", "--last", "1", "--json", "--db", db);
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        return CloseJobContract.JSON.readTree(runs.out()).get(0);
    }

    private static Cli close(String db, Path out) {
        return Cli.run(args(db, out).toArray(String[]::new));
    }

    private static List<String> args(String db, Path out) {
        return List.of("close", "--as-of", TestCompany.AS_OF.toString(), "--input", input.toString(), "--out", out.toString(),
                "--db", db);
    }

    private static Process child(String db, Path out, String point, Path marker) throws IOException {
        return child(db, out, point, marker, input);
    }

    private static Process child(String db, Path out, String point, Path marker, Path inputDir) throws IOException {
        return child("close", db, out, point, marker, inputDir);
    }

    private static Process child(String kind, String db, Path out, String point, Path marker, Path inputDir) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), O2cApplication.class.getName()));
        command.addAll(List.of(kind, "--as-of", TestCompany.AS_OF.toString(), "--input", inputDir.toString(), "--out",
                out.toString(), "--db", db));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile(out).toFile());
        pb.environment().put("O2C_TEST_PAUSE_AT", point);
        pb.environment().put("O2C_TEST_PAUSE_MARKER", marker.toString());
        return pb.start();
    }

    private static Path logFile(Path out) {
        return tmp.resolve("child-" + out.getFileName() + ".log");
    }

    private static String log(Path out) throws IOException {
        return Files.exists(logFile(out)) ? Files.readString(logFile(out)) : "(no log)";
    }

    private static Map<String, Long> counts(String db) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, CloseJobContract.count(db, "SELECT count(*) FROM " + table));
        }
        return counts;
    }
}
