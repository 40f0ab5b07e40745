package dev.o2c.reports;

import static dev.o2c.reports.PackFormat.amount;
import static dev.o2c.reports.PackFormat.count;
import static dev.o2c.reports.PackFormat.figure;
import static dev.o2c.reports.PackFormat.percent;

import dev.o2c.domain.controls.Control;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.figures.Allowance;
import dev.o2c.domain.figures.CollectionsWorklist;
import dev.o2c.domain.figures.CreditExposure;
import dev.o2c.domain.figures.MonthEndFigures;
import dev.o2c.domain.figures.Trend;
import dev.o2c.domain.money.MissingFxRateException;
import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What each section of the PDF pack says, as rows of text in the pack's one number format.
 * Lists are cut to their largest entries, with the count of the rest and where to find
 * them, so the pack stays a summary however large the company.
 */
final class PackSections {

    /** How many entries a list in the PDF shows at most. */
    static final int LARGEST = 25;

    /** The reconciliation's groups of exception categories, in the order the pack shows them. */
    private static final Map<String, Predicate<ExceptionItem>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("Bank against ERP receipts", e -> e.category().startsWith("BANK_RECEIPT_") || e.category().equals("RECEIPT_WITHOUT_BANK_LINE")
                || e.category().startsWith("DUPLICATE_"));
        GROUPS.put("Orders against invoices", e -> e.category().startsWith("ORDER_") || e.category().startsWith("INVOICE_ORDER_")
                || e.category().equals("INVOICE_WITHOUT_ORDER") || e.category().equals("INVOICE_LIKELY_DUPLICATE"));
        GROUPS.put("Bank statements: balance and chain breaks", e -> e.category().startsWith("STATEMENT_"));
        GROUPS.put("Documents: credit memos, receipts and overpaid invoices", e -> e.category().startsWith("CREDIT_MEMO_")
                || e.category().startsWith("RECEIPT_UNKNOWN") || e.category().equals("RECEIPT_CURRENCY") || e.category().equals("INVOICE_OVERPAID"));
    }

    private final PackData data;
    private final MonthEndFigures f;
    private final String currency;

    PackSections(PackData data) {
        this.data = data;
        this.f = data.figures();
        this.currency = f.functionalCurrency().getCurrencyCode();
    }

    String coverSubtitle() {
        long failed = data.controls().size() - data.controlsPassed();
        return "As of " + f.asOf() + " · run " + data.runId() + " · o2c-close " + data.codeVersion() + " · amounts in " + currency
                + " unless a currency is named · aged on " + f.aging().basis()
                + (failed == 0 ? "" : "\nNOT FOR DISTRIBUTION: " + failed + " of " + data.controls().size() + " controls failed (below).");
    }

    PackRows cover() {
        PackRows rows = new PackRows();
        rows.block("Headline figures", "Figure", "Value");
        rows.row("Total open AR", amount(f.aging().totalOpen()));
        rows.row("of which unapplied cash", amount(f.aging().unappliedCash()));
        rows.row("Not yet due", amount(f.dso().currentAr()));
        if (f.aging().disputed() != null) {
            rows.row("Disputed (" + count(f.aging().disputedItems()) + " items)", amount(f.aging().disputed()));
        }
        rows.row("DSO (standard), days", figure(f.dso().standard()));
        rows.row("Best possible DSO, days", figure(f.dso().bestPossible()));
        rows.row("Average days delinquent", figure(f.dso().averageDaysDelinquent()));
        rows.row("CEI, month", figure(f.cei()));
        if (f.ceiQuarter() != null) {
            rows.row("CEI, quarter to date", figure(f.ceiQuarter().cei()));
        }
        rows.row("Bank credits applied automatically (by count)", percent(f.cashApplication().auto().rateCount()));
        if (f.allowance() != null) {
            rows.row("Required bad-debt allowance", amount(f.allowance().total()));
        }
        if (f.creditExposure() != null) {
            rows.row("Customers over their credit limit", count(f.creditExposure().overLimit().size()));
        }
        if (f.collections() != null) {
            rows.row("Overdue AR on the collections worklist (" + count(f.collections().overdueItems()) + " items)",
                    amount(f.collections().overdueAmount()));
        }
        rows.block("Controls: " + data.controlsPassed() + " of " + data.controls().size() + " passed", "Control", "Expected",
                "Actual", "Result");
        // failed controls first: they are what a reader must see
        List<Control> controls = new ArrayList<>(data.controls());
        controls.sort(Comparator.comparing(Control::passed));
        for (Control c : controls) {
            if (c.passed()) {
                rows.row(c.name(), PackFormat.exact(c.expected()), PackFormat.exact(c.actual()), "passed");
            } else {
                rows.total(c.name(), PackFormat.exact(c.expected()), PackFormat.exact(c.actual()), "FAILED");
            }
        }
        if (!data.inputs().isEmpty()) {
            rows.block("Inputs (manifest.json has each file's full SHA-256 and control totals)", "File", "Kind", "Records", "Loaded",
                    "Rejected", "SHA-256");
            for (PackData.Input i : data.inputs()) {
                rows.row(i.name(), i.kind(), count(i.records()), count(i.loaded()), count(i.rejected()),
                        i.sha256().substring(0, Math.min(12, i.sha256().length())));
            }
        }
        return rows;
    }

    String overdueSubtitle() {
        long overdue = f.collections() == null ? data.worklist().size() : f.collections().overdueItems();
        return "The " + Math.min(LARGEST, data.worklist().size()) + " most pressing of " + count(overdue) + " overdue invoices,"
                + " ranked by functional open amount × days past due; collections.csv and the workbook list every one.";
    }

    PackRows mostOverdue() {
        PackRows rows = new PackRows();
        rows.block("Most overdue", "Customer", "Document", "Due date", "Days past due", "Open (" + currency + ")", "Dunning level");
        for (CollectionsWorklist.Item i : data.worklist().subList(0, Math.min(LARGEST, data.worklist().size()))) {
            String name = data.customerNames().get(i.customerId());
            rows.row(i.customerId() + (name == null ? "" : "  " + name), i.documentId(), i.dueDate().toString(), count(i.daysPastDue()),
                    amount(i.functional()), String.valueOf(i.dunningLevel()));
        }
        if (rows.isEmpty()) {
            rows.row("No overdue invoice on the worklist.");
        }
        return rows;
    }

    String figuresSubtitle() {
        return "Period " + f.dso().periodStart() + " to " + f.dso().periodEnd() + " (" + f.dso().days() + " days) · amounts in "
                + currency + " · n/a: undefined (the flags in kpis.json say why)";
    }

    PackRows figures() {
        MonthEndFigures.DsoFigures d = f.dso();
        PackRows rows = new PackRows();
        rows.block("Days sales outstanding", "Figure", "Days");
        rows.row("DSO (standard)", figure(d.standard()));
        rows.row("DSO (average AR)", figure(d.averageAr()));
        rows.row("DSO (countback)", figure(d.countback()));
        rows.row("Best possible DSO", figure(d.bestPossible()));
        rows.row("Average days delinquent", figure(d.averageDaysDelinquent()));
        rows.row("DSO (rolling three months)", figure(d.rollingThreeMonth()));
        rows.block("Their inputs", "Input", "Amount");
        rows.row("Credit sales of the period", amount(d.creditSales()));
        rows.row("Beginning AR", amount(d.beginningAr()));
        rows.row("Ending AR", amount(d.endingAr()));
        rows.row("Current AR (not yet due)", amount(d.currentAr()));
        rows.block("Collection effectiveness index", "Period", "CEI", "Beginning AR", "Credit sales", "Ending AR", "Ending current AR");
        rows.row("Month", figure(f.cei()), amount(d.beginningAr()), amount(d.creditSales()), amount(d.endingAr()), amount(d.currentAr()));
        MonthEndFigures.CeiFigures q = f.ceiQuarter();
        if (q != null) {
            rows.row("Quarter " + q.periodStart() + " to " + q.periodEnd(), figure(q.cei()), amount(q.beginningAr()),
                    amount(q.creditSales()), amount(q.endingAr()), amount(q.endingCurrentAr()));
        }
        Allowance a = f.allowance();
        if (a != null) {
            rows.block("Bad-debt allowance", "Bucket", "Balance", "Loss rate", "Allowance");
            for (Allowance.Line l : a.lines()) {
                rows.row(l.label(), amount(l.balance()), figure(l.ratePercent()) + " %", amount(l.allowance()));
            }
            rows.total("Required allowance (the exact sum, rounded once)", "", "", amount(a.total()));
        }
        if (!f.trend().isEmpty()) {
            rows.block("Month-end trend", "Month-end", "Total open AR", "DSO", "Best possible DSO", "Avg days delinquent", "CEI");
            for (Trend.Point p : f.trend()) {
                rows.row(p.asOf() + ("this run".equals(p.source()) ? " (this run)" : ""), amount(p.totalOpen()), figure(p.dsoStandard()),
                        figure(p.dsoBestPossible()), figure(p.averageDaysDelinquent()), figure(p.cei()));
            }
        }
        return rows;
    }

    String trendSubtitle() {
        return f.trend().size() + " month-ends: the store's snapshots of the twelve months before and this run; a month-end"
                + " with an undefined figure is a gap in its line.";
    }

    List<Map<String, ?>> dsoPoints() {
        List<Map<String, ?>> points = new ArrayList<>();
        points(points, "DSO", Trend.Point::dsoStandard);
        points(points, "Best possible DSO", Trend.Point::dsoBestPossible);
        points(points, "Average days delinquent", Trend.Point::averageDaysDelinquent);
        return points;
    }

    List<Map<String, ?>> ceiPoints() {
        List<Map<String, ?>> points = new ArrayList<>();
        points(points, "CEI", Trend.Point::cei);
        return points;
    }

    private void points(List<Map<String, ?>> out, String series, Function<Trend.Point, BigDecimal> value) {
        for (Trend.Point p : f.trend()) {
            BigDecimal v = value.apply(p);
            if (v != null) {
                out.add(Map.of("series", series, "month", p.asOf().toString(), "value", v));
            }
        }
    }

    String cashSubtitle() {
        MonthEndFigures.CashApplicationFigures c = f.cashApplication();
        return count(c.bankCreditsCount()) + " bank credits with a value date in " + f.dso().periodStart() + " to " + f.asOf()
                + ", each counted once under the status that describes it; amounts in " + currency + " at the value date's rate.";
    }

    PackRows cashApplication() {
        MonthEndFigures.CashApplicationFigures c = f.cashApplication();
        PackRows rows = new PackRows();
        rows.block("Bank credits by status", "Status", "Credits", "Share by count", "Amount", "Share by amount");
        share(rows, "AUTO: applied in full", c.auto());
        share(rows, "SUGGESTED: needs a person", c.suggested());
        share(rows, "ON_ACCOUNT: customer known, not all applied", c.onAccount());
        share(rows, "UNMATCHED: no customer identified", c.unmatched());
        share(rows, "RECONCILED: already applied in the ERP", c.reconciled());
        rows.total("All bank credits of the period", count(c.bankCreditsCount()), "", amount(c.bankCreditsAmount()), "");
        rows.block("Unapplied and unidentified cash", "Cash", "Credits", "Share by count", "Amount", "Share by amount");
        share(rows, "Unapplied (on account and unmatched)", c.unapplied());
        share(rows, "Unidentified (unmatched)", c.unidentified());
        rows.block("Time to apply", "Measured on", "Credits", "Median days", "90th percentile days");
        time(rows, "AUTO credits: as-of − value date", c.timeToApplyAuto());
        time(rows, "ERP receipts naming a bank line: receipt − value date", c.timeToApplyErp());
        largest(rows, "Largest cash application exceptions", e -> e.category().startsWith("CASH_") || e.category().startsWith("DISCOUNT_"));
        return rows;
    }

    private static void share(PackRows rows, String label, MonthEndFigures.Share s) {
        rows.row(label, count(s.count()), percent(s.rateCount()), amount(s.amount()), percent(s.rateAmount()));
    }

    private static void time(PackRows rows, String label, MonthEndFigures.TimeToApply t) {
        if (t == null) {
            rows.row(label, PackFormat.NOT_AVAILABLE);
        } else {
            rows.row(label, count(t.credits()), figure(t.medianDays()), figure(t.p90Days()));
        }
    }

    String exceptionsSubtitle() {
        return count(data.exceptions().size()) + " exceptions in this run; per group the " + LARGEST + " largest by amount in " + currency
                + " at the as-of rate (then in published order); exceptions.csv and the workbook's Exceptions sheet list every one.";
    }

    PackRows exceptions() {
        PackRows rows = new PackRows();
        rows.block("Exceptions by category", "Category", "Errors", "Warnings", "All");
        Map<String, long[]> byCategory = new java.util.TreeMap<>();
        for (ExceptionItem e : data.exceptions()) {
            long[] n = byCategory.computeIfAbsent(e.category(), k -> new long[2]);
            n[e.severity().name().equals("ERROR") ? 0 : 1]++;
        }
        byCategory.forEach((category, n) -> rows.row(category, count(n[0]), count(n[1]), count(n[0] + n[1])));
        if (byCategory.isEmpty()) {
            rows.row("No exceptions in this run.");
        }
        GROUPS.forEach((name, group) -> largest(rows, name, group));
        return rows;
    }

    /**
     * The largest exceptions of a group by absolute amount in the functional currency at the as-of
     * rate (those without an amount last), as term and sentence; an amount in a currency without a
     * rate ranks by its own amount.
     */
    private void largest(PackRows rows, String heading, Predicate<ExceptionItem> group) {
        List<ExceptionItem> items = data.exceptions().stream().filter(group).toList();
        if (items.isEmpty()) {
            return;
        }
        List<Ranked> sorted = new ArrayList<>(items.size());
        items.forEach(e -> sorted.add(new Ranked(e, rankAmount(e))));
        sorted.sort(Comparator.comparing(Ranked::amount).reversed()); // stable: equal amounts keep the published order
        rows.block(heading + " (" + count(items.size()) + (items.size() > LARGEST ? ", the " + LARGEST + " largest" : "") + ")");
        for (Ranked r : sorted.subList(0, Math.min(LARGEST, sorted.size()))) {
            ExceptionItem e = r.item();
            rows.wide(e.category(), e.severity().name().toLowerCase(java.util.Locale.ROOT) + " · " + e.entityType() + " " + e.entityId()
                    + (e.amount() == null ? "" : " · " + PackFormat.amountWithCurrency(e.amount())) + " · " + e.reason());
        }
    }

    private record Ranked(ExceptionItem item, BigDecimal amount) {
    }

    private BigDecimal rankAmount(ExceptionItem e) {
        if (e.amount() == null) {
            return BigDecimal.ONE.negate();
        }
        Money m = e.amount();
        if (data.rates() != null && !m.currency().equals(data.rates().functional())) {
            try {
                m = data.rates().toFunctional(m, f.asOf());
            } catch (MissingFxRateException noRate) {
                // ranked by its own amount: the exception is listed either way, with its own currency
            }
        }
        return m.amount().abs();
    }

    String rollForwardSubtitle() {
        return "Roll-forward for " + f.dso().periodStart() + " to " + f.asOf() + "; credit exposure and collections as of " + f.asOf()
                + "; amounts in " + currency + " unless a currency is named.";
    }

    PackRows rollForward() {
        MonthEndFigures.RollForward rf = f.rollforward();
        PackRows rows = new PackRows();
        rows.block("AR roll-forward (" + currency + ")", "Line", "Amount");
        rows.row("Opening AR", amount(rf.openingAr()));
        rows.row("Invoiced (+)", amount(rf.invoiced()));
        rows.row("Credit memos (−)", amount(rf.creditMemos()));
        rows.row("Cash applied (−)", amount(rf.cashApplied()));
        rows.row("Write-offs (−)", amount(rf.writeOffs()));
        rows.row("FX revaluation (+)", amount(rf.fxRevaluation()));
        rows.total("Closing AR", amount(rf.closingAr()));
        rows.total("Difference (must be 0.00)", amount(rf.difference()));
        if (!f.rollforwardByCurrency().isEmpty()) {
            rows.block("Per document currency (exact; each difference is a control on the cover)", "Currency", "Opening AR", "Invoiced",
                    "Credit memos", "Cash applied", "Closing AR");
            for (MonthEndFigures.CurrencyRollForward c : f.rollforwardByCurrency()) {
                rows.row(c.currency().getCurrencyCode(), amount(c.openingAr()), amount(c.invoiced()), amount(c.creditMemos()),
                        amount(c.cashApplied()), amount(c.closingAr()));
            }
        }
        MonthEndFigures.ExposureFigures e = f.creditExposure();
        if (e != null) {
            rows.block("Credit exposure: " + count(e.overLimit().size()) + " of " + count(e.customersWithLimit())
                    + " customers with a limit are over it, by " + amount(e.overLimitExcess()) + " together"
                    + (e.overLimit().size() > LARGEST ? " (the " + LARGEST + " largest excesses)" : ""),
                    "Customer (with subsidiaries)", "Limit", "Limit (" + currency + ")", "Open AR", "Headroom", "Utilisation");
            for (CreditExposure.Line l : e.overLimit().subList(0, Math.min(LARGEST, e.overLimit().size()))) {
                rows.row(l.customerId() + "  " + l.name() + (l.members().size() > 1 ? " (+" + (l.members().size() - 1) + ")" : ""),
                        PackFormat.amountWithCurrency(l.creditLimit()), amount(l.limitFunctional()), amount(l.openAr()),
                        amount(l.headroom()), percent(l.utilisation()));
            }
        }
        MonthEndFigures.CollectionsFigures c = f.collections();
        if (c != null) {
            rows.block("Collections worklist by dunning level", "Level", "Items", "Amount");
            for (CollectionsWorklist.Level l : c.byLevel()) {
                rows.row("Level " + l.level(), count(l.items()), amount(l.amount()));
            }
            rows.total("Overdue, not disputed", count(c.overdueItems()), amount(c.overdueAmount()));
        }
        return rows;
    }

    PackRows definitions() {
        PackRows rows = new PackRows();
        rows.block("");
        f.conventions().forEach(rows::wide);
        if (rows.isEmpty()) {
            rows.wide("aging", Conventions.aging(f));
        }
        return rows;
    }
}
