package dev.o2c.jobs.mail;

import dev.o2c.domain.controls.Control;
import dev.o2c.domain.figures.MonthEndFigures;
import dev.o2c.jobs.close.OutputNames;
import dev.o2c.writers.out.Json;
import dev.o2c.writers.out.KpisJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A finished run as its output folder holds it: what the mail says and attaches is read
 * from the files the close wrote (manifest.json, kpis.json, the PDF and the workbook), so
 * {@code o2c mail --run ID} sends exactly what the close would have sent.
 */
public record RunOutputs(String runId, LocalDate asOf, String entity, Path out, MonthEndFigures figures, List<Control> controls) {

    public RunOutputs {
        controls = List.copyOf(controls);
    }

    /** @throws IllegalStateException naming the file when the folder does not hold a finished run */
    public static RunOutputs read(Path out) {
        JsonNode manifest = manifest(out);
        List<Control> controls = controls(manifest);
        String entity = entity(manifest);
        MonthEndFigures figures = KpisJson.read(text(out.resolve("kpis.json")));
        return new RunOutputs(manifest.get("run_id").asString(), LocalDate.parse(manifest.get("as_of").asString()), entity, out,
                figures, controls);
    }

    /** The controls of the run in the folder, from its manifest alone (any kind of run). */
    public static List<Control> controls(Path out) {
        return controls(manifest(out));
    }

    /** @throws IllegalStateException naming the file when it is missing */
    static JsonNode manifest(Path out) {
        return Json.parse(text(out.resolve("manifest.json")));
    }

    /** The run's controls, as its manifest lists them. */
    static List<Control> controls(JsonNode manifest) {
        List<Control> controls = new ArrayList<>();
        for (JsonNode c : manifest.get("controls")) {
            controls.add(new Control(c.get("name").asString(), new BigDecimal(c.get("expected").asString()),
                    new BigDecimal(c.get("actual").asString())));
        }
        return controls;
    }

    /** The reporting entity in force for the run ({@code parameters.entity}), or empty. */
    static String entity(JsonNode manifest) {
        JsonNode parameters = manifest.get("parameters");
        return parameters != null && parameters.get("entity") != null ? parameters.get("entity").asString() : "";
    }

    public boolean controlsPassed() {
        return controls.stream().allMatch(Control::passed);
    }

    public List<Control> failedControls() {
        return controls.stream().filter(c -> !c.passed()).toList();
    }

    /** A month-end run is one as of the last day of a month; any other is a flash close. */
    public String runType() {
        return asOf.equals(asOf.withDayOfMonth(asOf.lengthOfMonth())) ? "month-end" : "flash";
    }

    public Path report(String kind) {
        return out.resolve(switch (kind) {
            case "pdf" -> OutputNames.pdf(asOf);
            case "xlsx" -> OutputNames.xlsx(asOf);
            default -> throw new IllegalArgumentException("no report " + kind);
        });
    }

    static String text(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + ": missing; the run's outputs are not all there (was the folder moved?)");
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
