package dev.o2c.jobs;

import dev.o2c.domain.aging.AgingBasis;
import dev.o2c.domain.aging.AgingBuckets;
import dev.o2c.domain.cashapp.MatchingRules;
import dev.o2c.domain.figures.FigureRules;
import dev.o2c.domain.money.Money;
import dev.o2c.readers.bank.ReadingRules;
import dev.o2c.readers.bank.TextKeys;
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
public record O2cProperties(String entity, String functionalCurrency, Aging aging, Report report, Inputs inputs,
                            CashApplication cashApplication, Figures figures) {

    /**
     * The figures' own settings (see config/application.yml).
     *
     * @param allowanceRates loss rate in percent per aging bucket, in the buckets' order, as
     *        quoted decimals; left out: METRICS.md's example rates
     * @param dunningDays days past due at which dunning levels 1, 2, ... start
     */
    public record Figures(List<String> allowanceRates, List<Integer> dunningDays) {
    }

    /**
     * Cash application's rules, as {@code o2c.cash-application} writes them; anything left out
     * takes {@link MatchingRules#defaults()}. See config/application.yml for each key.
     */
    public record CashApplication(List<String> rules, String nameSimilarity, Integer referenceMinDigits, Integer typoMinDigits,
                                  ShortTolerance shortTolerance, String bankFeeMax, List<String> discounts, Subset subset,
                                  Integer receiptWindowDays, String amountOnly, List<String> notCustomerCash,
                                  String orderTolerancePercent, Integer threads) {
    }

    public record ShortTolerance(String absolute, String percent) {
    }

    public record Subset(Integer maxItems, Integer maxSize) {
    }

    /**
     * How the load judges an input file.
     *
     * @param maxRejectedShare the share of a file's records that may be rejected before its
     *        control fails (a decimal from 0 to 1; default 0.05)
     * @param dueBeforeInvoice {@code reject} (default) or {@code warn}: what an invoice due
     *        before its own date gets
     * @param bai2Trailers {@code refuse} (default) or {@code notice}: what a BAI2 file whose
     *        49/98/99 totals or counts do not match its records gets
     * @param textKeys words a bank writes before the parts of free text (BAI2 detail text, MT940
     *        free :86:, a camt or bank CSV remittance without a named payer), by role
     *        (payer-name, payer-account, payee-name, payee-account, remittance, end-to-end, other),
     *        added to the shipped table (docs/formats.md)
     * @param ignore globs of files at the top of the input folder that are not inputs and are
     *        left out on purpose (a README, a scan of a cover letter); any other file no extract
     *        name or mapping profile reads fails the control "input file not read"
     * @param expected the kinds of input each run must bring a file of (customers, orders,
     *        invoices, receipts, fx_rates, bank): a run without one fails the control
     *        "expected input missing: KIND"
     */
    public record Inputs(String maxRejectedShare, String dueBeforeInvoice, String bai2Trailers,
                         Map<String, List<String>> textKeys, List<String> ignore, List<String> expected) {
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
        inputs = inputs == null ? new Inputs(null, null, null, null, null, null) : inputs;
        cashApplication = cashApplication == null
                ? new CashApplication(null, null, null, null, null, null, null, null, null, null, null, null, null) : cashApplication;
        figures = figures == null ? new Figures(null, null) : figures;
    }

    /** @throws IllegalArgumentException naming the key under o2c.figures, the value and what is allowed */
    public FigureRules figureRules() {
        AgingBuckets buckets = buckets();
        List<java.math.BigDecimal> rates;
        if (figures.allowanceRates() == null) {
            rates = FigureRules.exampleRates(buckets.size());
        } else {
            rates = new java.util.ArrayList<>();
            for (String r : figures.allowanceRates()) {
                rates.add(decimal("o2c.figures.allowance-rates", r, null));
            }
            if (rates.size() != buckets.size()) {
                throw new IllegalArgumentException("o2c.figures.allowance-rates: " + rates.size() + " rates for the " + buckets.size()
                        + " aging buckets " + buckets.labels() + " (o2c.aging.buckets); give one rate per bucket");
            }
        }
        try {
            return new FigureRules(rates, figures.dunningDays() == null ? FigureRules.DEFAULT_DUNNING_DAYS : figures.dunningDays());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("o2c.figures." + e.getMessage());
        }
    }

    /** @throws IllegalArgumentException naming the key under o2c.cash-application, the value and what is allowed */
    public MatchingRules matchingRules() {
        MatchingRules d = MatchingRules.defaults();
        CashApplication c = cashApplication;
        ShortTolerance shortTolerance = c.shortTolerance() == null ? new ShortTolerance(null, null) : c.shortTolerance();
        Subset subset = c.subset() == null ? new Subset(null, null) : c.subset();
        try {
            List<MatchingRules.DiscountTerm> discounts = d.discounts();
            if (c.discounts() != null) {
                discounts = new java.util.ArrayList<>();
                for (String t : c.discounts()) {
                    try {
                        discounts.add(MatchingRules.DiscountTerm.parse(t));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("discounts: " + e.getMessage());
                    }
                }
            }
            return new MatchingRules(
                    c.rules() == null ? d.rules() : c.rules().stream().map(String::trim).toList(),
                    decimal("name-similarity", c.nameSimilarity(), d.nameSimilarity()),
                    c.referenceMinDigits() == null ? d.referenceMinDigits() : c.referenceMinDigits(),
                    c.typoMinDigits() == null ? d.typoMinDigits() : c.typoMinDigits(),
                    decimal("short-tolerance.absolute", shortTolerance.absolute(), d.shortAbsolute()),
                    decimal("short-tolerance.percent", shortTolerance.percent(), d.shortPercent()),
                    decimal("bank-fee-max", c.bankFeeMax(), d.bankFeeMax()),
                    discounts,
                    subset.maxItems() == null ? d.subsetMaxItems() : subset.maxItems(),
                    subset.maxSize() == null ? d.subsetMaxSize() : subset.maxSize(),
                    c.receiptWindowDays() == null ? d.receiptWindowDays() : c.receiptWindowDays(),
                    c.amountOnly() == null ? d.amountOnly() : c.amountOnly().trim(),
                    c.notCustomerCash() == null ? d.notCustomerCash() : c.notCustomerCash(),
                    decimal("order-tolerance-percent", c.orderTolerancePercent(), d.orderTolerancePercent()),
                    c.threads() == null ? d.threads() : c.threads());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("o2c.cash-application." + e.getMessage());
        }
    }

    private static java.math.BigDecimal decimal(String key, String text, java.math.BigDecimal fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return new java.math.BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a decimal number");
        }
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

    /** How statements are read where banks bend the standard (o2c.inputs.bai2-trailers). */
    public ReadingRules readingRules() {
        return readingRules(inputs);
    }

    /**
     * How the readers take a bank's ways, from {@code o2c.inputs} (null: the defaults); also what
     * {@code o2c statement} reads from a configuration folder's application.yml.
     */
    public static ReadingRules readingRules(Inputs inputs) {
        if (inputs == null) {
            return new ReadingRules(false, TextKeys.STANDARD);
        }
        boolean notice;
        try {
            notice = ReadingRules.trailersAsNotices(inputs.bai2Trailers());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("o2c.inputs.bai2-trailers: " + e.getMessage());
        }
        Map<String, TextKeys.Role> extra = new java.util.TreeMap<>();
        if (inputs.textKeys() != null) {
            inputs.textKeys().forEach((role, words) -> {
                TextKeys.Role r;
                try {
                    r = TextKeys.Role.valueOf(role.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("o2c.inputs.text-keys: '" + role + "' is not one of payer-name, payer-account,"
                            + " payee-name, payee-account, remittance, end-to-end, other");
                }
                for (String w : words == null ? List.<String>of() : words) {
                    if (w == null || w.isBlank()) {
                        throw new IllegalArgumentException("o2c.inputs.text-keys." + role + ": an empty word");
                    }
                    extra.put(w.trim(), r);
                }
            });
        }
        return new ReadingRules(notice, extra.isEmpty() ? TextKeys.STANDARD : new TextKeys(extra));
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

    /**
     * The {@code o2c.inputs.ignore} glob that leaves out a file at the top of the input folder
     * (matched against its name), or null when none does.
     */
    public String ignoredBy(String name) {
        for (String glob : ignoreGlobs()) {
            if (java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(java.nio.file.Path.of(name))) {
                return glob;
            }
        }
        return null;
    }

    private List<String> ignoreGlobs() {
        List<String> globs = inputs.ignore() == null ? List.of() : inputs.ignore();
        for (String glob : globs) {
            if (glob == null || glob.isBlank()) {
                throw new IllegalArgumentException("o2c.inputs.ignore: an empty pattern");
            }
            try {
                java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("o2c.inputs.ignore: '" + glob + "' is not a glob pattern: " + e.getMessage());
            }
        }
        return globs;
    }

    /** The kinds of input (their labels) each run must bring a file of, checked against the kinds there are. */
    public List<String> expectedInputs() {
        List<String> expected = inputs.expected() == null ? List.of() : inputs.expected();
        List<String> kinds = java.util.Arrays.stream(dev.o2c.jobs.close.InputKind.values()).map(dev.o2c.jobs.close.InputKind::label).toList();
        for (String kind : expected) {
            if (kind == null || !kinds.contains(kind.trim())) {
                throw new IllegalArgumentException("o2c.inputs.expected: '" + kind + "' is not one of " + String.join(", ", kinds));
            }
        }
        return expected.stream().map(String::trim).distinct().toList();
    }

    /** Checks every value; call once at start. */
    public void validate() {
        currency();
        buckets();
        topCustomers();
        maxRejectedShare();
        warnDueBeforeInvoice();
        readingRules();
        ignoreGlobs();
        expectedInputs();
        matchingRules();
        figureRules();
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
        p.put("bai2_trailers", readingRules().bai2TrailersAsNotices() ? "notice" : "refuse");
        if (inputs.textKeys() != null && !inputs.textKeys().isEmpty()) {
            p.put("text_keys", new java.util.TreeMap<>(inputs.textKeys()));
        }
        if (!ignoreGlobs().isEmpty()) {
            p.put("ignore", ignoreGlobs());
        }
        if (!expectedInputs().isEmpty()) {
            p.put("expected", expectedInputs());
        }
        p.put("cash_application", matchingRules().describe());
        p.put("figures", figureRules().describe());
        return p;
    }
}
