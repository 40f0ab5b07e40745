package dev.o2c.domain.aging;

import dev.o2c.domain.money.Money;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aging by customer, built item by item: the largest customers by total open, one
 * line for all the others, and the total. Every line is a sum of the items' functional
 * amounts, so the lines always add up to the total. Memory grows with the customers.
 */
public final class CustomerAging {

    /** One line: a customer (or the rest) with its amount per bucket. */
    public record Line(String customerId, String label, List<Money> buckets, Money total, int customers) {
    }

    private final AgingBuckets buckets;
    private final Money zero;
    private final Map<String, Money[]> byCustomer = new HashMap<>();

    public CustomerAging(AgingBuckets buckets, Money zero) {
        this.buckets = buckets;
        this.zero = zero;
    }

    public void add(AgedItem item) {
        Money[] amounts = byCustomer.computeIfAbsent(item.item().customerId(), c -> {
            Money[] a = new Money[buckets.size()];
            java.util.Arrays.fill(a, zero);
            return a;
        });
        amounts[item.bucket()] = amounts[item.bucket()].plus(item.functional());
    }

    /**
     * The {@code top} customers by total open (ties by id), then one line for the rest
     * when there is any, then the total line.
     *
     * @param names customer names by id; an unknown id shows as itself
     */
    public List<Line> lines(int top, Map<String, String> names) {
        List<Line> all = new ArrayList<>();
        for (Map.Entry<String, Money[]> e : byCustomer.entrySet()) {
            all.add(line(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), List.of(e.getValue()), 1));
        }
        all.sort(Comparator.comparing(Line::total, Comparator.reverseOrder()).thenComparing(Line::customerId));
        List<Line> out = new ArrayList<>(all.subList(0, Math.min(top, all.size())));
        if (all.size() > top) {
            List<Line> rest = all.subList(top, all.size());
            out.add(line(null, "All other customers (" + rest.size() + ")", sum(rest), rest.size()));
        }
        out.add(line(null, "Total", sum(all), all.size()));
        return out;
    }

    public int customerCount() {
        return byCustomer.size();
    }

    private List<Money> sum(List<Line> lines) {
        List<Money> sums = new ArrayList<>(Collections.nCopies(buckets.size(), zero));
        for (Line l : lines) {
            for (int i = 0; i < sums.size(); i++) {
                sums.set(i, sums.get(i).plus(l.buckets().get(i)));
            }
        }
        return sums;
    }

    private Line line(String id, String label, List<Money> amounts, int customers) {
        Money total = zero;
        for (Money m : amounts) {
            total = total.plus(m);
        }
        return new Line(id, label, List.copyOf(amounts), total, customers);
    }
}
