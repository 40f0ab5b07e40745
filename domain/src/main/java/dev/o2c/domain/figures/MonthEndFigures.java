package dev.o2c.domain.figures;

import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

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
        List<String> flags) {

    public MonthEndFigures {
        rollforwardByCurrency = List.copyOf(rollforwardByCurrency);
        flags = List.copyOf(flags);
    }

    public record BucketAmount(String label, Money amount) {
    }

    public record AgingFigures(String basis, List<BucketAmount> buckets, Money totalOpen, Money unappliedCash) {
        public AgingFigures {
            buckets = List.copyOf(buckets);
        }
    }

    /** Days to 2 places; each DSO null when credit sales are not positive. */
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
            BigDecimal averageDaysDelinquent) {
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
            Share reconciled) {
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
