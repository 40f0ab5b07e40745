package dev.o2c.jobs.mail;

import dev.o2c.domain.figures.MonthEndFigures;
import java.util.List;
import java.util.Map;

/**
 * The words of the nightly exceptions mail: what the night's bank credits became, what waits for a
 * person in the morning, the most serious exceptions and every control. Every text from the run
 * is escaped ({@link PackMessages#esc}).
 */
final class NightlyMessages {

    private static final String[] LISTED_COLUMNS = {"category", "severity", "entity_type", "entity_id", "amount", "currency", "reason"};

    private NightlyMessages() {
    }

    static String subject(NightlyOutputs run) {
        String failed = run.controlsPassed() ? "" : ", " + run.failedControls().size() + " control(s) FAILED";
        return "Nightly " + run.entity() + " as of " + run.asOf() + ": " + count(run.figures().bankCreditsCount()) + " bank credits, "
                + count(run.toWork()) + " to work, " + count(run.exceptionCount()) + " exceptions" + failed;
    }

    static String body(NightlyOutputs run, List<String> attached, String outputsAt) {
        MonthEndFigures.CashApplicationFigures c = run.figures();
        StringBuilder html = PackMessages.start("Nightly cash application " + run.entity() + " as of " + run.asOf());
        html.append("<p>Run ").append(PackMessages.esc(run.runId())).append(": the bank credits of the night's statement files, each"
                + " under the status that describes it. Amounts in the functional currency.</p>\n");
        html.append("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n<tr><th>Status</th><th>Credits</th><th>Amount</th>"
                + "<th>Share by count</th></tr>\n");
        share(html, "AUTO (applied in full)", c.auto());
        share(html, "SUGGESTED (a person confirms)", c.suggested());
        share(html, "ON_ACCOUNT (customer known, no invoice)", c.onAccount());
        share(html, "UNMATCHED (no customer)", c.unmatched());
        share(html, "RECONCILED (already in the ERP)", c.reconciled());
        html.append("<tr><td><b>Bank credits</b></td><td align=\"right\"><b>").append(count(c.bankCreditsCount()))
                .append("</b></td><td align=\"right\"><b>").append(PackMessages.esc(PackMessages.amount(c.bankCreditsAmount())))
                .append("</b></td><td></td></tr>\n</table>\n");
        html.append("<p><b>").append(count(run.toWork())).append("</b> credits wait for a person (suggested, on account, unmatched).</p>\n");
        html.append("<h3>Exceptions: ").append(count(run.exceptionCount())).append("</h3>\n");
        if (!run.byCategory().isEmpty()) {
            html.append("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n<tr><th>Category</th><th>Count</th></tr>\n");
            run.byCategory().forEach((category, n) -> PackMessages.row(html, category, count(n)));
            html.append("</table>\n");
        }
        if (!run.first().isEmpty()) {
            html.append("<p>The ").append(run.first().size() < run.exceptionCount() ? "first " + run.first().size() + ", errors first"
                    : "list, errors first").append(":</p>\n<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n<tr>");
            for (String column : LISTED_COLUMNS) {
                html.append("<th>").append(column).append("</th>");
            }
            html.append("</tr>\n");
            for (Map<String, String> e : run.first()) {
                html.append("<tr>");
                for (String column : LISTED_COLUMNS) {
                    html.append("<td>").append(PackMessages.esc(e.getOrDefault(column, ""))).append("</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</table>\n");
        }
        PackMessages.controls(html, run.controls());
        if (attached.isEmpty()) {
            html.append("<p>The report is not attached (too large for mail). The outputs are in <b>").append(PackMessages.esc(outputsAt))
                    .append("</b>.</p>\n");
        } else {
            html.append("<p>Attached: ").append(PackMessages.esc(String.join(", ", attached))).append(" (sheets To work, All rows,"
                    + " Exceptions). Every output, with the CSV files, cash-application-daily.json and manifest.json, is in ")
                    .append(PackMessages.esc(outputsAt)).append(".</p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static void share(StringBuilder html, String label, MonthEndFigures.Share s) {
        html.append("<tr><td>").append(PackMessages.esc(label)).append("</td><td align=\"right\">").append(count(s.count()))
                .append("</td><td align=\"right\">").append(PackMessages.esc(PackMessages.amount(s.amount())))
                .append("</td><td align=\"right\">")
                .append(s.rateCount() == null ? "n/a" : PackMessages.figure(s.rateCount().movePointRight(2)) + " %")
                .append("</td></tr>\n");
    }

    /** 34,055: counts grouped as the amounts are. */
    static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
