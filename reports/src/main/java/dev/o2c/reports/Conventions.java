package dev.o2c.reports;

import dev.o2c.domain.figures.MonthEndFigures;

/** The conventions printed with every figure (METRICS.md: every report states the convention it used). */
final class Conventions {

    private Conventions() {
    }

    static String aging(MonthEndFigures f) {
        String basis = "due_date".equals(f.aging().basis())
                ? "Days past due = as-of date − due date, calendar days; 0 or less is Current; bucket edges inclusive at the top."
                : "Age = as-of date − document date, calendar days; bucket edges inclusive at the top.";
        return basis + " Open items as of " + f.asOf() + ": documents, receipts and applications dated on or before it."
                + " Credit memos reduce their invoice; unapplied credits and on-account cash are negative items aged on their own date."
                + " Foreign currency at the as-of rate. DSO = ending AR / credit sales of "
                + f.dso().periodStart() + " to " + f.dso().periodEnd() + " × " + f.dso().days() + " days.";
    }
}
