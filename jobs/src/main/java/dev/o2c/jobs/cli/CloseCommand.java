package dev.o2c.jobs.cli;

import dev.o2c.jobs.CloseApplication;
import dev.o2c.jobs.O2cProperties;
import dev.o2c.jobs.close.CloseLauncher;
import dev.o2c.jobs.config.ConfigDirectory;
import dev.o2c.readers.bank.BankCsvProfile;
import dev.o2c.readers.erp.MappingProfile;
import dev.o2c.writers.store.LedgerQueries;
import dev.o2c.jobs.close.CloseOutcome;
import dev.o2c.jobs.close.InputDirectory;
import dev.o2c.jobs.close.InputFileRef;
import dev.o2c.jobs.close.OutputNames;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code o2c close}: checks the input directory and the configuration before anything
 * touches the store (exit 2 on either), then runs the close job on the embedded H2
 * store or the PostgreSQL given with {@code --db}.
 */
@Command(name = "close", mixinStandardHelpOptions = true,
        description = "Load everything in the input directory, reconcile, compute the month-end figures as of a date "
                + "and write the outputs.")
final class CloseCommand implements Callable<Integer> {

    @Option(names = "--as-of", required = true, paramLabel = "DATE", description = "the as-of date, YYYY-MM-DD")
    LocalDate asOf;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "the input directory (CONTRACTS.md section 2)")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the outputs go")
    Path out;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "the store; default an embedded H2 database under $O2C_HOME (./.o2c). "
                    + "Credentials from O2C_DB_USER and O2C_DB_PASSWORD.")
    String db;

    @Option(names = "--config", paramLabel = "DIR",
            description = "the configuration folder holding application.yml; default $O2C_CONFIG, else ./config")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path configDir = ConfigDirectory.resolve(config);
        List<BankCsvProfile> profiles = ConfigDirectory.bankCsvProfiles(configDir);
        List<MappingProfile> mappings = ConfigDirectory.mappingProfiles(configDir);
        List<InputFileRef> files = InputDirectory.scan(input, profiles, mappings);
        for (String ignored : InputDirectory.ignoredFiles(input, mappings)) {
            spec.commandLine().getErr().println("o2c: notice: " + ignored + " is not an input file this version reads; ignored");
        }
        List<String> args = new ArrayList<>();
        args.add("--spring.datasource.url=" + Store.url(db));
        Store.user().ifPresent(u -> args.add("--spring.datasource.username=" + u));
        Store.password().ifPresent(p -> args.add("--spring.datasource.password=" + p));
        if (configDir != null) {
            args.add("--spring.config.additional-location=optional:file:" + configDir.toAbsolutePath() + "/");
            args.add("--o2c.config-dir=" + configDir.toAbsolutePath());
        }
        SpringApplication app = new SpringApplication(CloseApplication.class);
        // The configuration is checked before the context starts: a bad value changes nothing, not even the schema.
        app.addListeners((org.springframework.context.ApplicationListener<ApplicationEnvironmentPreparedEvent>) event ->
                Binder.get(event.getEnvironment()).bind("o2c", O2cProperties.class)
                        .orElseGet(() -> new O2cProperties(null, null, null, null, null, null, null)).validate());
        ConfigurableApplicationContext context;
        try {
            context = app.run(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            return startupFailure(e);
        }
        try (context) {
            LedgerQueries store = context.getBean(LedgerQueries.class);
            for (InputFileRef file : files) {
                if (store.inputFile(file.sha256()).isPresent()) {
                    spec.commandLine().getErr().println("o2c: notice: " + file.name() + ": already loaded (same content, sha256 "
                            + file.sha256().substring(0, 12) + "), skipped");
                }
            }
            CloseOutcome outcome = context.getBean(CloseLauncher.class).run(asOf, input, out, files);
            report(outcome);
            return outcome.exitCode();
        }
    }

    private int startupFailure(RuntimeException e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof BindException bind) {
                Throwable cause = bind.getCause() == null ? bind : bind.getCause();
                spec.commandLine().getErr().println("o2c: configuration " + bind.getProperty().getName() + ": " + cause.getMessage());
                return O2cCommand.USAGE;
            }
            if (t instanceof IllegalArgumentException && t.getMessage() != null && t.getMessage().startsWith("o2c.")) {
                spec.commandLine().getErr().println("o2c: configuration " + t.getMessage());
                return O2cCommand.USAGE;
            }
            if (t.getCause() == null) {
                spec.commandLine().getErr().println("o2c: cannot start: " + t.getClass().getSimpleName() + ": " + t.getMessage());
                return O2cCommand.FAILED;
            }
            t = t.getCause();
        }
        return O2cCommand.FAILED;
    }

    private void report(CloseOutcome outcome) {
        var o = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        outcome.errors().forEach(line -> err.println("o2c: " + line));
        Path dir = outcome.out().toAbsolutePath().normalize();
        switch (outcome.exitCode()) {
            case O2cCommand.OK -> o.printf("close %s: run %s done, every control tied out.%n", asOf, outcome.runId());
            case O2cCommand.CONTROLS_FAILED -> o.printf("close %s: run %s done, but at least one control FAILED: see %s%n",
                    asOf, outcome.runId(), dir.resolve("manifest.json"));
            default -> o.printf("close %s: run %s FAILED (execution %d); fix the cause and run the same command again to restart it.%n",
                    asOf, outcome.runId(), outcome.jobExecutionId());
        }
        if (outcome.exitCode() == O2cCommand.OK || outcome.exitCode() == O2cCommand.CONTROLS_FAILED) {
            o.printf("  PDF:      %s%n", dir.resolve(OutputNames.pdf(asOf)));
            o.printf("  Excel:    %s%n", dir.resolve(OutputNames.xlsx(asOf)));
            o.printf("  manifest: %s%n", dir.resolve("manifest.json"));
        }
        o.flush();
    }
}
