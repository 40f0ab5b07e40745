package dev.o2c.jobs.cli;

import dev.o2c.jobs.close.OutputNames;
import dev.o2c.jobs.close.RunKind;
import dev.o2c.jobs.mail.NightlyOutputs;
import dev.o2c.jobs.mail.PackMailer;
import dev.o2c.reports.CashApplicationWorkbook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code o2c nightly}: load the night's files, reconcile, and report the night's bank credits and every
 * exception, mailed to {@code o2c.mail.nightly-to}. No figures and no pack: that is the close's.
 */
@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = "Load the night's files, reconcile, write the daily cash-application report and mail the exceptions.")
final class NightlyCommand extends LaunchCommand {

    @Option(names = "--as-of", paramLabel = "DATE", description = "the business day the run reports, YYYY-MM-DD (default: yesterday)")
    LocalDate asOf;

    @Override
    RunKind kind() {
        return RunKind.NIGHTLY;
    }

    @Override
    LocalDate asOf() {
        if (asOf == null) {
            asOf = LocalDate.now().minusDays(1);
        }
        return asOf;
    }

    /** The exceptions mail, whether or not a control failed (its subject says so). */
    @Override
    List<String> send(PackMailer mailer, Path out) {
        return mailer.sendNightly(NightlyOutputs.read(out));
    }

    @Override
    void printOutputs(PrintWriter o, Path dir) {
        o.printf("  workbook:         %s%n", dir.resolve(CashApplicationWorkbook.name(asOf())));
        o.printf("  cash application: %s%n", dir.resolve(OutputNames.CASH_APPLICATION));
        o.printf("  figures:          %s%n", dir.resolve(OutputNames.DAILY_CASH_APPLICATION));
        o.printf("  exceptions:       %s%n", dir.resolve(OutputNames.EXCEPTIONS));
        o.printf("  manifest:         %s%n", dir.resolve("manifest.json"));
    }
}
