package dev.o2c.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code o2c schedule} as a real long-lived process: at start it runs the nightly that is due and
 * not done, then waits for the next; SIGTERM stops it; started again it does not run what is done.
 */
class ScheduleIT {

    @TempDir
    Path tmp;

    private Path config(String schedule) throws IOException {
        Path dir = tmp.resolve("config");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("application.yml"), """
                o2c:
                  entity: Test Company Ltd
                  schedule:
                %s
                """.formatted(schedule.indent(4).stripTrailing()));
        return dir;
    }

    private String store() {
        return "jdbc:h2:file:" + tmp.resolve("store").toAbsolutePath().resolve("o2c");
    }

    @Test
    void theServiceCatchesUpTheDueNightlyWaitsForTheNextAndStopsOnSigterm() throws Exception {
        Path input = TestCompany.write(tmp.resolve("input"));
        Path config = config("""
                zone: UTC
                nightly:
                  enabled: true
                  cron: "0 0 2 * * *"
                  input: %s
                  out: %s
                """.formatted(input, tmp.resolve("nightly")));
        Path log = tmp.resolve("schedule-1.log");
        String first = untilNextThenStop(config, log, store());
        String all = Files.readString(log);
        assertThat(all).contains("event=schedule_start zone=UTC nightly=\"0 0 2 * * *\" close=off catch_up=true",
                "event=schedule_catch_up kind=nightly", "event=schedule_stopped");
        assertThat(first).containsPattern("event=schedule_run_end kind=nightly as_of=\\S+ out=\"[^\"]+\" attempt=1 exit=0");
        // the nightly that was due: the latest 02:00 UTC, reporting the day before it
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        LocalDate latestFire = now.getHour() >= 2 ? now.toLocalDate() : now.toLocalDate().minusDays(1);
        List<Path> written;
        try (Stream<Path> folders = Files.list(tmp.resolve("nightly"))) {
            written = folders.toList();
        }
        assertThat(written).hasSize(1);
        LocalDate asOf = LocalDate.parse(written.get(0).getFileName().toString());
        assertThat(asOf).isIn(latestFire.minusDays(1), latestFire.minusDays(2)); // a start across 02:00 UTC may see either
        assertThat(written.get(0).resolve("manifest.json")).exists();
        assertThat(written.get(0).resolve("cash-application-daily.json")).exists();

        // started again: that nightly is done, nothing runs before the next time
        Path log2 = tmp.resolve("schedule-2.log");
        untilNextThenStop(config, log2, store());
        assertThat(Files.readString(log2)).contains("event=schedule_done_already kind=nightly as_of=" + asOf)
                .doesNotContain("event=schedule_run_start");
    }

    @Test
    void onPostgresTheServiceRunsTheDueCloseAndItsRunIsInTheHistory() throws Exception {
        Path input = TestCompany.write(tmp.resolve("input"));
        // business day 1 at midnight: last month's close is due whenever this runs after the first working day
        Path config = config("""
                zone: UTC
                close:
                  enabled: true
                  business-day: 1
                  cron: "0 0 0 * * *"
                  input: %s
                  out: %s
                retry:
                  attempts: 0
                """.formatted(input, tmp.resolve("close")));
        String db = TestPostgres.freshDatabase();
        String seen = untilNextThenStop(config, tmp.resolve("schedule-pg.log"), db);
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        LocalDate monthEnd = now.toLocalDate().withDayOfMonth(1).minusDays(1);
        if (seen.contains("event=schedule_catch_up kind=close")) {
            assertThat(seen).containsPattern("event=schedule_run_end kind=close as_of=" + monthEnd + " out=\\S+ attempt=1 exit=[03]");
            assertThat(tmp.resolve("close").resolve(monthEnd.toString()).resolve("manifest.json")).exists();
            Cli runs = Cli.run("runs", "--json", "--db", db, "--config", config.toString());
            JsonNode last = CloseJobContract.JSON.readTree(runs.out()).get(0);
            assertThat(last.get("kind").asString()).isEqualTo("close");
            assertThat(last.get("as_of").asString()).isEqualTo(monthEnd.toString());
        } else {
            // the first of a month that is a working day, before its midnight run: nothing is due yet
            assertThat(seen).contains("event=schedule_next kind=close as_of=" + monthEnd);
        }
    }

    @Test
    void thePlanIsPrintedAndANothingToScheduleIsAConfigurationError() throws Exception {
        Path config = config("""
                zone: Europe/Berlin
                calendar:
                  holidays: [2027-01-01]
                nightly:
                  enabled: true
                  cron: "0 30 1 * * TUE-SAT"
                  input: /srv/o2c/inbox
                  out: /srv/o2c/nightly
                close:
                  enabled: true
                  business-day: 3
                  input: /srv/o2c/inbox
                  out: /srv/o2c/close
                """);
        Cli plan = Cli.run("schedule", "--plan", "3", "--from", "2026-12-31T12:00Z", "--db", store(), "--config", config.toString());
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).isEqualTo("""
                2027-01-01T01:30+01:00 nightly as of 2026-12-31: --input /srv/o2c/inbox --out /srv/o2c/nightly/2026-12-31
                2027-01-02T01:30+01:00 nightly as of 2027-01-01: --input /srv/o2c/inbox --out /srv/o2c/nightly/2027-01-01
                2027-01-05T01:30+01:00 nightly as of 2027-01-04: --input /srv/o2c/inbox --out /srv/o2c/nightly/2027-01-04
                """);
        Cli close = Cli.run("schedule", "--plan", "9", "--from", "2026-12-31T12:00Z", "--db", store(), "--config", config.toString());
        assertThat(close.out()).contains("2027-01-06T06:00+01:00 close as of 2026-12-31: --input /srv/o2c/inbox --out /srv/o2c/close/2026-12-31");

        Path off = config("""
                zone: UTC
                """);
        Cli nothing = Cli.run("schedule", "--db", store(), "--config", off.toString());
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("o2c.schedule: neither nightly.enabled nor close.enabled is true: nothing to schedule");

        Path typo = config("""
                nightly:
                  enabled: true
                  crom: "0 0 2 * * *"
                """);
        Cli misspelt = Cli.run("schedule", "--db", store(), "--config", typo.toString());
        assertThat(misspelt.exitCode()).isEqualTo(2);
        assertThat(misspelt.err()).contains("o2c.schedule.nightly.crom: not a setting");
    }

    /**
     * Starts the service, waits until it has caught up and says when it runs next, then stops it with SIGTERM (as
     * systemd does) and checks that it ended within a minute; returns its log up to the wait's end.
     */
    private String untilNextThenStop(Path config, Path log, String db) throws Exception {
        Process service = start(config, log, db);
        String seen;
        try {
            seen = waitFor(service, log, "event=schedule_next");
        } finally {
            service.destroy();
        }
        assertThat(service.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute of SIGTERM").isTrue();
        return seen;
    }

    private Process start(Path config, Path log, String db) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), O2cApplication.class.getName(), "schedule", "--db", db, "--config",
                config.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the log holds {@code text}; returns the log then. */
    private static String waitFor(Process process, Path log, String text) throws Exception {
        for (int waited = 0; ; waited++) {
            String now = Files.exists(log) ? Files.readString(log) : "";
            if (now.contains(text)) {
                return now;
            }
            assertThat(process.isAlive()).as("the service ended: " + now).isTrue();
            assertThat(waited).as("no '" + text + "' within five minutes: " + now).isLessThan(3_000);
            Thread.sleep(100);
        }
    }
}
