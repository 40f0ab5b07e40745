package dev.o2c.domain.cashapp;

import dev.o2c.domain.ar.Invoice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;

/**
 * Short payments: whether the gap between an invoice and what was paid is small enough to
 * treat the invoice as settled with a deduction, and the likely reason for it.
 */
final class Deductions {

    /** A deduction's likely reason, in words for the explanation and the exception. */
    record Reason(String code, String words) {
    }

    private final MatchingRules rules;

    Deductions(MatchingRules rules) {
        this.rules = rules;
    }

    /** Whether a gap of {@code gap} on {@code open} (minor units) is within the short-payment tolerance. */
    boolean withinTolerance(long gap, long open, Currency currency) {
        if (gap <= 0 || gap >= open) {
            return false;
        }
        BigDecimal g = BigDecimal.valueOf(gap, currency.getDefaultFractionDigits());
        BigDecimal o = BigDecimal.valueOf(open, currency.getDefaultFractionDigits());
        return g.compareTo(rules.shortAbsolute()) <= 0
                && g.multiply(BigDecimal.valueOf(100)).compareTo(o.multiply(rules.shortPercent())) <= 0;
    }

    /** The discount term the payer took, if the gap is one of the terms' discount (to the cent), else null. */
    MatchingRules.DiscountTerm discountTaken(long gap, long open, Currency currency) {
        for (MatchingRules.DiscountTerm t : rules.discounts()) {
            long discount = BigDecimal.valueOf(open).multiply(t.percent())
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
            if (Math.abs(discount - gap) <= 1) {
                return t;
            }
        }
        return null;
    }

    /** Why the payer likely paid {@code gap} less than the open amount of {@code invoice}. */
    Reason reason(long gap, long open, Currency currency, Invoice invoice, LocalDate paid) {
        MatchingRules.DiscountTerm term = discountTaken(gap, open, currency);
        String amount = BigDecimal.valueOf(gap, currency.getDefaultFractionDigits()).toPlainString() + " " + currency.getCurrencyCode();
        if (term != null) {
            LocalDate last = invoice.invoiceDate().plusDays(term.days());
            if (!paid.isAfter(last)) {
                return new Reason("DISCOUNT_TAKEN", amount + " is the " + term.percent().stripTrailingZeros().toPlainString()
                        + " % early-payment discount (" + term + "), paid within its " + term.days() + " days");
            }
            return new Reason("DISCOUNT_TAKEN_LATE", amount + " is the " + term.percent().stripTrailingZeros().toPlainString()
                    + " % early-payment discount (" + term + "), but paid " + (paid.toEpochDay() - invoice.invoiceDate().toEpochDay())
                    + " days after the invoice date");
        }
        BigDecimal g = BigDecimal.valueOf(gap, currency.getDefaultFractionDigits());
        BigDecimal o = BigDecimal.valueOf(open, currency.getDefaultFractionDigits());
        // a fee is small against the invoice too: 10.00 short of 100.00 is a tenth of it, no bank's fee
        boolean smallShare = g.multiply(BigDecimal.valueOf(100)).compareTo(o.multiply(rules.shortPercent())) <= 0;
        if (g.compareTo(rules.bankFeeMax()) <= 0 && smallShare) {
            return new Reason("BANK_FEE", amount + " short, likely a bank fee deducted on the way (at most "
                    + rules.bankFeeMax().toPlainString() + " and " + rules.shortPercent().stripTrailingZeros().toPlainString()
                    + " % of the invoice)");
        }
        return new Reason("UNEXPLAINED", amount + " short, no discount term or bank fee explains it");
    }
}
