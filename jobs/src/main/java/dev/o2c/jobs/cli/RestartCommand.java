package dev.o2c.jobs.cli;

import dev.o2c.jobs.close.RunHistory;
import dev.o2c.jobs.close.RunKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code o2c restart RUN_ID}: finishes a close or nightly run that failed or was killed, with the as-of date,
 * input and output folders it was started with, from the step where it stopped; the same as
 * running that command again. The run id holds the inputs' hashes and the settings: if
 * either changed since, this is refused, as it would be another run.
 */
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Finish a close or nightly run that failed or was killed, from the step where it stopped (as the same command would).")
final class RestartCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "the run id the run printed (also in o2c runs and manifest.json)")
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
        try {
            RunKind.of(runId);
        } catch (IllegalArgumentException e) {
            err.println("o2c: " + e.getMessage());
            return O2cCommand.USAGE;
        }
        Optional<RunHistory.Attempt> last;
        try (ConfigurableApplicationContext context = started.context()) {
            last = context.getBean(RunHistory.class).last(runId);
        }
        if (last.isEmpty()) {
            err.println("o2c: no run " + runId + " on this store (o2c runs lists them)");
            return O2cCommand.USAGE;
        }
        RunHistory.Attempt a = last.get();
        switch (a.status()) {
            case "done", "controls failed" -> {
                spec.commandLine().getOut().println("run " + runId + " finished already (" + a.status() + "); its outputs are in "
                        + a.out() + ": nothing to restart");
                return a.status().equals("done") ? O2cCommand.OK : O2cCommand.CONTROLS_FAILED;
            }
            case "running" -> {
                err.println("o2c: run " + runId + " is running (execution " + a.execution() + ", started " + a.started()
                        + "); nothing was done");
                return O2cCommand.FAILED;
            }
            default -> {
                // the stored context is closed above: the close opens the store itself, under the run lock
                List<String> args = new ArrayList<>(List.of(RunKind.of(runId).jobName(), "--as-of", a.asOf().toString(), "--input", a.input(), "--out",
                        a.out(), "--expect-run", runId));
                if (storeOptions.db != null) {
                    args.addAll(List.of("--db", storeOptions.db));
                }
                if (storeOptions.config != null) {
                    args.addAll(List.of("--config", storeOptions.config.toString()));
                }
                return O2cCommand.execute(spec.commandLine().getOut(), err, args.toArray(String[]::new));
            }
        }
    }
}
