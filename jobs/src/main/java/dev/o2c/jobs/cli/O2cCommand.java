package dev.o2c.jobs.cli;

import dev.o2c.jobs.CodeVersion;
import dev.o2c.readers.csv.InputFormatException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level command. Exit codes follow CONTRACTS.md section 1: 0 done and tied out,
 * 1 failed (restartable), 2 usage, configuration or input error (nothing changed),
 * 3 finished with a failed control (no pack mailed; an alert where one is configured); and ours,
 * 4 finished and tied out, but a mail could not be sent ({@code o2c mail --run ID} sends it
 * again). Errors are one line on standard error.
 */
@Command(name = "o2c", mixinStandardHelpOptions = true, versionProvider = O2cCommand.Version.class,
        description = "Month-end close for Order-to-Cash: load, reconcile, compute, publish.",
        subcommands = {CloseCommand.class, NightlyCommand.class, ScheduleCommand.class, RunsCommand.class, RestartCommand.class,
            MailCommand.class, StatementCommand.class, ProfileCommand.class,
            GenerateCommand.class,
            CommandLine.HelpCommand.class})
public final class O2cCommand implements Runnable {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int CONTROLS_FAILED = 3;
    public static final int MAIL_NOT_SENT = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: close, nightly, schedule, runs, restart, mail, statement, profile or generate");
    }

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command with its output and errors going where the caller says (tests, embedding). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new O2cCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter errors = commandLine.getErr();
            if (e instanceof InputFormatException || e instanceof IllegalArgumentException) {
                errors.println("o2c: " + e.getMessage());
                return USAGE;
            }
            errors.println("o2c: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return FAILED;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"o2c-close " + CodeVersion.get()};
        }
    }
}
