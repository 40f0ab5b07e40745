package dev.o2c.domain.cashapp;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What cash application may do, as a company configures it ({@code o2c.cash-application} in
 * {@code config/application.yml}). Every value is checked here, so a bad one stops the run
 * before anything is decided, naming the key.
 *
 * @param rules the evidence rules in force, in the order they are consulted (see {@link #CATALOGUE})
 * @param nameSimilarity the least token similarity, 0 to 1, at which a payer's name identifies a customer
 * @param referenceMinDigits the fewest significant digits an invoice number must have to be
 *        recognised without its prefix (for example {@code 123456} for {@code INV-000123456})
 * @param typoMinDigits the fewest significant digits an invoice number must have to be found with one typo
 * @param shortAbsolute a short payment within this amount (in the credit's currency) and
 *        within {@code shortPercent} of the invoice counts as paid with a deduction
 * @param shortPercent the same, as a percentage of the open amount
 * @param bankFeeMax a deduction up to this amount is reported as a likely bank fee
 * @param discounts early-payment terms, for example {@code 2/10} (2 % if paid within 10 days)
 * @param subsetMaxItems the customer's oldest open items searched for a combination that adds up
 * @param subsetMaxSize the most invoices one unnamed combination may hold
 * @param receiptWindowDays how far a bank line's value date may be from an ERP receipt's date
 *        for the two to be reconciled by customer and amount
 * @param amountOnly {@code suggest} or {@code auto}: what a credit from an unknown payer gets when
 *        its amount is open once, and only once, among all customers
 * @param notCustomerCash bank transaction codes (or their prefixes) that are never customer cash
 * @param orderTolerancePercent how far an invoice may differ from its order before it is an exception
 * @param threads worker threads for reading the evidence (results are identical for any number)
 */
public record MatchingRules(
        List<String> rules,
        BigDecimal nameSimilarity,
        int referenceMinDigits,
        int typoMinDigits,
        BigDecimal shortAbsolute,
        BigDecimal shortPercent,
        BigDecimal bankFeeMax,
        List<DiscountTerm> discounts,
        int subsetMaxItems,
        int subsetMaxSize,
        int receiptWindowDays,
        String amountOnly,
        List<String> notCustomerCash,
        BigDecimal orderTolerancePercent,
        int threads) {

    /** Evidence rules, in the default order. */
    public static final List<String> CATALOGUE = List.of(
            "erp-receipt", "remittance-reference", "payer-account", "payer-name", "open-amount");

    /** Early-payment discount: {@code percent} off if paid within {@code days} of the invoice date. */
    public record DiscountTerm(BigDecimal percent, int days) {
        /** @throws IllegalArgumentException unless written as {@code PERCENT/DAYS}, e.g. {@code 2/10} */
        public static DiscountTerm parse(String text) {
            String[] parts = text.trim().split("\\s*/\\s*");
            try {
                if (parts.length == 2) {
                    DiscountTerm t = new DiscountTerm(new BigDecimal(parts[0]), Integer.parseInt(parts[1]));
                    if (t.percent.signum() > 0 && t.percent.compareTo(BigDecimal.valueOf(50)) < 0 && t.days >= 0) {
                        return t;
                    }
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new IllegalArgumentException("'" + text + "' must be PERCENT/DAYS, for example 2/10");
        }

        @Override
        public String toString() {
            return percent.stripTrailingZeros().toPlainString() + "/" + days;
        }
    }

    public static MatchingRules defaults() {
        return new MatchingRules(CATALOGUE, new BigDecimal("0.80"), 4, 5, new BigDecimal("50.00"), new BigDecimal("2.0"),
                new BigDecimal("50.00"), List.of(DiscountTerm.parse("2/10")), 20, 5, 5, "suggest",
                List.of("ACMT-MCOP-INTR", "NINT", "354"), new BigDecimal("1.0"), 0);
    }

    public MatchingRules {
        rules = List.copyOf(rules);
        discounts = List.copyOf(discounts);
        notCustomerCash = List.copyOf(notCustomerCash);
        for (String r : rules) {
            if (!CATALOGUE.contains(r)) {
                throw new IllegalArgumentException("rules: '" + r + "' is not a rule; the rules are " + String.join(", ", CATALOGUE));
            }
        }
        if (Set.copyOf(rules).size() != rules.size()) {
            throw new IllegalArgumentException("rules: a rule is named twice in " + rules);
        }
        between("name-similarity", nameSimilarity, BigDecimal.ZERO, BigDecimal.ONE);
        if (referenceMinDigits < 1 || referenceMinDigits > 18) {
            throw new IllegalArgumentException("reference-min-digits: '" + referenceMinDigits + "' must be from 1 to 18");
        }
        if (typoMinDigits < 4 || typoMinDigits > 18) {
            throw new IllegalArgumentException("typo-min-digits: '" + typoMinDigits + "' must be from 4 to 18 (shorter numbers are one typo from too many others)");
        }
        between("short-tolerance.absolute", shortAbsolute, BigDecimal.ZERO, null);
        between("short-tolerance.percent", shortPercent, BigDecimal.ZERO, BigDecimal.valueOf(100));
        between("bank-fee-max", bankFeeMax, BigDecimal.ZERO, null);
        between("order-tolerance-percent", orderTolerancePercent, BigDecimal.ZERO, BigDecimal.valueOf(100));
        if (subsetMaxItems < 0 || subsetMaxItems > 40) {
            throw new IllegalArgumentException("subset.max-items: '" + subsetMaxItems + "' must be from 0 to 40");
        }
        if (subsetMaxSize < 0 || subsetMaxSize > 10) {
            throw new IllegalArgumentException("subset.max-size: '" + subsetMaxSize + "' must be from 0 to 10");
        }
        if (receiptWindowDays < 0 || receiptWindowDays > 60) {
            throw new IllegalArgumentException("receipt-window-days: '" + receiptWindowDays + "' must be from 0 to 60");
        }
        if (!amountOnly.equals("suggest") && !amountOnly.equals("auto")) {
            throw new IllegalArgumentException("amount-only: '" + amountOnly + "' must be suggest or auto");
        }
        if (threads < 0 || threads > 256) {
            throw new IllegalArgumentException("threads: '" + threads + "' must be from 0 (one per core) to 256");
        }
    }

    private static void between(String key, BigDecimal v, BigDecimal low, BigDecimal high) {
        if (v == null || v.compareTo(low) < 0 || (high != null && v.compareTo(high) > 0)) {
            throw new IllegalArgumentException(key + ": '" + (v == null ? "" : v.toPlainString()) + "' must be a decimal of at least "
                    + low.toPlainString() + (high == null ? "" : " and at most " + high.toPlainString()));
        }
    }

    public boolean uses(String rule) {
        return rules.contains(rule);
    }

    /** The rules in force as the manifest records them, in a fixed order. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rules", rules);
        m.put("name_similarity", nameSimilarity.toPlainString());
        m.put("reference_min_digits", referenceMinDigits);
        m.put("typo_min_digits", typoMinDigits);
        m.put("short_tolerance_absolute", shortAbsolute.toPlainString());
        m.put("short_tolerance_percent", shortPercent.toPlainString());
        m.put("bank_fee_max", bankFeeMax.toPlainString());
        m.put("discounts", discounts.stream().map(DiscountTerm::toString).toList());
        m.put("subset_max_items", subsetMaxItems);
        m.put("subset_max_size", subsetMaxSize);
        m.put("receipt_window_days", receiptWindowDays);
        m.put("amount_only", amountOnly);
        m.put("not_customer_cash", notCustomerCash);
        m.put("order_tolerance_percent", orderTolerancePercent.toPlainString());
        return m;
    }
}
