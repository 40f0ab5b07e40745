package dev.o2c.jobs.close;

import dev.o2c.domain.controls.Control;
import dev.o2c.domain.controls.Reject;
import dev.o2c.writers.out.CsvOutputs;
import dev.o2c.writers.out.SafeCsvPrinter;
import dev.o2c.writers.store.InputFile;
import dev.o2c.writers.store.LedgerQueries;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.o2c.domain.controls.ExceptionItem;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;

/**
 * What every run publishes about its input files and its controls, whatever its kind: the inputs'
 * controls, their rejects, and the run's verdict where the launcher and {@code o2c runs} read it.
 */
final class RunInputs {

    private static final Logger LOG = LoggerFactory.getLogger(RunInputs.class);

    private RunInputs() {
    }

    /** Per file: records in = loaded + rejected; and, for the files it applies to, the share rejected within the limit. */
    static List<Control> controls(List<InputFile> inputs, BigDecimal maxRejectedShare) {
        List<Control> controls = new ArrayList<>();
        for (InputFile f : inputs) {
            controls.add(Control.of("records in = loaded + rejected: " + f.name(), f.records(), f.loaded() + f.rejected()));
        }
        for (InputFile f : inputs) {
            if (RejectLimit.appliesTo(f.kind())) {
                controls.add(RejectLimit.control(f.name(), f.records(), f.rejected(), maxRejectedShare));
            }
        }
        return controls;
    }

    /**
     * The files of the run that could not be read, or that nothing reads, by name, with their
     * {@code FILE:LINE: reason}: the manifest lists them.
     */
    static Map<String, String> refused(List<ExceptionItem> exceptions) {
        Map<String, String> refused = new TreeMap<>();
        exceptions.stream().filter(e -> e.category().equals(LoadInputsTasklet.INPUT_FILE_REFUSED)
                        || e.category().equals(LoadInputsTasklet.INPUT_FILE_NOT_READ))
                .forEach(e -> refused.put(e.entityId(), e.reason()));
        return refused;
    }

    /**
     * The files the load left out because {@code o2c.inputs.ignore} names them, by name, with the
     * pattern that did: kept by the load in the job's context, so that a restarted publish has them.
     */
    static Map<String, String> ignored(ChunkContext chunkContext) {
        Map<String, String> ignored = new TreeMap<>();
        String lines = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .getString(LoadInputsTasklet.IGNORED_LINES, "");
        lines.lines().filter(l -> l.indexOf('\t') > 0).forEach(l -> ignored.put(l.substring(0, l.indexOf('\t')), l.substring(l.indexOf('\t') + 1)));
        return ignored;
    }

    /** {@code rejects/NAME.csv} for each file with rejected records; the folder holds nothing else, whatever ran before. */
    static void writeRejects(OutputFolder out, List<InputFile> inputs, LedgerQueries queries) {
        out.clear("rejects");
        for (InputFile f : inputs) {
            if (f.rejected() > 0) {
                List<Reject> rejects = queries.rejects(f.sha256());
                out.write(OutputNames.rejects(f.name()), stream -> {
                    try (SafeCsvPrinter csv = CsvOutputs.rejects(stream)) {
                        rejects.forEach(r -> CsvOutputs.write(csv, r));
                    }
                });
            }
        }
    }

    /**
     * Keeps the run's verdict in the job execution (every control passed, or which failed, a line each)
     * and, when one failed, ends the step with {@link PublishTasklet#CONTROLS_FAILED} and logs each.
     */
    static void recordControls(StepContribution contribution, ChunkContext chunkContext, List<Control> controls) {
        boolean passed = controls.stream().allMatch(Control::passed);
        var context = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        context.put(PublishTasklet.CONTROLS_PASSED, passed);
        context.putString(PublishTasklet.CONTROLS_FAILED_NAMES, controls.stream().filter(c -> !c.passed())
                .map(c -> c.name() + " (expected " + c.expected().toPlainString() + ", actual " + c.actual().toPlainString() + ")")
                .collect(Collectors.joining("\n")));
        if (!passed) {
            contribution.setExitStatus(PublishTasklet.CONTROLS_FAILED);
            controls.stream().filter(c -> !c.passed()).forEach(c -> LOG.warn("control failed: {} (expected {}, actual {})",
                    c.name(), c.expected().toPlainString(), c.actual().toPlainString()));
        }
    }
}
