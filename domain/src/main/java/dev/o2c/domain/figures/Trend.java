package dev.o2c.domain.figures;

import dev.o2c.domain.figures.MonthEndFigures.BucketAmount;
import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The month-end trend: the figures of up to twelve earlier month-ends as their snapshots
 * recorded them (what was reported then, not recomputed), and this run's. A month without a
 * snapshot is left out, not made up; closing that month-end again records it.
 */
public final class Trend {

    /** Months of history shown before the as-of month. */
    public static final int MONTHS = 12;

    private Trend() {
    }

    /**
     * One month-end.
     *
     * @param agingMix each bucket's share of the total open (4 places; null when the total is zero)
     * @param source {@code snapshot} (recorded by the run named) or {@code this run}
     */
    public record Point(LocalDate asOf, Money totalOpen, BigDecimal dsoStandard, BigDecimal dsoBestPossible,
                        BigDecimal averageDaysDelinquent, BigDecimal cei, List<Share> agingMix, String source) {
        public Point {
            agingMix = List.copyOf(agingMix);
        }
    }

    public record Share(String label, BigDecimal share) {
    }

    /** The points: snapshots of the twelve months before as-of's (oldest first), then this run's figures. */
    public static List<Point> of(List<MonthEndFigures> snapshots, MonthEndFigures current) {
        YearMonth month = YearMonth.from(current.asOf());
        YearMonth from = month.minusMonths(MONTHS);
        List<Point> points = new ArrayList<>();
        snapshots.stream()
                .filter(s -> {
                    YearMonth m = YearMonth.from(s.asOf());
                    return !m.isBefore(from) && m.isBefore(month);
                })
                .sorted(Comparator.comparing(MonthEndFigures::asOf))
                .forEach(s -> points.add(point(s, "snapshot")));
        points.add(point(current, "this run"));
        return points;
    }

    private static Point point(MonthEndFigures f, String source) {
        List<Share> mix = new ArrayList<>();
        for (BucketAmount b : f.aging().buckets()) {
            mix.add(new Share(b.label(), Formulas.round(Formulas.ratio(b.amount().amount(), f.aging().totalOpen().amount()), 4)));
        }
        return new Point(f.asOf(), f.aging().totalOpen(), f.dso().standard(), f.dso().bestPossible(),
                f.dso().averageDaysDelinquent(), f.cei(), mix, source);
    }
}
