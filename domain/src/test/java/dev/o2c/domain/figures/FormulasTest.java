package dev.o2c.domain.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every worked example of METRICS.md sections 2 and 3. */
class FormulasTest {

    static BigDecimal n(String s) {
        return new BigDecimal(s);
    }

    static BigDecimal r4(BigDecimal v) {
        return Formulas.round(v, 4);
    }

    @Test
    void standardDso() {
        assertThat(r4(Formulas.standardDso(n("150000"), n("1800000"), 365))).isEqualByComparingTo("30.4167");
        assertThat(r4(Formulas.standardDso(n("10869"), n("5538").add(n("4566")).add(n("7570")), 90))).isEqualByComparingTo("55.3474");
    }

    @Test
    void averageArDso() {
        // average AR 18,000 (e.g. 16,000 and 20,000), sales 20,000, 30 days -> 27
        assertThat(Formulas.averageArDso(n("16000"), n("20000"), n("20000"), 30)).isEqualByComparingTo("27");
    }

    @Test
    void countbackDso() {
        Formulas.Countback cb = Formulas.countbackDso(n("212000"), List.of(
                new Formulas.MonthSales(n("100000"), 30), new Formulas.MonthSales(n("80000"), 30), new Formulas.MonthSales(n("70000"), 30)));
        assertThat(r4(cb.days())).isEqualByComparingTo("73.7143");
        assertThat(cb.exhausted()).isFalse();
    }

    @Test
    void countbackFlagsHistoryThatRunsOut() {
        Formulas.Countback cb = Formulas.countbackDso(n("500"), List.of(new Formulas.MonthSales(n("100"), 31), new Formulas.MonthSales(n("100"), 30)));
        assertThat(cb.days()).isEqualByComparingTo("61");
        assertThat(cb.exhausted()).isTrue();
        Formulas.Countback zeroMonth = Formulas.countbackDso(n("150"), List.of(new Formulas.MonthSales(n("100"), 31), new Formulas.MonthSales(n("0"), 30)));
        assertThat(zeroMonth.days()).isEqualByComparingTo("31");
        assertThat(zeroMonth.exhausted()).isTrue();
    }

    @Test
    void bestPossibleDsoAndAverageDaysDelinquent() {
        BigDecimal dso = Formulas.standardDso(n("15000"), n("10000"), 30);
        BigDecimal best = Formulas.bestPossibleDso(n("4000"), n("10000"), 30);
        assertThat(dso).isEqualByComparingTo("45");
        assertThat(best).isEqualByComparingTo("12");
        assertThat(Formulas.averageDaysDelinquent(dso, best)).isEqualByComparingTo("33");

        BigDecimal dso2 = Formulas.standardDso(n("25000"), n("15000"), 30);
        BigDecimal best2 = Formulas.bestPossibleDso(n("6000"), n("15000"), 30);
        assertThat(dso2).isEqualByComparingTo("50");
        assertThat(best2).isEqualByComparingTo("12");
        assertThat(Formulas.averageDaysDelinquent(dso2, best2)).isEqualByComparingTo("38");
    }

    @Test
    void zeroSalesGiveNullNeverInfinityOrZero() {
        assertThat(Formulas.standardDso(n("1000"), BigDecimal.ZERO, 31)).isNull();
        assertThat(Formulas.bestPossibleDso(n("1000"), n("-5"), 31)).isNull();
        assertThat(Formulas.averageDaysDelinquent(null, BigDecimal.ONE)).isNull();
    }

    @Test
    void collectionEffectivenessIndex() {
        assertThat(Formulas.round(Formulas.cei(n("100000"), n("1000000"), n("120000"), n("100000")), 2)).isEqualByComparingTo("98.00");
        assertThat(Formulas.cei(n("0"), n("0"), n("0"), n("0"))).isNull();
    }

    @Test
    void cashApplicationRatesOfTheWorkedExample() {
        // 200 payments of 1,000,000; auto 150 (600,000)
        assertThat(Formulas.round(Formulas.ratio(n("150"), n("200")), 4)).isEqualByComparingTo("0.7500");
        assertThat(Formulas.round(Formulas.ratio(n("600000"), n("1000000")), 4)).isEqualByComparingTo("0.6000");
        // accuracy 184/190 and 910,000/950,000
        assertThat(Formulas.round(Formulas.ratio(n("184"), n("190")).multiply(n("100")), 2)).isEqualByComparingTo("96.84");
        assertThat(Formulas.round(Formulas.ratio(n("910000"), n("950000")).multiply(n("100")), 2)).isEqualByComparingTo("95.79");
        assertThat(Formulas.ratio(n("1"), BigDecimal.ZERO)).isNull();
    }

    @Test
    void rollingThreeMonthDso() {
        // month-end ARs 120,000 / 90,000 / 105,000 (average 105,000); sales 100,000 / 80,000 / 90,000 (average 90,000)
        // -> 105,000 x 30 / 90,000 = 35
        assertThat(Formulas.rollingThreeMonthDso(List.of(n("120000"), n("90000"), n("105000")),
                List.of(n("100000"), n("80000"), n("90000")))).isEqualByComparingTo("35");
        // 100 x 30 / 70 = 42.857142...
        assertThat(Formulas.round(Formulas.rollingThreeMonthDso(List.of(n("100"), n("100"), n("100")),
                List.of(n("70"), n("70"), n("70"))), 2)).isEqualByComparingTo("42.86");
        assertThat(Formulas.rollingThreeMonthDso(List.of(n("1"), n("1"), n("1")), List.of(n("10"), n("-20"), n("10")))).isNull();
    }
}
