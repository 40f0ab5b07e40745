package dev.o2c.jobs.mail;

import dev.o2c.domain.controls.Control;
import dev.o2c.domain.figures.MonthEndFigures.CashApplicationFigures;
import dev.o2c.domain.money.Money;
import dev.o2c.jobs.close.OutputNames;
import dev.o2c.reports.CashApplicationWorkbook;
import dev.o2c.writers.out.Json;
import dev.o2c.writers.out.KpisJson;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;

/**
 * A finished nightly run as its output folder holds it (manifest.json, cash-application-daily.json,
 * exceptions.csv), so {@code o2c mail --run ID} sends what the nightly would have sent.
 *
 * @param byCategory the exceptions per category, as the daily JSON counts them
 * @param first the most serious exceptions (errors, then warnings, then the rest, each in file order), at most {@link #LISTED}
 */
public record NightlyOutputs(String runId, LocalDate asOf, String entity, Path out, CashApplicationFigures figures, long toWork,
                             long exceptionCount, Map<String, Long> byCategory, List<Map<String, String>> first,
                             List<Control> controls) {

    /** How many exceptions the mail lists; the attachment has them all. */
    static final int LISTED = 25;

    /** @throws IllegalStateException naming the file when the folder does not hold a finished nightly run */
    public static NightlyOutputs read(Path out) {
        JsonNode manifest = RunOutputs.manifest(out);
        JsonNode daily = Json.parse(RunOutputs.text(out.resolve(OutputNames.DAILY_CASH_APPLICATION)));
        Map<String, Long> byCategory = new LinkedHashMap<>();
        daily.get("exceptions_by_category").properties().forEach(e -> byCategory.put(e.getKey(), e.getValue().asLong()));
        return new NightlyOutputs(manifest.get("run_id").asString(), LocalDate.parse(manifest.get("as_of").asString()),
                RunOutputs.entity(manifest), out,
                KpisJson.readCashApplication(daily.get("cash_application"), Money.currency(daily.get("functional_currency").asString())),
                daily.get("to_work_count").asLong(), daily.get("exceptions_count").asLong(), byCategory, first(out.resolve(OutputNames.EXCEPTIONS)),
                RunOutputs.controls(manifest));
    }

    public boolean controlsPassed() {
        return controls.stream().allMatch(Control::passed);
    }

    public List<Control> failedControls() {
        return controls.stream().filter(c -> !c.passed()).toList();
    }

    /** The workbook the people who work the cash application open: every row, those to work, the exceptions. */
    public List<Path> attachments() {
        return List.of(out.resolve(CashApplicationWorkbook.name(asOf)));
    }

    private static List<Map<String, String>> first(Path exceptions) {
        if (!Files.isRegularFile(exceptions)) {
            throw new IllegalStateException(exceptions + ": missing; the run's outputs are not all there (was the folder moved?)");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(exceptions, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                rows.add(r.toMap());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(exceptions + ": cannot read it: " + e.getMessage(), e);
        }
        rows.sort(Comparator.comparingInt(r -> switch (r.getOrDefault("severity", "")) {
            case "ERROR" -> 0;
            case "WARNING" -> 1;
            default -> 2;
        }));
        return List.copyOf(rows.subList(0, Math.min(LISTED, rows.size())));
    }
}
