package dev.o2c.domain.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.domain.ar.DocumentType;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.money.FxRates;
import dev.o2c.domain.money.MissingFxRateException;
import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Monthly sales summed in cents are the sales the documents give converted and added as decimals. */
class MonthlySalesTest {

    @Test
    void sameSalesAsTheDecimalsOnRandomCompaniesAtManyDates() {
        int months = 0;
        for (long seed = 1; seed <= 25; seed++) {
            Ledger l = FiguresPropertiesTest.company(seed);
            for (YearMonth m = YearMonth.of(2024, 9); m.isBefore(YearMonth.of(2026, 1)); m = m.plusMonths(1)) {
                for (LocalDate asOf : List.of(m.atEndOfMonth(), m.atDay(15))) {
                    LocalDate start = m.atDay(1);
                    int days = asOf.getDayOfMonth();
                    List<Formulas.MonthSales> inCents = MonthlySales.inMinorUnits(asOf, start, days, l);
                    assertThat(inCents).as("seed %d as of %s: all in minor units", seed, asOf).isNotNull();
                    assertThat(inCents).as("seed %d as of %s", seed, asOf).isEqualTo(MonthlySales.inDecimals(asOf, start, days, l));
                    months += inCents.size();
                }
            }
        }
        assertThat(months).isGreaterThan(25 * 32 * 5);
    }

    @Test
    void monthsWithoutDocumentsAreZeroAndLaterDocumentsAreLeftOut() {
        FxRates fx = new FxRates(FiguresPropertiesTest.USD);
        fx.put(LocalDate.of(2025, 1, 1), FiguresPropertiesTest.EUR, new BigDecimal("1.1"));
        List<Invoice> docs = List.of(
                invoice("I1", LocalDate.of(2025, 3, 10), "100.00", "USD", DocumentType.INVOICE),
                invoice("I2", LocalDate.of(2025, 6, 2), "50.01", "EUR", DocumentType.INVOICE),  // 55.011 -> 55.01
                invoice("I3", LocalDate.of(2025, 6, 3), "10.05", "EUR", DocumentType.CREDIT_MEMO), // -11.055 -> -11.06 (half-even)
                invoice("I4", LocalDate.of(2025, 7, 1), "999.00", "USD", DocumentType.INVOICE)); // after as-of
        Ledger l = ledger(docs, fx);
        LocalDate asOf = LocalDate.of(2025, 6, 30);
        List<Formulas.MonthSales> sales = MonthlySales.of(asOf, LocalDate.of(2025, 6, 1), 30, l);
        assertThat(sales).containsExactly(
                new Formulas.MonthSales(new BigDecimal("43.95"), 30),
                new Formulas.MonthSales(BigDecimal.ZERO, 31),
                new Formulas.MonthSales(BigDecimal.ZERO, 30),
                new Formulas.MonthSales(new BigDecimal("100.00"), 31));
        assertThat(MonthlySales.inMinorUnits(asOf, LocalDate.of(2025, 6, 1), 30, l)).isEqualTo(sales);
        assertThat(MonthlySales.inDecimals(asOf, LocalDate.of(2025, 6, 1), 30, l)).isEqualTo(sales);
    }

    @Test
    void amountsBeyondALongTakeTheDecimalPath() {
        FxRates fx = new FxRates(FiguresPropertiesTest.USD);
        LocalDate asOf = LocalDate.of(2025, 6, 30);
        // nineteen digits: not held in a long at all
        Ledger wide = ledger(List.of(invoice("I1", LocalDate.of(2025, 6, 10), "100.00", "USD", DocumentType.INVOICE),
                invoice("I2", LocalDate.of(2025, 6, 11), "12345678901234567.89", "USD", DocumentType.INVOICE)), fx);
        assertThat(MonthlySales.inMinorUnits(asOf, asOf.withDayOfMonth(1), 30, wide)).isNull();
        assertThat(MonthlySales.of(asOf, asOf.withDayOfMonth(1), 30, wide))
                .containsExactly(new Formulas.MonthSales(new BigDecimal("12345678901234667.89"), 30));
        // each fits, their sum does not
        List<Invoice> docs = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            docs.add(invoice("J" + i, LocalDate.of(2025, 6, 12), "9000000000000000.00", "USD", DocumentType.INVOICE));
        }
        Ledger large = ledger(docs, fx);
        assertThat(MonthlySales.inMinorUnits(asOf, asOf.withDayOfMonth(1), 30, large)).isNull();
        assertThat(MonthlySales.of(asOf, asOf.withDayOfMonth(1), 30, large))
                .containsExactly(new Formulas.MonthSales(new BigDecimal("99000000000000000.00"), 30));
    }

    @Test
    void aMissingRateNamesTheCurrencyAndTheDateOnBothPaths() {
        FxRates fx = new FxRates(FiguresPropertiesTest.USD);
        fx.put(LocalDate.of(2025, 6, 5), FiguresPropertiesTest.EUR, new BigDecimal("1.1"));
        Ledger l = ledger(List.of(invoice("I1", LocalDate.of(2025, 6, 4), "5.00", "EUR", DocumentType.INVOICE)), fx);
        LocalDate asOf = LocalDate.of(2025, 6, 30);
        String message = "no exchange rate EUR to USD on or before 2025-06-04 in fx_rates.csv";
        assertThatThrownBy(() -> MonthlySales.inMinorUnits(asOf, asOf.withDayOfMonth(1), 30, l))
                .isInstanceOf(MissingFxRateException.class).hasMessage(message);
        assertThatThrownBy(() -> MonthlySales.inDecimals(asOf, asOf.withDayOfMonth(1), 30, l))
                .isInstanceOf(MissingFxRateException.class).hasMessage(message);
    }

    private static Invoice invoice(String id, LocalDate date, String amount, String currency, DocumentType type) {
        return new Invoice(id, "C1", null, date, date.plusDays(30), Money.of(new BigDecimal(amount), Money.currency(currency)),
                type, null);
    }

    private static Ledger ledger(List<Invoice> docs, FxRates fx) {
        return new Ledger(List.of(), docs, List.of(), List.of(), List.of(), fx);
    }
}
