package dev.o2c.jobs.cli;

import dev.o2c.jobs.close.RunHistory;
import dev.o2c.jobs.close.RunKind;
import dev.o2c.jobs.config.ConfigDirectory;
import dev.o2c.jobs.schedule.Schedule;
import dev.o2c.jobs.schedule.ScheduleSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code o2c schedule}: the long-lived service (a systemd unit, a container) that runs the nightly
 * and the month-end close at the times {@code o2c.schedule} gives. Stops on SIGTERM or Ctrl-C
 * between runs at once; a run in progress is asked to stop and is finished by the next start.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Run as a service: the nightly run and the month-end close at the times o2c.schedule in the configuration "
                + "gives, catching up what is due and not done at start.")
final class ScheduleCommand implements Callable<Integer> {

    @Option(names = "--plan", paramLabel = "N", description = "print the next N runs and exit, instead of running them")
    Integer plan;

    @Option(names = "--from", paramLabel = "DATETIME",
            description = "with --plan: the runs after this time (ISO 8601 with zone or offset, e.g. 2026-12-01T00:00Z); default now")
    ZonedDateTime from;

    @CommandLine.Mixin
    StoreOptions storeOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (plan != null && plan < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--plan " + plan + ": expected 1 or more");
        }
        PrintWriter err = spec.commandLine().getErr();
        Path configDir = ConfigDirectory.resolve(storeOptions.config);
        StoreContext started = StoreContext.start(storeOptions.db, configDir, err);
        if (started.context() == null) {
            return started.exitCode();
        }
        ScheduleSettings settings;
        try (ConfigurableApplicationContext context = started.context()) {
            settings = context.getBean(ScheduleSettings.class);
        }
        if (!settings.nightlyEnabled() && !settings.closeEnabled()) {
            err.println("o2c: configuration o2c.schedule: neither nightly.enabled nor close.enabled is true: nothing to schedule");
            return O2cCommand.USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (plan != null) {
            Schedule.plan(settings, from == null ? ZonedDateTime.now() : from, plan).forEach(out::println);
            out.flush();
            return O2cCommand.OK;
        }
        List<String> store = new ArrayList<>();
        if (storeOptions.db != null) {
            store.addAll(List.of("--db", storeOptions.db));
        }
        if (configDir != null) {
            store.addAll(List.of("--config", configDir.toAbsolutePath().toString()));
        }
        Schedule.runUntilStopped(settings, Clock.systemUTC(), store, (kind, asOf) -> finished(configDir, kind, asOf), out);
        return O2cCommand.OK;
    }

    /** Whether the store holds a finished run of that kind and date; opened for the question, closed after. */
    private boolean finished(Path configDir, RunKind kind, LocalDate asOf) {
        StoreContext started = StoreContext.start(storeOptions.db, configDir, spec.commandLine().getErr());
        if (started.context() == null) {
            return false; // the run itself will say what is wrong with the store
        }
        try (ConfigurableApplicationContext context = started.context()) {
            return context.getBean(RunHistory.class).attempts(Integer.MAX_VALUE).stream()
                    .anyMatch(a -> a.asOf().equals(asOf) && RunKind.of(a.runId()) == kind
                            && (a.status().equals("done") || a.status().equals("controls failed")));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the run history: " + e.getMessage(), e);
        }
    }
}
