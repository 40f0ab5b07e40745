package dev.o2c.domain.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.money.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementChecksTest {

    static final LocalDate OCT_1 = LocalDate.of(2025, 10, 1);

    static StatementTotals statement(String file, long order, String seq, LocalDate day, String opening, String closing, String entries) {
        return new StatementTotals(file, order, "DE44", "S" + seq, seq,
                opening == null ? null : new Balance("OPBD", day, Money.parse(opening)),
                closing == null ? null : new Balance("CLBD", day, Money.parse(closing)),
                Money.parse(entries), 3);
    }

    @Test
    void aStatementThatAddsUpAndAChainThatHoldsHaveNoExceptions() {
        assertThat(StatementChecks.check(List.of(
                statement("a.sta", 0, "1", OCT_1, "EUR 100.00", "EUR 150.00", "EUR 50.00"),
                statement("a.sta", 1, "2", OCT_1.plusDays(1), "EUR 150.00", "EUR 120.25", "EUR -29.75")))).isEmpty();
    }

    @Test
    void aBalanceBreakCarriesTheDifference() {
        List<ExceptionItem> found = StatementChecks.check(List.of(
                statement("a.sta", 0, "1", OCT_1, "EUR 100.00", "EUR 150.01", "EUR 50.00")));
        assertThat(found).singleElement().satisfies(e -> {
            assertThat(e.category()).isEqualTo("STATEMENT_BALANCE_BREAK");
            assertThat(e.entityId()).isEqualTo("a.sta DE44 S1");
            assertThat(e.amount()).isEqualTo(Money.parse("EUR 0.01"));
            assertThat(e.reason()).isEqualTo("opening 100.00 + 3 entries 50.00 = 150.00, but the closing balance is 150.01");
        });
    }

    @Test
    void theChainRunsInDateAndNumericSequenceOrderWhateverTheFileOrder() {
        // sequence 10 after 9 (not as text), and the later file loaded first
        List<ExceptionItem> found = StatementChecks.check(List.of(
                statement("b.sta", 0, "10", OCT_1, "EUR 200.00", "EUR 210.00", "EUR 10.00"),
                statement("a.sta", 1, "9", OCT_1, "EUR 100.00", "EUR 200.00", "EUR 100.00"),
                statement("c.sta", 2, "11", OCT_1.plusDays(1), "EUR 209.00", "EUR 209.00", "EUR 0.00")));
        assertThat(found).singleElement().satisfies(e -> {
            assertThat(e.category()).isEqualTo("STATEMENT_CHAIN_BREAK");
            assertThat(e.entityId()).isEqualTo("c.sta DE44 S11");
            assertThat(e.amount()).isEqualTo(Money.parse("EUR -1.00"));
            assertThat(e.reason()).isEqualTo("opens at 209.00 but the previous statement (b.sta DE44 S10) closed at 210.00");
        });
    }

    @Test
    void onlyTheReportedStatementsBreaksAreListedButTheChainRunsThroughEarlierOnes() {
        StatementTotals lastMonthBroken = statement("sep.sta", 0, "1", OCT_1.minusDays(1), "EUR 0.00", "EUR 99.00", "EUR 1.00");
        StatementTotals thisMonth = statement("oct.sta", 1, "2", OCT_1, "EUR 98.00", "EUR 98.00", "EUR 0.00");
        List<ExceptionItem> found = StatementChecks.check(List.of(lastMonthBroken, thisMonth), s -> s.file().equals("oct.sta"));
        assertThat(found).extracting(ExceptionItem::category).containsExactly("STATEMENT_CHAIN_BREAK");
    }

    @Test
    void missingBalancesAreNotCheckedAndMixedCurrenciesAreSaidSo() {
        assertThat(StatementChecks.check(List.of(
                statement("a.sta", 0, "1", OCT_1, null, "EUR 150.00", "EUR 50.00"),
                statement("a.sta", 1, "2", OCT_1, "EUR 150.00", null, "EUR 50.00")))).isEmpty();
        assertThat(StatementChecks.check(List.of(statement("a.sta", 0, "1", OCT_1, "EUR 100.00", "EUR 150.00", "USD 50.00"))))
                .extracting(ExceptionItem::category).containsExactly("STATEMENT_CURRENCY_MIXED");
    }
}
