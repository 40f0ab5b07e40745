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

/**
 * A close killed with SIGKILL in the middle of each step, in a child JVM, then run again: the
 * outputs are byte for byte those of a close that was never interrupted, and the store holds no
 * row twice. While the killed close is paused, a second close of the same date is refused. On
 * the embedded H2 store and on PostgreSQL.
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
            killAndRestart(point, db, tmp.resolve("out-h2-" + name), "is in use by another o2c process");
        }
    }

    @Test
    void killedInEveryStepOnPostgresFinishesAsIfNeverKilled() throws Exception {
        for (String point : POINTS) {
            killAndRestart(point, TestPostgres.freshDatabase(), tmp.resolve("out-pg-" + point.replace(':', '-')),
                    "a close as of " + TestCompany.AS_OF + " is already running");
        }
    }

    private static void killAndRestart(String point, String db, Path out, String refusal) throws Exception {
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
        Cli again = close(db, out);
        assertThat(again.exitCode()).as(point + ": " + again.err()).isZero();
        assertThat(Files2.hashes(out)).as(point + ": the outputs after the restart").isEqualTo(reference);
        assertThat(counts(db)).as(point + ": rows in the store").isEqualTo(referenceCounts);
    }

    private static Cli close(String db, Path out) {
        return Cli.run(args(db, out).toArray(String[]::new));
    }

    private static List<String> args(String db, Path out) {
        return List.of("close", "--as-of", TestCompany.AS_OF.toString(), "--input", input.toString(), "--out", out.toString(),
                "--db", db);
    }

    private static Process child(String db, Path out, String point, Path marker) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), O2cApplication.class.getName()));
        command.addAll(args(db, out));
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
