package dev.o2c.jobs.cli;

import dev.o2c.jobs.O2cProperties;
import dev.o2c.jobs.close.CloseLauncher;
import dev.o2c.jobs.close.CloseOutcome;
import dev.o2c.jobs.close.InputDirectory;
import dev.o2c.jobs.close.InputFileRef;
import dev.o2c.jobs.close.RunKind;
import dev.o2c.jobs.config.ConfigDirectory;
import dev.o2c.jobs.mail.MailNotSentException;
import dev.o2c.jobs.mail.PackMailer;
import dev.o2c.jobs.mail.RunOutputs;
import dev.o2c.readers.bank.BankCsvProfile;
import dev.o2c.readers.erp.MappingProfile;
import dev.o2c.writers.store.LedgerQueries;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What {@code o2c close} and {@code o2c nightly} share: the input directory and the configuration
 * checked before anything touches the store (exit 2 on either), the run on the embedded H2 store or
 * the PostgreSQL given with {@code --db}, the summary, and the alert when a run that started stops.
 */
abstract class LaunchCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "the input directory (CONTRACTS.md section 2)")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the outputs go")
    Path out;

    /** Set by {@code o2c restart}: the run this must be, or it is refused. */
    @Option(names = "--expect-run", hidden = true, paramLabel = "RUN_ID")
    String expectedRunId;

    @CommandLine.Mixin
    StoreOptions storeOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    abstract RunKind kind();

    abstract LocalDate asOf();

    /** Sends a finished run's mails (exit 0 or 3), read from its output folder; returns a line per mail sent. */
    abstract List<String> send(PackMailer mailer, Path out);

    /** After the summary of a run that finished: where its main outputs are. */
    abstract void printOutputs(PrintWriter out, Path dir);

    @Override
    public Integer call() throws Exception {
        Path configDir = ConfigDirectory.resolve(storeOptions.config);
        List<BankCsvProfile> profiles = ConfigDirectory.bankCsvProfiles(configDir);
        List<MappingProfile> mappings = ConfigDirectory.mappingProfiles(configDir);
        List<InputFileRef> files = InputDirectory.scan(input, profiles, mappings);
        StoreContext started = StoreContext.start(storeOptions.db, configDir, spec.commandLine().getErr());
        if (started.context() == null) {
            return started.exitCode();
        }
        ConfigurableApplicationContext context = started.context();
        try (context) {
            LedgerQueries store = context.getBean(LedgerQueries.class);
            for (InputFileRef file : files) {
                if (store.inputFile(file.sha256()).isPresent()) {
                    spec.commandLine().getErr().println("o2c: notice: " + file.name() + ": already loaded (same content, sha256 "
                            + file.sha256().substring(0, 12) + "), skipped");
                }
            }
            CloseOutcome outcome = context.getBean(CloseLauncher.class).run(kind(), asOf(), input, out, files, expectedRunId);
            report(outcome);
            if (outcome.exitCode() == O2cCommand.FAILED && outcome.jobExecutionId() >= 0) {
                alertFailed(context.getBean(PackMailer.class), context.getBean(O2cProperties.class).entity(), outcome);
                return outcome.exitCode();
            }
            if (outcome.exitCode() != O2cCommand.OK && outcome.exitCode() != O2cCommand.CONTROLS_FAILED) {
                return outcome.exitCode();
            }
            return mail(context.getBean(PackMailer.class), outcome);
        }
    }

    /**
     * After a run that finished: its mails, where mail is on. A mail that cannot be sent leaves the outputs as
     * they are and says how to send it again; a run that tied out then ends with {@link O2cCommand#MAIL_NOT_SENT}.
     */
    private int mail(PackMailer mailer, CloseOutcome outcome) {
        if (!mailer.enabled()) {
            return outcome.exitCode();
        }
        try {
            send(mailer, outcome.out()).forEach(spec.commandLine().getOut()::println);
            return outcome.exitCode();
        } catch (MailNotSentException e) {
            e.failures().forEach(f -> spec.commandLine().getErr().println("o2c: mail not sent: " + f));
            spec.commandLine().getErr().println("o2c: the outputs are in " + outcome.out().toAbsolutePath().normalize()
                    + "; send again with: o2c mail --run " + outcome.runId());
            return outcome.exitCode() == O2cCommand.OK ? O2cCommand.MAIL_NOT_SENT : outcome.exitCode();
        }
    }

    /** A run that started and stopped: the alert, where mail is on; a mail that fails is said, the exit stays 1. */
    private void alertFailed(PackMailer mailer, String entity, CloseOutcome outcome) {
        if (!mailer.enabled()) {
            return;
        }
        try {
            mailer.alertFailedRun(kind().jobName(), entity, asOf(), outcome.runId(), outcome.errors(), outcome.out())
                    .forEach(spec.commandLine().getOut()::println);
        } catch (MailNotSentException e) {
            e.failures().forEach(f -> spec.commandLine().getErr().println("o2c: mail not sent: " + f));
        }
    }

    private void report(CloseOutcome outcome) {
        var o = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        outcome.errors().forEach(line -> err.println("o2c: " + line));
        Path dir = outcome.out().toAbsolutePath().normalize();
        String kind = kind().jobName();
        switch (outcome.exitCode()) {
            case O2cCommand.OK -> o.printf("%s %s: run %s done, every control tied out.%n", kind, asOf(), outcome.runId());
            case O2cCommand.CONTROLS_FAILED -> o.printf("%s %s: run %s done, but at least one control FAILED: see %s%n",
                    kind, asOf(), outcome.runId(), dir.resolve("manifest.json"));
            default -> {
                if (outcome.jobExecutionId() < 0) {
                    o.printf("%s %s: run %s not started.%n", kind, asOf(), outcome.runId());
                } else {
                    o.printf("%s %s: run %s FAILED (execution %d); fix the cause and run the same command again (or o2c restart %s)"
                            + " to restart it.%n", kind, asOf(), outcome.runId(), outcome.jobExecutionId(), outcome.runId());
                }
            }
        }
        boolean finished = outcome.exitCode() == O2cCommand.OK || outcome.exitCode() == O2cCommand.CONTROLS_FAILED;
        CloseSummary.print(o, outcome.steps(), finished ? RunOutputs.controls(dir) : List.of());
        if (finished) {
            printOutputs(o, dir);
        }
        o.flush();
    }
}
