package dev.o2c.writers.out;

import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.figures.DailyCashApplication;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code cash-application-daily.json}, the nightly run's figures: the night's bank credits by
 * status in kpis.json's {@code cash_application} shape, how many wait for a person, and the
 * exceptions by category. Same inputs, same bytes.
 */
public final class DailyJson {

    private DailyJson() {
    }

    public static String write(String runId, Currency functional, List<String> statementFiles, DailyCashApplication daily,
                               List<ExceptionItem> exceptions) {
        ObjectNode root = Json.object();
        root.put("run_id", runId);
        root.put("as_of", daily.asOf().toString());
        root.put("functional_currency", functional.getCurrencyCode());
        var files = root.putArray("statement_files");
        statementFiles.forEach(files::add);
        KpisJson.cashApplication(root.putObject("cash_application"), daily.figures());
        root.put("to_work_count", daily.toWork());
        Map<String, Integer> byCategory = new TreeMap<>();
        exceptions.forEach(e -> byCategory.merge(e.category(), 1, Integer::sum));
        ObjectNode categories = root.putObject("exceptions_by_category");
        byCategory.forEach(categories::put);
        root.put("exceptions_count", exceptions.size());
        return Json.pretty(root);
    }
}
