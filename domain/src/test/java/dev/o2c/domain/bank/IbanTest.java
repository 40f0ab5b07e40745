package dev.o2c.domain.bank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IbanTest {

    @Test
    void checkDigitsDecide() {
        assertThat(Iban.isValid("GB29NWBK60161331926819")).isTrue();
        assertThat(Iban.isValid("gb29 nwbk 6016 1331 9268 19")).isTrue();
        assertThat(Iban.isValid("GB00NWBK60161331926819")).isFalse();
        assertThat(Iban.isValid("GB29NWBK6016")).isFalse();
    }

    @Test
    void foundInFreeTextWholeOrInGroupsOfFourButNeverWithTheNextWordGluedOn() {
        assertThat(Iban.findIn("FASTER PAYMENT ACME LTD GB29NWBK60161331926819 INV-1")).isEqualTo("GB29NWBK60161331926819");
        assertThat(Iban.findIn("FROM ACME: GB29 NWBK 6016 1331 9268 19 INV 1001")).isEqualTo("GB29NWBK60161331926819");
        // "GB29NWBK60161331926819" followed by a word: the account ends where its run ends
        assertThat(Iban.findIn("PAID BY GB29NWBK60161331926819 FOR OUR SUBSIDIARY")).isEqualTo("GB29NWBK60161331926819");
        assertThat(Iban.findIn("PAYMENT GB00NWBK60161331926819 INV-045417")).isNull();
        assertThat(Iban.findIn("NO ACCOUNT HERE AB12")).isNull();
    }
}
