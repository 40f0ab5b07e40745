package dev.o2c.domain.figures;

import dev.o2c.domain.cashapp.ApplicationStatus;
import dev.o2c.domain.cashapp.CashAllocation;
import dev.o2c.domain.cashapp.CashApplicationEngine;
import dev.o2c.domain.controls.Control;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.money.FxRates;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nightly run's cash-application report: the bank credits of the night's statement files,
 * each counted once under the status that describes it, as the month-end's cash-application
 * figures count them (METRICS.md), with the rows that show where each went. The work of the
 * morning is in the rows: SUGGESTED to confirm, ON_ACCOUNT and UNMATCHED to investigate.
 *
 * @param rows the allocation rows of those credits, in the engine's order
 * @param figures counts and amounts per status; time to apply is as-of − value date of the AUTO credits
 * @param controls every credit decided, and per currency the credits = the sum of their rows
 */
public record DailyCashApplication(LocalDate asOf, List<CashAllocation> rows, MonthEndFigures.CashApplicationFigures figures,
                                   List<Control> controls) {

    /**
     * @param allocations every allocation row of the run
     * @param credits the night's bank credits, as {@link #key} of account and bank transaction id
     * @param fx rates to the functional currency
     */
    public static DailyCashApplication of(LocalDate asOf, List<CashAllocation> allocations, Set<String> credits, FxRates fx) {
        List<CashAllocation> rows = new ArrayList<>();
        for (CashAllocation a : allocations) {
            if (credits.contains(key(a.account(), a.bankTransactionId()))) {
                rows.add(a);
            }
        }
        Map<String, List<CashAllocation>> byCredit = MonthEndCalculator.byCredit(rows);
        List<Control> controls = new ArrayList<>();
        controls.add(Control.of("cash application: every bank credit of the night's statements decided", credits.size(),
                byCredit.size()));
        controls.addAll(MonthEndCalculator.allocationControls(byCredit));
        List<List<CashAllocation>> each = new ArrayList<>(byCredit.values());
        List<Long> autoDays = new ArrayList<>();
        for (List<CashAllocation> credit : each) {
            if (MonthEndCalculator.classify(credit) == ApplicationStatus.AUTO) {
                autoDays.add(Math.max(0, ChronoUnit.DAYS.between(credit.get(0).valueDate(), asOf)));
            }
        }
        MonthEndFigures.CashApplicationFigures figures = MonthEndCalculator.statusShares(each, fx,
                MonthEndCalculator.timeToApply(autoDays), null);
        return new DailyCashApplication(asOf, List.copyOf(rows), figures, List.copyOf(controls));
    }

    /**
     * The exceptions the night's report lists: of those about a bank credit, only the night's credits' (the store's
     * older credits are decided again every night, and their exceptions were reported on their own night and stand in
     * the month-end's); every other exception (orders against invoices, the night's statements, receipts without a
     * bank line) as it is.
     */
    public List<ExceptionItem> tonight(List<ExceptionItem> all) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        rows.forEach(r -> ids.add(r.bankTransactionId()));
        List<ExceptionItem> out = new ArrayList<>();
        for (ExceptionItem e : all) {
            if (!CashApplicationEngine.aboutACredit(e) || ids.contains(e.entityId())) {
                out.add(e);
            }
        }
        return out;
    }

    /** How a bank credit is named here: its account and the bank's transaction id. */
    public static String key(String account, String bankTransactionId) {
        return account + '\u0000' + bankTransactionId;
    }

    /** The credits that wait for a person: SUGGESTED, ON_ACCOUNT or UNMATCHED. */
    public long toWork() {
        return figures.suggested().count() + figures.onAccount().count() + figures.unmatched().count();
    }
}
