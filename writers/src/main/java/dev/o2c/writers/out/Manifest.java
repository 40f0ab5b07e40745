package dev.o2c.writers.out;

import dev.o2c.domain.controls.Control;
import dev.o2c.writers.store.InputFile;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: what an auditor needs to re-perform the run (CONTRACTS.md
 * section 3 and METRICS.md section 7). No wall-clock time and no host-specific
 * path goes in, so the same inputs and parameters give the same bytes.
 *
 * @param parameters the configuration in force, in a stable order
 * @param refused the run's input files that could not be read, by name, with {@code FILE:LINE: reason};
 *        written as {@code refused_inputs} only when there is one, so other runs' manifests are as before
 * @param ignored the files of the input folder that configuration leaves out ({@code o2c.inputs.ignore}), by
 *        name, with the pattern that does; written as {@code ignored_inputs} only when there is one
 * @param outputs every other output file with its SHA-256, by name
 */
public record Manifest(
        String runId,
        LocalDate asOf,
        Map<String, Object> parameters,
        String codeVersion,
        List<InputFile> inputs,
        Map<String, String> refused,
        Map<String, String> ignored,
        Map<String, String> outputs,
        List<Control> controls) {

    public boolean controlsPassed() {
        return controls.stream().allMatch(Control::passed);
    }

    public String toJson() {
        var root = Json.object();
        root.put("run_id", runId);
        root.put("as_of", asOf.toString());
        root.set("parameters", Json.MAPPER.valueToTree(parameters));
        root.put("code_version", codeVersion);
        var inputArray = root.putArray("inputs");
        for (InputFile f : inputs) {
            var node = inputArray.addObject();
            node.put("file", f.name());
            node.put("sha256", f.sha256());
            node.put("format", f.format());
            node.put("records", f.records());
            node.put("loaded", f.loaded());
            node.put("rejected", f.rejected());
            var totals = node.putObject("control_total");
            f.controlTotal().forEach((currency, amount) -> totals.put(currency, amount.toPlainString()));
        }
        if (!refused.isEmpty()) {
            var refusedArray = root.putArray("refused_inputs");
            refused.forEach((file, reason) -> refusedArray.addObject().put("file", file).put("reason", reason));
        }
        if (!ignored.isEmpty()) {
            var ignoredArray = root.putArray("ignored_inputs");
            ignored.forEach((file, pattern) -> ignoredArray.addObject().put("file", file).put("pattern", pattern));
        }
        var outputArray = root.putArray("outputs");
        outputs.forEach((file, sha) -> outputArray.addObject().put("file", file).put("sha256", sha));
        var controlArray = root.putArray("controls");
        for (Control c : controls) {
            controlArray.addObject()
                    .put("name", c.name())
                    .put("expected", c.expected().toPlainString())
                    .put("actual", c.actual().toPlainString())
                    .put("difference", c.difference().toPlainString())
                    .put("passed", c.passed());
        }
        root.put("controls_passed", controlsPassed());
        return Json.pretty(root);
    }
}
