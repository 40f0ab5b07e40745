package dev.o2c.domain.openitems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.ar.DocumentType;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.figures.FiguresPropertiesTest;
import dev.o2c.domain.figures.Ledger;
import dev.o2c.domain.figures.MonthEndCalculator;
import dev.o2c.domain.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The index gives exactly what {@link OpenItems} gives, date after date, on random ledgers. */
class OpenItemsIndexTest {

    @Test
    void sameItemsAsThePlainDerivationOnRandomLedgersAtManyDates() {
        for (long seed = 1; seed <= 40; seed++) {
            Ledger l = FiguresPropertiesTest.company(seed);
            List<CashMovement> cash = MonthEndCalculator.cashMovements(l);
            OpenItemsIndex index = new OpenItemsIndex(l.documents(), cash);
            for (LocalDate d = LocalDate.of(2024, 8, 31); d.isBefore(LocalDate.of(2026, 1, 1)); d = d.plusDays(17)) {
                assertThat(index.asOf(d)).as("seed %d as of %s", seed, d).isEqualTo(OpenItems.asOf(d, l.documents(), cash));
                assertThat(sorted(index.unordered(d))).isEqualTo(sorted(OpenItems.unordered(d, l.documents(), cash)));
                assertThat(amounts(index, d)).as("seed %d as of %s", seed, d).isEqualTo(amounts(OpenItems.unordered(d, l.documents(), cash)));
            }
        }
    }

    @Test
    void aRepeatedInvoiceIdTakesThePlainPath() {
        Invoice early = new Invoice("I-1", "C1", null, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31), Money.of("10.00", "USD"),
                DocumentType.INVOICE, null);
        Invoice late = new Invoice("I-1", "C1", null, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 2), Money.of("20.00", "USD"),
                DocumentType.INVOICE, null);
        List<CashMovement> cash = List.of(new CashMovement("R1", "C1", LocalDate.of(2024, 1, 15), "I-1", Money.of("5.00", "USD")));
        OpenItemsIndex index = new OpenItemsIndex(List.of(early, late), cash);
        IntStream.of(10, 40, 60).mapToObj(n -> LocalDate.of(2024, 1, 1).plusDays(n)).forEach(d ->
                assertThat(index.asOf(d)).isEqualTo(OpenItems.asOf(d, List.of(early, late), cash)));
        assertThat(index.forEachOpen(LocalDate.of(2024, 3, 1), (c, m) -> {
            throw new AssertionError("no amounts from a ledger on the plain path");
        })).isFalse();
    }

    @Test
    void oneSourceForSeveralCustomersOrCurrenciesIsOneUnappliedItemForEach() {
        // a parent's transfer held on account for two customers, part of it in another currency, met out of order
        Invoice invoice = new Invoice("I-1", "C1", null, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31), Money.of("50.00", "USD"),
                DocumentType.INVOICE, null);
        LocalDate day = LocalDate.of(2024, 1, 10);
        List<CashMovement> cash = List.of(
                new CashMovement("B1", "C1", day, null, Money.of("10.00", "USD")),
                new CashMovement("B1", "C2", day, null, Money.of("5.00", "USD")),
                new CashMovement("R9", "C1", day, "NO-SUCH", Money.of("3.00", "USD")),
                new CashMovement("B1", "C1", day, null, Money.of("7.00", "EUR")),
                new CashMovement("B1", "C2", day, null, Money.of("2.00", "USD")),
                new CashMovement("B1", "C1", day, "I-1", Money.of("20.00", "USD")),
                new CashMovement("B1", "C1", day, null, Money.of("1.00", "USD")));
        OpenItemsIndex index = new OpenItemsIndex(List.of(invoice), cash);
        LocalDate asOf = LocalDate.of(2024, 1, 31);
        List<OpenItem> items = index.asOf(asOf);
        assertThat(items).isEqualTo(OpenItems.asOf(asOf, List.of(invoice), cash));
        assertThat(items).extracting(i -> i.documentId() + " " + i.customerId() + " " + i.open())
                .containsExactlyInAnyOrder("I-1 C1 USD 30.00", "B1 C1 USD -11.00", "B1 C1 EUR -7.00", "R9 C1 USD -3.00",
                        "B1 C2 USD -7.00");
    }

    @Test
    void idsOfOneHashAreToldApart() {
        assertThat("I-Aa".hashCode()).isEqualTo("I-BB".hashCode());
        Invoice aa = new Invoice("I-Aa", "C1", null, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31), Money.of("10.00", "USD"),
                DocumentType.INVOICE, null);
        Invoice bb = new Invoice("I-BB", "C2", null, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 2, 1), Money.of("20.00", "USD"),
                DocumentType.INVOICE, null);
        Invoice memo = new Invoice("CM-1", "C1", null, LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 3), Money.of("4.00", "USD"),
                DocumentType.CREDIT_MEMO, "I-Aa");
        List<Invoice> documents = List.of(aa, bb, memo);
        List<CashMovement> cash = List.of(new CashMovement("R1", "C2", LocalDate.of(2024, 1, 15), "I-BB", Money.of("5.00", "USD")));
        OpenItemsIndex index = new OpenItemsIndex(documents, cash);
        assertThat(index.invoice("I-Aa")).isSameAs(aa);
        assertThat(index.invoice("I-BB")).isSameAs(bb);
        assertThat(index.invoice("I-Ab")).isNull();
        LocalDate d = LocalDate.of(2024, 1, 20);
        assertThat(index.asOf(d)).isEqualTo(OpenItems.asOf(d, documents, cash));
        assertThat(amounts(index, d)).containsExactly("USD 1500", "USD 600"); // the memo on I-Aa, the receipt on I-BB
    }

    /** The open amounts as "CUR minor", sorted: what {@link OpenItemsIndex#forEachOpen} gives. */
    private static List<String> amounts(OpenItemsIndex index, LocalDate d) {
        List<String> out = new ArrayList<>();
        assertThat(index.forEachOpen(d, (c, minor) -> out.add(c.getCurrencyCode() + " " + minor))).isTrue();
        out.sort(null);
        return out;
    }

    private static List<String> amounts(List<OpenItem> items) {
        List<String> out = new ArrayList<>();
        for (OpenItem i : items) {
            out.add(i.open().currencyCode() + " " + i.open().amount().unscaledValue());
        }
        out.sort(null);
        return out;
    }

    static List<OpenItem> sorted(List<OpenItem> items) {
        List<OpenItem> copy = new ArrayList<>(items);
        copy.sort(OpenItem.PUBLISHED_ORDER.thenComparing(i -> i.open().amount()).thenComparing(Comparator.comparing(i -> i.open().currencyCode())));
        return copy;
    }
}
