package dev.o2c.jobs.cli;

import dev.o2c.jobs.close.OutputNames;
import dev.o2c.jobs.close.RunKind;
import dev.o2c.jobs.mail.PackMailer;
import dev.o2c.jobs.mail.RunOutputs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code o2c close}: the month-end close as of a date, then its pack mailed where mail is configured. */
@Command(name = "close", mixinStandardHelpOptions = true,
        description = "Load everything in the input directory, reconcile, compute the month-end figures as of a date "
                + "and write the outputs.")
final class CloseCommand extends LaunchCommand {

    @Option(names = "--as-of", required = true, paramLabel = "DATE", description = "the as-of date, YYYY-MM-DD")
    LocalDate asOf;

    @Override
    RunKind kind() {
        return RunKind.CLOSE;
    }

    @Override
    LocalDate asOf() {
        return asOf;
    }

    /** The pack to its recipients, or the alert when a control failed. */
    @Override
    List<String> send(PackMailer mailer, Path out) {
        return mailer.send(RunOutputs.read(out));
    }

    @Override
    void printOutputs(PrintWriter o, Path dir) {
        o.printf("  PDF:      %s%n", dir.resolve(OutputNames.pdf(asOf)));
        o.printf("  Excel:    %s%n", dir.resolve(OutputNames.xlsx(asOf)));
        o.printf("  manifest: %s%n", dir.resolve("manifest.json"));
    }
}
