package dev.o2c.jobs.cli;

import dev.o2c.jobs.close.RunHistory;
import dev.o2c.jobs.close.RunKind;
import dev.o2c.writers.out.Json;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code o2c runs}: the closes and nightly runs on this store, newest first, each attempt a line: what a night's operator looks at first. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the runs (closes and nightly runs) on the store, newest first: run id, as-of date, status, start, duration and counts.")
final class RunsCommand implements Callable<Integer> {

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    @Option(names = "--last", paramLabel = "N", defaultValue = "20", description = "how many attempts, newest first (default ${DEFAULT-VALUE})")
    int last;

    @Option(names = "--json", description = "one JSON array instead of the table")
    boolean json;

    @CommandLine.Mixin
    StoreOptions storeOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (last < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--last " + last + ": expected 1 or more");
        }
        StoreContext started = storeOptions.start(spec.commandLine().getErr());
        if (started.context() == null) {
            return started.exitCode();
        }
        try (ConfigurableApplicationContext context = started.context()) {
            List<RunHistory.Attempt> attempts = context.getBean(RunHistory.class).attempts(last);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.print(Json.pretty(json(attempts)));
            } else if (attempts.isEmpty()) {
                out.println("no run (close or nightly) on this store");
            } else {
                table(out, attempts);
            }
            out.flush();
            return O2cCommand.OK;
        }
    }

    private static void table(PrintWriter out, List<RunHistory.Attempt> attempts) {
        String format = "%-36s %9s %-10s %-15s %-19s %9s %9s %9s %11s %11s %5s%n";
        out.printf(Locale.ROOT, format, "run", "execution", "as of", "status", "started", "duration", "loaded", "rejected",
                "allocations", "open items", "files");
        for (RunHistory.Attempt a : attempts) {
            out.printf(Locale.ROOT, format, a.runId(), a.execution(), a.asOf(), a.status(),
                    a.started() == null ? "" : STARTED.format(a.started()), CloseSummary.duration(a.duration()), a.loaded(), a.rejected(),
                    a.allocations(), a.openItems(), a.files());
        }
    }

    private static ArrayNode json(List<RunHistory.Attempt> attempts) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (RunHistory.Attempt a : attempts) {
            ObjectNode o = list.addObject();
            o.put("run_id", a.runId());
            o.put("kind", RunKind.of(a.runId()).jobName());
            o.put("execution", a.execution());
            o.put("as_of", a.asOf().toString());
            o.put("status", a.status());
            o.put("started", a.started() == null ? null : a.started().toString());
            o.put("duration_seconds", a.duration().toMillis() / 1000.0);
            o.put("loaded", a.loaded());
            o.put("rejected", a.rejected());
            o.put("allocations", a.allocations());
            o.put("open_items", a.openItems());
            o.put("files", a.files());
            o.put("out", a.out());
            o.put("input", a.input());
        }
        return list;
    }
}
