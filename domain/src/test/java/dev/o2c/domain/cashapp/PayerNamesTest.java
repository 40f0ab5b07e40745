package dev.o2c.domain.cashapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PayerNamesTest {

    final PayerNames names = new PayerNames(List.of("Acme Trading Ltd", "Globex GmbH & Co. KG", "Société Générale S.A.",
            "Acme Logistics Inc.", "Initech B.V."));

    Integer who(String payer) {
        PayerNames.Match m = names.identify(payer, 0.80);
        return m == null || !m.identified() ? null : m.customer();
    }

    @Test
    void legalFormsPunctuationCaseAndAccentsDoNotMatter() {
        assertThat(PayerNames.words("Acme Trading Limited")).containsExactly("ACME", "TRADING");
        assertThat(PayerNames.words("S.A. Société Générale")).containsExactly("SOCIETE", "GENERALE");
        assertThat(who("ACME TRADING LIMITED")).isEqualTo(0);
        assertThat(who("GLOBEX GMBH + CO KG")).isEqualTo(1);
        assertThat(who("SOCIETE GENERALE SA")).isEqualTo(2);
        assertThat(who("INITECH BV")).isEqualTo(4);
    }

    @Test
    void aNameTheBankCutShortStillMatches() {
        assertThat(who("ACME TRAD")).isEqualTo(0);
        assertThat(who("ACME TRADING LIMI")).isEqualTo(0);
    }

    @Test
    void customersWhoseNamesDifferOnlyInTheirLegalFormAreATie() {
        PayerNames twins = new PayerNames(List.of("Acme Trading Ltd", "Acme Trading GmbH", "Globex Inc."));
        PayerNames.Match m = twins.identify("ACME TRADING", 0.80);
        assertThat(m.identified()).isFalse();
        assertThat(m.tied()).containsExactly(0, 1);
    }

    @Test
    void ofCustomersWhoseWordsTieTheOneSpelledLetterForLetterIsMarked() {
        PayerNames twins = new PayerNames(List.of("Pied Piper Industries Ltd", "Pied Piper Industries Limited",
                "Paper Street Outfitters GmbH & Co. KG", "Paper Street Outfitters B.V."));
        // a tie still (a bank may print one's legal form as the other's is registered), the spelling a hint
        PayerNames.Match limited = twins.identify("PIED PIPER INDUSTRIES LIMITED", 0.80);
        assertThat(limited.tied()).containsExactly(0, 1);
        assertThat(limited.spelled()).isEqualTo(1);
        assertThat(twins.identify("Pied Piper Industries Ltd.", 0.80).spelled()).isEqualTo(0);
        assertThat(twins.identify("PIED PIPER INDUSTRIES", 0.80).spelled()).isEqualTo(-1);
        // cut by the bank at 35 characters, inside the legal form: the start of one customer's name only
        assertThat(twins.identify("PAPER STREET OUTFITTERS GMBH & CO K", 0.80).spelled()).isEqualTo(2);
        // the start of both
        assertThat(twins.identify("PAPER STREET OUTFITTERS", 0.80).spelled()).isEqualTo(-1);
    }

    @Test
    void severalCustomersNamedInFreeTextAreATieForTheAmountToSettle() {
        PayerNames twins = new PayerNames(List.of("Pied Piper Industries Ltd", "Pied Piper Industries Limited", "Globex Inc."));
        PayerNames.Match both = twins.identifyIn("FASTER PAYMENT RECEIVED PIED PIPER INDUSTRIES LIMITED GB12 PIED PIPER INDUSTRIES LTD");
        assertThat(both.identified()).isFalse();
        assertThat(both.inText()).isTrue();
        assertThat(both.tied()).containsExactly(0, 1);
        PayerNames.Match one = twins.identifyIn("Line for Globex Inc");
        assertThat(one.customer()).isEqualTo(2);
        assertThat(one.inText()).isTrue();
        assertThat(twins.identifyIn("thank you")).isNull();
    }

    @Test
    void aWordInCommonIsNotEnough() {
        assertThat(who("ACME")).isNull(); // two Acmes, and half a name
        assertThat(who("ACME HOLDINGS")).isNull();
        assertThat(who("J SMITH 123")).isNull();
    }

    @Test
    void aWordManyCustomersShareFindsEachOfThem() {
        // "ALPINE" names forty customers: each must be found through it, whatever the order they were read in
        List<String> customers = new java.util.ArrayList<>();
        for (int c = 0; c < 40; c++) {
            customers.add("Alpine " + "Store " + (char) ('A' + c % 26) + (char) ('A' + c / 26) + "X GmbH");
        }
        PayerNames alpine = new PayerNames(customers);
        for (int c = 0; c < 40; c++) {
            PayerNames.Match m = alpine.identify(customers.get(c).toUpperCase(java.util.Locale.ROOT), 0.80);
            assertThat(m).as(customers.get(c)).isNotNull();
            assertThat(m.customer()).as(customers.get(c)).isEqualTo(c);
        }
        // the shared words alone: every customer is as close, too many to be a tie worth narrowing down
        assertThat(alpine.identify("ALPINE STORE", 0.50)).isNull();
    }
}
