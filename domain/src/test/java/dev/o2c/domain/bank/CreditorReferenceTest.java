package dev.o2c.domain.bank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditorReferenceTest {

    @Test
    void iso11649ReferencesCheckByMod97() {
        // the example of ISO 11649 itself, spaced and compact, any case
        assertThat(CreditorReference.isValidRf("RF18 5390 0754 7034")).isTrue();
        assertThat(CreditorReference.isValidRf("rf18539007547034")).isTrue();
        assertThat(CreditorReference.isValidRf("RF18 5390 0754 7035")).isFalse();
        assertThat(CreditorReference.isValidRf("RF19 5390 0754 7034")).isFalse();
        // letters count as 10..35 like an IBAN's
        assertThat(CreditorReference.isValidRf("RF45 G72U UR")).isTrue();
        assertThat(CreditorReference.looksLikeRf("RF1")).isFalse();
        assertThat(CreditorReference.looksLikeRf("RF18 " + "1".repeat(22))).isFalse();
    }

    @Test
    void swissQrReferencesCheckByRecursiveMod10() {
        // the QR-bill implementation guidelines' example
        assertThat(CreditorReference.isValidQr("21 00000 00003 13947 14300 09017")).isTrue();
        assertThat(CreditorReference.isValidQr("210000000003139471430009018")).isFalse();
        assertThat(CreditorReference.isValidQr("2100000000031394714300090")).isFalse();
    }

    @Test
    void classifiesByShapeThenByWhatTheFileDeclares() {
        assertThat(CreditorReference.classify("RF18539007547034", "SCOR")).isEqualTo(new CreditorReference.Kind("RF", true));
        assertThat(CreditorReference.classify("RF18539007547035", null)).isEqualTo(new CreditorReference.Kind("RF", false));
        assertThat(CreditorReference.classify("210000000003139471430009017", "QRR")).isEqualTo(new CreditorReference.Kind("QRR", true));
        assertThat(CreditorReference.classify("210000000003139471430009017", null)).isEqualTo(new CreditorReference.Kind(null, null));
        assertThat(CreditorReference.classify("INV-7", "SCOR")).isEqualTo(new CreditorReference.Kind("SCOR", null));
        assertThat(CreditorReference.classify(" ", "QRR")).isEqualTo(new CreditorReference.Kind("QRR", null));
    }
}
