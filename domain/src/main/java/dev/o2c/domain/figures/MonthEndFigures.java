package dev.o2c.domain.figures;

import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The month-end figures of {@code kpis.json} (CONTRACTS.md section 3.1), all in the
 * functional currency, rounded to their published places. Null figures are ones a
 * formula could not give (zero sales, no credits); {@link #flags()} says why.
 */
public record MonthEndFigures(
        LocalDate asOf,
        Currency functionalCurrency,
        AgingFigures aging,
        DsoFigures dso,
        BigDecimal cei,
        CashApplicationFigures cashApplication,
        RollForward rollforward,
        List<CurrencyRollForward> rollforwardByCurrency,
        List<String> flags,
        CeiFigures ceiQuarter,
        Allowance allowance,
        ExposureFigures creditExposure,
        CollectionsFigures collections,
        Map<String, String> conventions,
        List<Trend.Point> trend) {

    public MonthEndFigures {
        rollforwardByCurrency = List.copyOf(rollforwardByCurrency);
        flags = List.copyOf(flags);
        conventions = conventions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(conventions));
        trend = trend == null ? List.of() : List.copyOf(trend);
    }

    /** The same figures with the month-end trend (which comes from the store's snapshots). */
    public MonthEndFigures withTrend(List<Trend.Point> points) {
        return new MonthEndFigures(asOf, functionalCurrency, aging, dso, cei, cashApplication, rollforward, rollforwardByCurrency,
                flags, ceiQuarter, allowance, creditExposure, collections, conventions, points);
    }

    /** The figures of CONTRACTS.md 3.1 alone (what a snapshot written before the others were added holds). */
    public MonthEndFigures(LocalDate asOf, Currency functionalCurrency, AgingFigures aging, DsoFigures dso, BigDecimal cei,
                           CashApplicationFigures cashApplication, RollForward rollforward,
                           List<CurrencyRollForward> rollforwardByCurrency, List<String> flags) {
        this(asOf, functionalCurrency, aging, dso, cei, cashApplication, rollforward, rollforwardByCurrency, flags, null, null,
                null, null, null, null);
    }

    /**
     * CEI over a period that ends at as-of (METRICS.md section 3): the quarter to date.
     *
     * @param cei null when the denominator is not positive
     */
    public record CeiFigures(LocalDate periodStart, LocalDate periodEnd, Money beginningAr, Money creditSales, Money endingAr,
                             Money endingCurrentAr, BigDecimal cei) {
    }

    /** Credit exposure in short: how many customers have a limit, and those over it (largest excess first). */
    public record ExposureFigures(int customersWithLimit, List<CreditExposure.Line> overLimit, Money overLimitExcess) {
        public ExposureFigures {
            overLimit = List.copyOf(overLimit);
        }
    }

    /** The collections worklist in short: overdue invoices, their functional amount, and per dunning level. */
    public record CollectionsFigures(long overdueItems, Money overdueAmount, List<CollectionsWorklist.Level> byLevel) {
        public CollectionsFigures {
            byLevel = List.copyOf(byLevel);
        }
    }

    public record BucketAmount(String label, Money amount) {
    }

    /**
     * @param disputed disputed items' subtotal, included in the buckets; null in a snapshot written before it was added
     * @param disputedItems how many items are disputed; -1 where {@code disputed} is null
     */
    public record AgingFigures(String basis, List<BucketAmount> buckets, Money totalOpen, Money unappliedCash, Money disputed,
                               long disputedItems) {
        public AgingFigures {
            buckets = List.copyOf(buckets);
        }

        /** Without the disputed subtotal (a snapshot written before it was added). */
        public AgingFigures(String basis, List<BucketAmount> buckets, Money totalOpen, Money unappliedCash) {
            this(basis, buckets, totalOpen, unappliedCash, null, -1);
        }
    }

    /**
     * Days to 2 places; each DSO null when credit sales are not positive. The rolling
     * three-month DSO is the average of the last three month-end ARs x 30 / the average
     * monthly credit sales of those three months (the current one to as-of).
     */
    public record DsoFigures(
            LocalDate periodStart,
            LocalDate periodEnd,
            int days,
            Money creditSales,
            Money beginningAr,
            Money endingAr,
            Money currentAr,
            BigDecimal standard,
            BigDecimal averageAr,
            BigDecimal countback,
            BigDecimal bestPossible,
            BigDecimal averageDaysDelinquent,
            BigDecimal rollingThreeMonth) {

        /** Without the rolling three-month DSO (a snapshot written before it was added). */
        public DsoFigures(LocalDate periodStart, LocalDate periodEnd, int days, Money creditSales, Money beginningAr, Money endingAr,
                          Money currentAr, BigDecimal standard, BigDecimal averageAr, BigDecimal countback, BigDecimal bestPossible,
                          BigDecimal averageDaysDelinquent) {
            this(periodStart, periodEnd, days, creditSales, beginningAr, endingAr, currentAr, standard, averageAr, countback,
                    bestPossible, averageDaysDelinquent, null);
        }
    }

    /** One status's share of the period's bank credits; rates to 4 places, null when there are no credits. */
    public record Share(long count, Money amount, BigDecimal rateCount, BigDecimal rateAmount) {
    }

    /**
     * Bank credits with a value date in the period, each counted once under the status
     * that describes it: reconciled (already in the ERP), auto (applied in full by us),
     * suggested, on account (customer known, at least part not applied), unmatched.
     */
    public record CashApplicationFigures(
            long bankCreditsCount,
            Money bankCreditsAmount,
            Share auto,
            Share suggested,
            Share onAccount,
            Share unmatched,
            Share reconciled,
            TimeToApply timeToApplyAuto,
            TimeToApply timeToApplyErp) {

        /** Without the times to apply (a snapshot written before they were added). */
        public CashApplicationFigures(long bankCreditsCount, Money bankCreditsAmount, Share auto, Share suggested, Share onAccount,
                                      Share unmatched, Share reconciled) {
            this(bankCreditsCount, bankCreditsAmount, auto, suggested, onAccount, unmatched, reconciled, null, null);
        }

        /** Unapplied cash (METRICS.md section 4): credits not applied to invoices, on account or unmatched. */
        public Share unapplied() {
            long count = onAccount.count() + unmatched.count();
            Money amount = onAccount.amount().plus(unmatched.amount());
            return new Share(count, amount,
                    Formulas.round(Formulas.ratio(BigDecimal.valueOf(count), BigDecimal.valueOf(bankCreditsCount)), 4),
                    Formulas.round(Formulas.ratio(amount.amount(), bankCreditsAmount.amount()), 4));
        }

        /** Unidentified cash: the unmatched credits, no customer identified. */
        public Share unidentified() {
            return unmatched;
        }
    }

    /**
     * Days from a bank credit's value date to its application, over the period's credits: the
     * median (the mean of the middle two for an even count) and the 90th percentile (nearest
     * rank), to 2 places; both null when there is no credit to measure.
     */
    public record TimeToApply(long credits, BigDecimal medianDays, BigDecimal p90Days) {
    }

    /**
     * opening + invoiced - credit memos - cash applied - write-offs + fx revaluation = closing.
     * The difference is the sum of the per-currency differences at the as-of rate; it must be 0.00.
     * fx_revaluation is what re-stating foreign-currency AR at each date's rate adds.
     */
    public record RollForward(
            Money openingAr,
            Money invoiced,
            Money creditMemos,
            Money cashApplied,
            Money writeOffs,
            Money fxRevaluation,
            Money closingAr,
            Money difference) {
    }

    /** The roll-forward in one document currency: exact, no rates involved. */
    public record CurrencyRollForward(
            Currency currency,
            Money openingAr,
            Money invoiced,
            Money creditMemos,
            Money cashApplied,
            Money closingAr,
            Money difference) {
    }
}
