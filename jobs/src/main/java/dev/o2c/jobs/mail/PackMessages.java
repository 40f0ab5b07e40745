package dev.o2c.jobs.mail;

import dev.o2c.domain.controls.Control;
import dev.o2c.domain.figures.MonthEndFigures;
import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The words of the mails: the pack mail's subject and HTML body (headline figures and every
 * control), and the alert sent instead when a control failed (every failed control, no pack).
 * Every text from the run is escaped before it goes into the HTML.
 */
final class PackMessages {

    private PackMessages() {
    }

    static String packSubject(RunOutputs run) {
        return "Month-end pack " + run.entity() + " as of " + run.asOf() + ": " + run.controls().size() + " of "
                + run.controls().size() + " controls passed";
    }

    static String alertSubject(RunOutputs run) {
        return "ALERT: close " + run.entity() + " as of " + run.asOf() + ": " + run.failedControls().size() + " of "
                + run.controls().size() + " controls FAILED, no pack sent";
    }

    /** The pack mail: headline figures, the controls, and either the attachments' names or where the outputs are. */
    static String packBody(RunOutputs run, List<String> attached, String outputsAt) {
        MonthEndFigures f = run.figures();
        StringBuilder html = start("Month-end pack " + run.entity() + " as of " + run.asOf());
        html.append("<p>Run ").append(esc(run.runId())).append(". Amounts in ").append(esc(f.functionalCurrency().getCurrencyCode()))
                .append(".</p>\n<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n");
        row(html, "Total open AR", amount(f.aging().totalOpen()));
        row(html, "of which unapplied cash", amount(f.aging().unappliedCash()));
        row(html, "DSO (standard), days", figure(f.dso().standard()));
        row(html, "Best possible DSO, days", figure(f.dso().bestPossible()));
        row(html, "Average days delinquent", figure(f.dso().averageDaysDelinquent()));
        row(html, "CEI, month", figure(f.cei()));
        row(html, "Bank credits applied automatically (by count)", f.cashApplication().auto().rateCount() == null ? "n/a"
                : figure(f.cashApplication().auto().rateCount().movePointRight(2)) + " %");
        html.append("</table>\n");
        controls(html, run);
        if (attached.isEmpty()) {
            html.append("<p>The pack is not attached (too large for mail). The outputs are in <b>").append(esc(outputsAt))
                    .append("</b>.</p>\n");
        } else {
            html.append("<p>Attached: ").append(esc(String.join(", ", attached))).append(". Every output, with the CSV files and"
                    + " manifest.json, is in ").append(esc(outputsAt)).append(".</p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    static String failedRunSubject(String kind, String entity, LocalDate asOf) {
        return "ALERT: " + kind + " " + entity + " as of " + asOf + " FAILED, " + (kind.equals("close") ? "no pack sent" : "no report sent");
    }

    /** The alert for a run that stopped: every error, and the command that finishes it. */
    static String failedRunBody(String kind, String entity, LocalDate asOf, String runId, List<String> errors, String out) {
        StringBuilder html = start((kind.equals("close") ? "Close " : "Nightly run ") + entity + " as of " + asOf + ": FAILED");
        html.append("<p>Run ").append(esc(runId)).append(" stopped before it finished; ")
                .append(kind.equals("close") ? "no pack was sent" : "no report was sent").append(". What stopped it:</p>\n<ul>\n");
        for (String e : errors) {
            html.append("<li>").append(esc(e)).append("</li>\n");
        }
        html.append("</ul>\n<p>Mend the cause, then finish the run from the step where it stopped with <b>o2c restart ")
                .append(esc(runId)).append("</b> (or the same ").append(esc(kind)).append(" command again). What it wrote so far is in ")
                .append(esc(out)).append(".</p>\n");
        return html.append("</body></html>\n").toString();
    }

    /** The alert: every failed control first, then the others; no pack goes out. */
    static String alertBody(RunOutputs run, String outputsAt) {
        StringBuilder html = start("Close " + run.entity() + " as of " + run.asOf() + ": controls FAILED");
        html.append("<p>Run ").append(esc(run.runId())).append(" finished, but ").append(run.failedControls().size()).append(" of ")
                .append(run.controls().size()).append(" controls failed, so the pack was not sent. The outputs, marked, are in ")
                .append(esc(outputsAt)).append(" (manifest.json lists every control).</p>\n<h3>Failed controls</h3>\n<ul>\n");
        for (Control c : run.failedControls()) {
            html.append("<li>").append(esc(c.name())).append(": expected ").append(esc(c.expected().toPlainString())).append(", actual ")
                    .append(esc(c.actual().toPlainString())).append("</li>\n");
        }
        html.append("</ul>\n");
        controls(html, run);
        return html.append("</body></html>\n").toString();
    }

    private static void controls(StringBuilder html, RunOutputs run) {
        controls(html, run.controls());
    }

    static void controls(StringBuilder html, List<Control> controls) {
        long failed = controls.stream().filter(c -> !c.passed()).count();
        html.append("<h3>Controls: ").append(controls.size() - failed).append(" of ")
                .append(controls.size()).append(" passed</h3>\n<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n")
                .append("<tr><th>Control</th><th>Expected</th><th>Actual</th><th>Result</th></tr>\n");
        for (Control c : controls) {
            html.append("<tr><td>").append(esc(c.name())).append("</td><td align=\"right\">").append(esc(c.expected().toPlainString()))
                    .append("</td><td align=\"right\">").append(esc(c.actual().toPlainString())).append("</td><td>")
                    .append(c.passed() ? "passed" : "<b>FAILED</b>").append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    static StringBuilder start(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>").append(esc(title))
                .append("</title></head>\n<body style=\"font-family: sans-serif\">\n<h2>").append(esc(title)).append("</h2>\n");
    }

    static void row(StringBuilder html, String label, String value) {
        html.append("<tr><td>").append(esc(label)).append("</td><td align=\"right\">").append(esc(value)).append("</td></tr>\n");
    }

    static String amount(Money m) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        return f.format(m.amount());
    }

    static String figure(BigDecimal value) {
        return value == null ? "n/a" : new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)).format(value);
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
