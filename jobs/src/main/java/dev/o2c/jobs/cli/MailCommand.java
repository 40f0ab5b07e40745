package dev.o2c.jobs.cli;

import dev.o2c.jobs.close.RunHistory;
import dev.o2c.jobs.close.RunKind;
import dev.o2c.jobs.mail.NightlyOutputs;
import dev.o2c.jobs.mail.MailNotSentException;
import dev.o2c.jobs.mail.PackMailer;
import dev.o2c.jobs.mail.RunOutputs;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code o2c mail --run ID}: sends a finished run's mails again, as the close would have:
 * the pack when every control passed, else the alert; for a nightly run, its exceptions mail. Reads the run's output folder from the
 * store's job repository and everything it says from the files there.
 */
@Command(name = "mail", mixinStandardHelpOptions = true,
        description = "Send a finished run's pack (or its alert, when a control failed) again, to the recipients in the configuration.")
final class MailCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "ID", description = "the run id the close printed (also in manifest.json)")
    String runId;

    @CommandLine.Mixin
    StoreOptions storeOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        StoreContext started = storeOptions.start(err);
        if (started.context() == null) {
            return started.exitCode();
        }
        try (ConfigurableApplicationContext context = started.context()) {
            PackMailer mailer = context.getBean(PackMailer.class);
            if (!mailer.enabled()) {
                err.println("o2c: mail is not enabled (o2c.mail.enabled in the configuration)");
                return O2cCommand.USAGE;
            }
            RunKind kind = RunKind.of(runId); // an id that is not one of ours: exit 2, said
            Optional<Path> out = context.getBean(RunHistory.class).outputFolder(runId);
            if (out.isEmpty()) {
                err.println("o2c: no finished run " + runId + " in this store");
                return O2cCommand.USAGE;
            }
            List<String> sent;
            boolean passed;
            String nothingSent;
            try {
                if (kind == RunKind.NIGHTLY) {
                    NightlyOutputs run = NightlyOutputs.read(out.get());
                    passed = run.controlsPassed();
                    nothingSent = "o2c.mail.nightly-to is empty";
                    sent = mailer.sendNightly(run);
                } else {
                    RunOutputs run = RunOutputs.read(out.get());
                    passed = run.controlsPassed();
                    nothingSent = "no route matches a " + run.runType() + " run";
                    sent = mailer.send(run);
                }
            } catch (MailNotSentException e) {
                e.failures().forEach(f -> err.println("o2c: mail not sent: " + f));
                return O2cCommand.MAIL_NOT_SENT;
            } catch (IllegalStateException e) {
                err.println("o2c: " + e.getMessage()); // an output the mail is read from is missing
                return O2cCommand.USAGE;
            }
            sent.forEach(spec.commandLine().getOut()::println);
            if (sent.isEmpty()) {
                spec.commandLine().getOut().println("run " + runId + ": " + nothingSent + "; nothing sent");
            }
            return passed ? O2cCommand.OK : O2cCommand.CONTROLS_FAILED;
        }
    }
}
