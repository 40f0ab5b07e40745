package dev.o2c.domain.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FigureRulesTest {

    @Test
    void exampleRatesStretchToTheBuckets() {
        assertThat(FigureRules.exampleRates(6)).extracting(BigDecimal::toPlainString).containsExactly("1", "5", "10", "25", "50", "50");
        assertThat(FigureRules.exampleRates(2)).extracting(BigDecimal::toPlainString).containsExactly("1", "5");
    }

    @Test
    void dunningLevelIsHowManyThresholdsAreReached() {
        FigureRules rules = new FigureRules(List.of(), List.of(1, 15, 30, 60));
        assertThat(rules.dunningLevel(0)).isZero();
        assertThat(rules.dunningLevel(1)).isEqualTo(1);
        assertThat(rules.dunningLevel(14)).isEqualTo(1);
        assertThat(rules.dunningLevel(15)).isEqualTo(2);
        assertThat(rules.dunningLevel(59)).isEqualTo(3);
        assertThat(rules.dunningLevel(400)).isEqualTo(4);
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertThatThrownBy(() -> new FigureRules(List.of(new BigDecimal("101")), List.of(1)))
                .hasMessageContaining("allowance-rates: 101 is not a percentage");
        assertThatThrownBy(() -> new FigureRules(List.of(), List.of(10, 5))).hasMessageContaining("dunning-days");
        assertThatThrownBy(() -> new FigureRules(List.of(), List.of(0))).hasMessageContaining("dunning-days");
        assertThatThrownBy(() -> new FigureRules(List.of(), List.of())).hasMessageContaining("dunning-days");
    }
}
