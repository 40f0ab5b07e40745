package dev.o2c.writers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.figures.MonthEndFigures;
import dev.o2c.domain.figures.MonthEndFigures.BucketAmount;
import dev.o2c.domain.figures.MonthEndFigures.Share;
import dev.o2c.domain.money.Money;
import dev.o2c.writers.out.KpisJson;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpisJsonTest {

    static Money usd(String s) {
        return Money.of(s, "USD");
    }

    static MonthEndFigures figures() {
        var aging = new MonthEndFigures.AgingFigures("due_date", List.of(new BucketAmount("Current", usd("1400.00")),
                new BucketAmount("1-30", usd("1000.00"))), usd("2400.00"), usd("-250.00"));
        var dso = new MonthEndFigures.DsoFigures(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31), 31, usd("1400.00"),
                usd("4200.00"), usd("2400.00"), usd("1400.00"), new BigDecimal("53.14"), null, new BigDecimal("60.00"),
                new BigDecimal("31.00"), new BigDecimal("22.14"));
        Share none = new Share(0, usd("0.00"), null, null);
        var cash = new MonthEndFigures.CashApplicationFigures(2, usd("300.00"), new Share(1, usd("100.00"), new BigDecimal("0.5000"),
                new BigDecimal("0.3333")), none, none, new Share(1, usd("200.00"), new BigDecimal("0.5000"), new BigDecimal("0.6667")), none);
        var rf = new MonthEndFigures.RollForward(usd("4200.00"), usd("1400.00"), usd("0.00"), usd("500.00"), usd("0.00"),
                usd("0.00"), usd("5100.00"), usd("0.00"));
        var byCurrency = List.of(new MonthEndFigures.CurrencyRollForward(Money.currency("USD"), usd("4200.00"), usd("1400.00"),
                usd("0.00"), usd("500.00"), usd("5100.00"), usd("0.00")));
        return new MonthEndFigures(LocalDate.of(2024, 3, 31), Money.currency("USD"), aging, dso, new BigDecimal("11.90"), cash, rf,
                byCurrency, List.of("countback_sales_history_exhausted"));
    }

    @Test
    void writesTheContractsShapeWithExactDecimalStrings() {
        String json = KpisJson.write(figures());
        assertThat(json).startsWith("{\n  \"as_of\": \"2024-03-31\",\n  \"functional_currency\": \"USD\",\n  \"aging\": {\n    \"basis\": \"due_date\"");
        assertThat(json).contains("\"label\": \"Current\",\n        \"amount\": \"1400.00\"");
        assertThat(json).contains("\"total_open\": \"2400.00\"", "\"unapplied_cash\": \"-250.00\"", "\"days\": 31",
                "\"average_ar\": null", "\"cei\": \"11.90\"", "\"auto_rate_count\": \"0.5000\"", "\"difference\": \"0.00\"");
        assertThat(json).endsWith("}\n");
    }

    @Test
    void readsBackWhatItWrote() {
        MonthEndFigures f = figures();
        assertThat(KpisJson.read(KpisJson.write(f))).isEqualTo(f);
    }
}
