package dev.o2c.domain.cashapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.cashapp.ReferenceIndex.Hit;
import dev.o2c.domain.cashapp.ReferenceIndex.Strength;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceIndexTest {

    final List<String> ids = List.of("INV-000123", "INV-045678", "90012345", "SO/88/1", "INV-045679", "CM-000777");
    final ReferenceIndex index = new ReferenceIndex(ids, 4, 5);

    List<String> found(String text) {
        return index.find(null, text).stream().map(h -> ids.get(h.invoice()) + ":" + h.strength()).toList();
    }

    @Test
    void separatorsCaseAndSplitsDoNotMatter() {
        assertThat(found("pay inv 000123 and so-88-1")).containsExactly("INV-000123:EXACT", "SO/88/1:EXACT");
        assertThat(found("INV000123")).containsExactly("INV-000123:EXACT");
    }

    @Test
    void leadingZerosAndPrefixesMayDiffer() {
        assertThat(found("inv 123")).containsExactly("INV-000123:VARIANT"); // same prefix: any length
        assertThat(found("RE 45678")).containsExactly("INV-045678:VARIANT"); // other prefix: 5 significant digits
        assertThat(found("Rechnung 90012345")).containsExactly("90012345:EXACT");
    }

    @Test
    void shortNumbersWithoutTheirPrefixAreNotTrusted() {
        assertThat(found("order 123 of 12 May")).isEmpty();
        assertThat(found("PO 777")).isEmpty();
        assertThat(found("inv 777")).isEmpty(); // the prefix of another invoice's number is not its own
        assertThat(found("cm 777")).containsExactly("CM-000777:VARIANT");
    }

    @Test
    void aDateIsNoInvoiceNumber() {
        ReferenceIndex dated = new ReferenceIndex(List.of("INV-015649", "INV-002412", "INV-122025", "INV-000123"), 4, 5);
        List<String> names = List.of("INV-015649", "INV-002412", "INV-122025", "INV-000123");
        assertThat(dated.find(null, "RECHNUNG NR. 15649 VOM 24.12.").stream().map(h -> names.get(h.invoice()))).containsExactly("INV-015649");
        assertThat(dated.find(null, "Rechnung 15649 vom 24.12.2025").stream().map(h -> names.get(h.invoice()))).containsExactly("INV-015649");
        // a number split by a space is still joined
        assertThat(dated.find(null, "RE 24 12").stream().map(h -> names.get(h.invoice()))).containsExactly("INV-002412");
    }

    @Test
    void wordsAloneAreNeverInvoiceNumbers() {
        assertThat(found("PAYMENT THANK YOU")).isEmpty();
    }

    @Test
    void oneTypoIsFoundWhenOnlyOneInvoiceIsThatClose() {
        assertThat(found("INV 90012354")).containsExactly("90012345:TYPO"); // two swapped
        assertThat(found("INV 9001234")).containsExactly("90012345:TYPO"); // one dropped
        assertThat(found("INV 900123455")).containsExactly("90012345:TYPO"); // one doubled
        assertThat(found("INV 90012845")).containsExactly("90012345:TYPO"); // one changed
        // 045670 is one digit from both 045678 and 045679: neither is taken
        assertThat(found("INV-045670")).isEmpty();
        // two typos are too many
        assertThat(found("INV 90021354")).isEmpty();
    }

    @Test
    void typosAreOnlyLookedForWhenNothingBetterIsNamed() {
        List<Hit> hits = index.find(null, "INV-000123 and 90012354");
        assertThat(hits).extracting(Hit::strength).containsExactly(Strength.EXACT);
    }

    @Test
    void aValidCreditorReferenceCarriesTheNumberAndOneWithWrongCheckDigitsNothing() {
        String rf = CashApplicationEngineTest.rfFor("INV045678");
        assertThat(index.find(rf)).extracting(h -> ids.get(h.invoice()) + ":" + h.strength()).containsExactly("INV-045678:EXACT");
        String broken = "RF00" + rf.substring(4);
        assertThat(ReferenceIndex.structuredPayload(broken)).isNull();
        assertThat(index.find(broken)).isEmpty();
    }

    @Test
    void numbersOfEveryShapeAreFoundExactlyAndTheirNeighboursAsVariants() {
        List<String> shapes = List.of("INV-0123", "INV-123", "0777", "2024-INV-12", "12345678901234567890", "INV-00000",
                "A1B2", "inv-0124", "CM-0123");
        ReferenceIndex byShape = new ReferenceIndex(shapes, 4, 5);
        java.util.function.Function<String, List<String>> find = text -> byShape.find(null, text).stream()
                .map(h -> shapes.get(h.invoice()) + ":" + h.strength()).toList();
        // the same digits with other zeros or another prefix are variants only when the prefix agrees
        assertThat(find.apply("INV 0123")).containsExactly("INV-0123:EXACT", "INV-123:VARIANT");
        assertThat(find.apply("INV123")).containsExactly("INV-123:EXACT", "INV-0123:VARIANT");
        assertThat(find.apply("CM0123")).containsExactly("CM-0123:EXACT");
        assertThat(find.apply("INV-124")).containsExactly("inv-0124:VARIANT");
        // bare digits: the whole number exactly; fewer zeros only from minDigits significant digits
        assertThat(find.apply("0777")).containsExactly("0777:EXACT");
        assertThat(find.apply("777")).isEmpty();
        // numbers that are not letters then digits, or too long for a long, or all zeros: whole only
        assertThat(find.apply("2024 INV 12")).containsExactly("2024-INV-12:EXACT");
        assertThat(find.apply("12345678901234567890")).containsExactly("12345678901234567890:EXACT");
        assertThat(find.apply("INV00000")).containsExactly("INV-00000:EXACT");
        assertThat(find.apply("a1b2")).containsExactly("A1B2:EXACT");
        assertThat(find.apply("2024 INV 13")).isEmpty();
    }
}
