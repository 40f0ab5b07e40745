package dev.o2c.domain.figures;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The formulas of METRICS.md sections 2 and 3, on plain decimals in one currency.
 * Full precision inside ({@link #MC}), rounding once at the edge by the caller.
 * A formula whose denominator is not positive returns null: never infinity, never zero.
 */
public final class Formulas {

    /** Working precision: 34 significant digits, far past any rounding edge we publish. */
    public static final MathContext MC = MathContext.DECIMAL128;

    private Formulas() {
    }

    /** Standard DSO = ending AR / credit sales x days. */
    public static BigDecimal standardDso(BigDecimal endingAr, BigDecimal creditSales, int days) {
        return perDays(endingAr, creditSales, days);
    }

    /** Average-AR DSO = ((beginning AR + ending AR) / 2) / credit sales x days. */
    public static BigDecimal averageArDso(BigDecimal beginningAr, BigDecimal endingAr, BigDecimal creditSales, int days) {
        return perDays(beginningAr.add(endingAr).divide(BigDecimal.valueOf(2), MC), creditSales, days);
    }

    /** Best possible DSO = current (not yet due) AR / credit sales x days. */
    public static BigDecimal bestPossibleDso(BigDecimal currentAr, BigDecimal creditSales, int days) {
        return perDays(currentAr, creditSales, days);
    }

    /** Average days delinquent = standard DSO - best possible DSO; null when either is. */
    public static BigDecimal averageDaysDelinquent(BigDecimal standard, BigDecimal bestPossible) {
        return standard == null || bestPossible == null ? null : standard.subtract(bestPossible, MC);
    }

    private static BigDecimal perDays(BigDecimal ar, BigDecimal creditSales, int days) {
        if (creditSales.signum() <= 0) {
            return null;
        }
        return ar.multiply(BigDecimal.valueOf(days), MC).divide(creditSales, MC);
    }

    /**
     * Rolling three-month DSO = (average of the last three month-end ARs) x 30 / (average
     * monthly credit sales of the last three months); null when that average is not positive.
     */
    public static BigDecimal rollingThreeMonthDso(List<BigDecimal> monthEndArs, List<BigDecimal> monthlySales) {
        if (monthEndArs.size() != 3 || monthlySales.size() != 3) {
            throw new IllegalArgumentException("three month-end ARs and three months of sales are needed");
        }
        BigDecimal three = BigDecimal.valueOf(3);
        BigDecimal sales = monthlySales.get(0).add(monthlySales.get(1)).add(monthlySales.get(2)).divide(three, MC);
        if (sales.signum() <= 0) {
            return null;
        }
        BigDecimal ar = monthEndArs.get(0).add(monthEndArs.get(1)).add(monthEndArs.get(2)).divide(three, MC);
        return ar.multiply(BigDecimal.valueOf(30), MC).divide(sales, MC);
    }

    /** One month of the countback walk: its credit sales and its days. */
    public record MonthSales(BigDecimal sales, int days) {
    }

    /** The countback result; {@code exhausted} when sales history ran out (or turned non-positive) before AR did. */
    public record Countback(BigDecimal days, boolean exhausted) {
    }

    /**
     * Countback (exhaustion) DSO: walk back month by month, latest first; while the
     * remaining AR covers a month's sales add its days; then add the fraction of the
     * month the rest covers. Stops, flagged, at a month with sales of zero or less
     * or when history runs out.
     */
    public static Countback countbackDso(BigDecimal endingAr, List<MonthSales> latestFirst) {
        BigDecimal remaining = endingAr;
        BigDecimal days = BigDecimal.ZERO;
        if (remaining.signum() <= 0) {
            return new Countback(days, false);
        }
        for (MonthSales month : latestFirst) {
            if (month.sales().signum() <= 0) {
                return new Countback(days, true);
            }
            if (remaining.compareTo(month.sales()) >= 0) {
                days = days.add(BigDecimal.valueOf(month.days()));
                remaining = remaining.subtract(month.sales());
                if (remaining.signum() == 0) {
                    return new Countback(days, false);
                }
            } else {
                return new Countback(days.add(BigDecimal.valueOf(month.days()).multiply(remaining, MC).divide(month.sales(), MC)), false);
            }
        }
        return new Countback(days, true);
    }

    /**
     * CEI = (beginning AR + credit sales - ending total AR) / (beginning AR + credit sales - ending current AR) x 100.
     */
    public static BigDecimal cei(BigDecimal beginningAr, BigDecimal creditSales, BigDecimal endingTotal, BigDecimal endingCurrent) {
        BigDecimal available = beginningAr.add(creditSales);
        BigDecimal denominator = available.subtract(endingCurrent);
        if (denominator.signum() <= 0) {
            return null;
        }
        return available.subtract(endingTotal).multiply(BigDecimal.valueOf(100)).divide(denominator, MC);
    }

    /** part / whole, or null when whole is zero. */
    public static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, MC);
    }

    /** Rounds half-even to {@code places}; null stays null. */
    public static BigDecimal round(BigDecimal value, int places) {
        return value == null ? null : value.setScale(places, RoundingMode.HALF_EVEN);
    }
}
