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
public record O2cProperties(String entity, String functionalCurrency, Aging aging, Report report, Inputs inputs) {

    /**
     * How the load judges an input file.
     *
     * @param maxRejectedShare the share of a file's records that may be rejected before its
     *        control fails (a decimal from 0 to 1; default 0.05)
     * @param dueBeforeInvoice {@code reject} (default) or {@code warn}: what an invoice due
     *        before its own date gets
     */
    public record Inputs(String maxRejectedShare, String dueBeforeInvoice) {
    }

    public record Aging(String basis, List<Integer> buckets) {
    }

    public record Report(Integer topCustomers) {
    }

    public O2cProperties {
        entity = entity == null || entity.isBlank() ? "Unnamed entity" : entity.trim();
        functionalCurrency = functionalCurrency == null ? "USD" : functionalCurrency.trim();
        aging = aging == null ? new Aging(null, null) : aging;
        report = report == null ? new Report(null) : report;
        inputs = inputs == null ? new Inputs(null, null) : inputs;
    }

    /** @throws IllegalArgumentException naming the key, the value and what is allowed */
    public java.math.BigDecimal maxRejectedShare() {
        String text = inputs.maxRejectedShare() == null ? "0.05" : inputs.maxRejectedShare().trim();
        java.math.BigDecimal share;
        try {
            share = new java.math.BigDecimal(text);
        } catch (NumberFormatException e) {
            share = null;
        }
        if (share == null || share.signum() < 0 || share.compareTo(java.math.BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("o2c.inputs.max-rejected-share: '" + text + "' must be a decimal from 0 to 1 (0.05 is 5 %)");
        }
        return share;
    }

    /** Whether an invoice due before its date loads with a warning (else it is rejected). */
    public boolean warnDueBeforeInvoice() {
        String v = inputs.dueBeforeInvoice() == null ? "reject" : inputs.dueBeforeInvoice().trim();
        return switch (v) {
            case "reject" -> false;
            case "warn" -> true;
            default -> throw new IllegalArgumentException("o2c.inputs.due-before-invoice: '" + v + "' must be reject or warn");
        };
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
        maxRejectedShare();
        warnDueBeforeInvoice();
    }

    /** The parameters in force, as the manifest records them, in a fixed order. */
    public Map<String, Object> asParameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("entity", entity);
        p.put("functional_currency", currency().getCurrencyCode());
        p.put("aging_basis", buckets().basis().label());
        p.put("aging_buckets", buckets().labels());
        p.put("top_customers", topCustomers());
        p.put("max_rejected_share", maxRejectedShare().toPlainString());
        p.put("due_before_invoice", warnDueBeforeInvoice() ? "warn" : "reject");
        p.put("cash_application", "first-cash-applier: erp-receipt, remittance-invoice-exact, payer-account, remittance-invoice-reference");
        return p;
    }
}
