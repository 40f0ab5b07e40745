package dev.o2c.jobs;

import dev.o2c.domain.aging.AgingBasis;
import dev.o2c.domain.aging.AgingBuckets;
import dev.o2c.domain.money.Money;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a company sets in {@code config/application.yml} under {@code o2c:}. Checked at
 * start: a bad value stops the run before anything is loaded, naming key and value.
 *
 * @param entity the reporting entity's name, printed on every report
 * @param functionalCurrency ISO 4217 code figures are stated in
 * @param aging basis and upper bucket edges in days
 * @param report how the pack is laid out
 */
@ConfigurationProperties(prefix = "o2c")
public record O2cProperties(String entity, String functionalCurrency, Aging aging, Report report) {

    public record Aging(String basis, List<Integer> buckets) {
    }

    public record Report(Integer topCustomers) {
    }

    public O2cProperties {
        entity = entity == null || entity.isBlank() ? "Unnamed entity" : entity.trim();
        functionalCurrency = functionalCurrency == null ? "USD" : functionalCurrency.trim();
        aging = aging == null ? new Aging(null, null) : aging;
        report = report == null ? new Report(null) : report;
    }

    /** @throws IllegalArgumentException naming the key, the value and what is allowed */
    public Currency currency() {
        try {
            return Money.currency(functionalCurrency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("o2c.functional-currency: '" + functionalCurrency + "' is not an ISO 4217 currency code with minor units");
        }
    }

    /** @throws IllegalArgumentException naming the key, the value and what is allowed */
    public AgingBuckets buckets() {
        AgingBasis basis;
        try {
            basis = AgingBasis.fromLabel(aging.basis() == null ? "due_date" : aging.basis());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("o2c.aging.basis: " + e.getMessage());
        }
        List<Integer> edges = aging.buckets() == null ? AgingBuckets.DEFAULT.upperEdges() : aging.buckets();
        try {
            return AgingBuckets.of(basis, edges);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("o2c.aging.buckets: " + e.getMessage());
        }
    }

    public int topCustomers() {
        Integer top = report.topCustomers() == null ? 15 : report.topCustomers();
        if (top < 1) {
            throw new IllegalArgumentException("o2c.report.top-customers: '" + top + "' must be 1 or more");
        }
        return top;
    }

    /** Checks every value; call once at start. */
    public void validate() {
        currency();
        buckets();
        topCustomers();
    }

    /** The parameters in force, as the manifest records them, in a fixed order. */
    public Map<String, Object> asParameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("entity", entity);
        p.put("functional_currency", currency().getCurrencyCode());
        p.put("aging_basis", buckets().basis().label());
        p.put("aging_buckets", buckets().labels());
        p.put("top_customers", topCustomers());
        p.put("cash_application", "first-cash-applier: erp-receipt, remittance-invoice-exact, payer-account, remittance-invoice-reference");
        return p;
    }
}
