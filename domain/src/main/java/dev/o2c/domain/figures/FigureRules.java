package dev.o2c.domain.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of the figures beyond the aging buckets, each printed with the figure it
 * shapes (METRICS.md: every convention is a parameter).
 *
 * @param allowanceRatesPercent bad-debt loss rate in percent for each aging bucket, in the
 *        buckets' order (METRICS.md section 5); as many as there are buckets
 * @param dunningDays days past due at which an overdue item reaches dunning level 1, 2, ...;
 *        strictly increasing, from 1
 */
public record FigureRules(List<BigDecimal> allowanceRatesPercent, List<Integer> dunningDays) {

    /** METRICS.md section 5's example rates, the last repeated for any further bucket: an example, not advice. */
    private static final List<BigDecimal> EXAMPLE_RATES = List.of(new BigDecimal("1"), new BigDecimal("5"), new BigDecimal("10"),
            new BigDecimal("25"), new BigDecimal("50"));

    /** Reminder, second reminder, final notice, collections: the days past due a level starts at. */
    public static final List<Integer> DEFAULT_DUNNING_DAYS = List.of(1, 15, 30, 60);

    /** @throws IllegalArgumentException naming the setting and what is wrong */
    public FigureRules {
        allowanceRatesPercent = List.copyOf(allowanceRatesPercent);
        dunningDays = List.copyOf(dunningDays);
        for (BigDecimal rate : allowanceRatesPercent) {
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("allowance-rates: " + rate.toPlainString() + " is not a percentage from 0 to 100");
            }
        }
        if (dunningDays.isEmpty()) {
            throw new IllegalArgumentException("dunning-days: at least one level is needed");
        }
        int previous = 0;
        for (Integer d : dunningDays) {
            if (d == null || d <= previous) {
                throw new IllegalArgumentException("dunning-days: " + dunningDays + " must be whole days, increasing, from 1");
            }
            previous = d;
        }
    }

    /** The example rates for {@code buckets} buckets and the default dunning days. */
    public static FigureRules defaults(int buckets) {
        return new FigureRules(exampleRates(buckets), DEFAULT_DUNNING_DAYS);
    }

    /** METRICS.md's example rates stretched to {@code buckets} buckets (the last rate repeats). */
    public static List<BigDecimal> exampleRates(int buckets) {
        List<BigDecimal> rates = new ArrayList<>();
        for (int i = 0; i < buckets; i++) {
            rates.add(EXAMPLE_RATES.get(Math.min(i, EXAMPLE_RATES.size() - 1)));
        }
        return rates;
    }

    /** The dunning level of an item so many days past due: how many thresholds it has reached (0: not dunned). */
    public int dunningLevel(long daysPastDue) {
        int level = 0;
        for (int d : dunningDays) {
            if (daysPastDue >= d) {
                level++;
            }
        }
        return level;
    }

    /** For the manifest. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("allowance_rates_percent", allowanceRatesPercent.stream().map(BigDecimal::toPlainString).toList());
        m.put("dunning_days", dunningDays);
        return m;
    }
}
