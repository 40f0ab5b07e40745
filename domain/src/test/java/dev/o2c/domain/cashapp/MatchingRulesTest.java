package dev.o2c.domain.cashapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchingRulesTest {

    final MatchingRules d = MatchingRules.defaults();

    MatchingRules with(List<String> rules, BigDecimal similarity, int typoMinDigits) {
        return new MatchingRules(rules, similarity, d.referenceMinDigits(), typoMinDigits, d.shortAbsolute(), d.shortPercent(),
                d.bankFeeMax(), d.discounts(), d.subsetMaxItems(), d.subsetMaxSize(), d.receiptWindowDays(), d.amountOnly(),
                d.notCustomerCash(), d.orderTolerancePercent(), 0);
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> with(List.of("payer-acount"), d.nameSimilarity(), 5))
                .hasMessage("rules: 'payer-acount' is not a rule; the rules are erp-receipt, remittance-reference, payer-account, payer-name, open-amount");
        assertThatThrownBy(() -> with(List.of("payer-name", "payer-name"), d.nameSimilarity(), 5)).hasMessageContaining("named twice");
        assertThatThrownBy(() -> with(d.rules(), new BigDecimal("1.5"), 5))
                .hasMessage("name-similarity: '1.5' must be a decimal of at least 0 and at most 1");
        assertThatThrownBy(() -> with(d.rules(), d.nameSimilarity(), 3)).hasMessageStartingWith("typo-min-digits: '3'");
        assertThatThrownBy(() -> MatchingRules.DiscountTerm.parse("2%/10")).hasMessage("'2%/10' must be PERCENT/DAYS, for example 2/10");
    }

    @Test
    void theRulesInForceAreDescribedForTheManifest() {
        assertThat(d.describe()).containsEntry("rules", MatchingRules.CATALOGUE).containsEntry("discounts", List.of("2/10"))
                .containsEntry("short_tolerance_absolute", "50.00").containsEntry("amount_only", "suggest")
                .doesNotContainKey("threads");
    }
}
