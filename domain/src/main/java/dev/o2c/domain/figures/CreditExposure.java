package dev.o2c.domain.figures;

import dev.o2c.domain.aging.AgedItem;
import dev.o2c.domain.ar.Customer;
import dev.o2c.domain.money.FxRates;
import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Open AR against each customer's credit limit (customers.csv {@code credit_limit}, in the
 * customer's currency): a parent's exposure is its own open items and those of its
 * subsidiaries, at any depth. Open AR is the functional amount of the aging (credits and
 * unapplied cash net it down); the limit is converted at the as-of rate. Customers without
 * a limit are not listed.
 */
public record CreditExposure(List<Line> lines) {

    public CreditExposure {
        lines = List.copyOf(lines);
    }

    /**
     * @param members the customer and its subsidiaries, the customer first
     * @param headroom limit less open AR; negative when over the limit
     * @param utilisation open AR / limit to 4 places; null for a limit of zero
     */
    public record Line(String customerId, String name, List<String> members, Money creditLimit, Money limitFunctional,
                       Money openAr, Money headroom, BigDecimal utilisation, boolean overLimit) {
    }

    public static CreditExposure of(List<Customer> customers, Iterable<AgedItem> items, FxRates fx, LocalDate asOf) {
        // one loop a method: a hot loop is then compiled on its own, not with all of this around it
        return of(customers, openByCustomer(items, fx), fx, asOf);
    }

    /** As {@link #of(List, Iterable, FxRates, LocalDate)} from each customer's open AR in the functional currency (an aging's). */
    public static CreditExposure of(List<Customer> customers, Map<String, Money> openByCustomer, FxRates fx, LocalDate asOf) {
        Map<String, List<String>> children = children(customers);
        FxRates.Converter at = fx.at(asOf); // each currency's rate looked up once, not once a customer
        Money zero = fx.zero();
        List<Line> lines = new ArrayList<>();
        for (Customer c : customers) {
            if (c.creditLimit() != null) {
                lines.add(line(c, group(c.customerId(), children), openByCustomer, at, zero));
            }
        }
        lines.sort(Comparator.comparing(Line::customerId));
        return new CreditExposure(lines);
    }

    /** Open AR per customer in the functional currency. */
    private static Map<String, Money> openByCustomer(Iterable<AgedItem> items, FxRates fx) {
        // summed run by run: the aging comes ordered by customer, so a customer is looked up once, not once an item
        Map<String, BigDecimal> sums = new HashMap<>();
        String current = null;
        BigDecimal run = BigDecimal.ZERO;
        for (AgedItem a : items) {
            String id = a.item().customerId();
            if (!id.equals(current)) {
                if (current != null) {
                    sums.merge(current, run, BigDecimal::add);
                }
                current = id;
                run = BigDecimal.ZERO;
            }
            run = run.add(a.functional().amount());
        }
        if (current != null) {
            sums.merge(current, run, BigDecimal::add);
        }
        Map<String, Money> openByCustomer = new HashMap<>(sums.size() * 2);
        sums.forEach((id, sum) -> openByCustomer.put(id, Money.of(sum, fx.functional())));
        return openByCustomer;
    }

    /** Each parent's direct subsidiaries, in id order. */
    private static Map<String, List<String>> children(List<Customer> customers) {
        Map<String, List<String>> children = new HashMap<>();
        for (Customer c : customers) {
            if (c.parentCustomerId() != null && !c.parentCustomerId().equals(c.customerId())) {
                children.computeIfAbsent(c.parentCustomerId(), k -> new ArrayList<>()).add(c.customerId());
            }
        }
        children.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        return children;
    }

    private static Line line(Customer c, List<String> members, Map<String, Money> openByCustomer, FxRates.Converter at,
                             Money zero) {
        Money open = zero;
        for (String m : members) {
            open = open.plus(openByCustomer.getOrDefault(m, zero));
        }
        Money limit = at.toFunctional(c.creditLimit());
        Money headroom = limit.minus(open);
        BigDecimal utilisation = Formulas.round(Formulas.ratio(open.amount(), limit.amount()), 4);
        return new Line(c.customerId(), c.name(), members, c.creditLimit(), limit, open, headroom, utilisation, headroom.isNegative());
    }

    /** The customer and everyone below it, each once (a loop in the parents ends where it closes). */
    private static List<String> group(String top, Map<String, List<String>> children) {
        if (!children.containsKey(top)) {
            return List.of(top); // most customers: no subsidiaries
        }
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(top);
        while (!todo.isEmpty()) {
            String c = todo.removeFirst();
            if (seen.add(c)) {
                todo.addAll(children.getOrDefault(c, List.of()));
            }
        }
        return List.copyOf(seen);
    }

    /** The customers over their limit, the largest excess first (then by id). */
    public List<Line> overLimit() {
        return lines.stream().filter(Line::overLimit)
                .sorted(Comparator.comparing((Line l) -> l.headroom().amount()).thenComparing(Line::customerId)).toList();
    }

    /** What the over-limit customers exceed their limits by, together (a positive amount). */
    public Money overLimitExcess(Money zero) {
        Money sum = zero;
        for (Line l : overLimit()) {
            sum = sum.minus(l.headroom());
        }
        return sum;
    }
}
