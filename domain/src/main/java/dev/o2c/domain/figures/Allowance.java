package dev.o2c.domain.figures;

import dev.o2c.domain.figures.MonthEndFigures.BucketAmount;
import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The bad-debt allowance by aging bucket (METRICS.md section 5): each bucket's balance times
 * its loss rate. The total is the exact sum rounded once, half-even; each line is rounded
 * for display, so the lines can differ from the total by a cent or so when rates have
 * decimals (stated in the report). A bucket with a net credit balance gives a negative line,
 * as the formula says.
 */
public record Allowance(List<Line> lines, Money total) {

    public Allowance {
        lines = List.copyOf(lines);
    }

    public record Line(String label, Money balance, BigDecimal ratePercent, Money allowance) {
    }

    /** @throws IllegalArgumentException when there is not one rate per bucket */
    public static Allowance of(List<BucketAmount> buckets, List<BigDecimal> ratesPercent, Currency functional) {
        if (ratesPercent.size() != buckets.size()) {
            throw new IllegalArgumentException("allowance-rates: " + ratesPercent.size() + " rates for " + buckets.size()
                    + " aging buckets " + buckets.stream().map(BucketAmount::label).toList() + "; give one rate per bucket");
        }
        int digits = functional.getDefaultFractionDigits();
        BigDecimal exactTotal = BigDecimal.ZERO;
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            BucketAmount b = buckets.get(i);
            BigDecimal exact = b.amount().amount().multiply(ratesPercent.get(i)).movePointLeft(2);
            exactTotal = exactTotal.add(exact);
            lines.add(new Line(b.label(), b.amount(), ratesPercent.get(i),
                    Money.of(exact.setScale(digits, RoundingMode.HALF_EVEN), functional)));
        }
        return new Allowance(lines, Money.of(exactTotal.setScale(digits, RoundingMode.HALF_EVEN), functional));
    }
}
