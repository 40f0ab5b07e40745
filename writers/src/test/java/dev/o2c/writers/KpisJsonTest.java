package dev.o2c.writers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.figures.Allowance;
import dev.o2c.domain.figures.CollectionsWorklist;
import dev.o2c.domain.figures.CreditExposure;
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

    /** With every figure added beyond CONTRACTS.md 3.1. */
    static MonthEndFigures fullFigures() {
        MonthEndFigures b = figures();
        var dso = new MonthEndFigures.DsoFigures(b.dso().periodStart(), b.dso().periodEnd(), b.dso().days(), b.dso().creditSales(),
                b.dso().beginningAr(), b.dso().endingAr(), b.dso().currentAr(), b.dso().standard(), b.dso().averageAr(),
                b.dso().countback(), b.dso().bestPossible(), b.dso().averageDaysDelinquent(), new BigDecimal("50.46"));
        var quarter = new MonthEndFigures.CeiFigures(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31), usd("1000.00"),
                usd("910.00"), usd("1212.50"), usd("500.00"), new BigDecimal("49.47"));
        var allowance = new Allowance(List.of(new Allowance.Line("Current", usd("1400.00"), new BigDecimal("1"), usd("14.00")),
                new Allowance.Line("1-30", usd("1000.00"), new BigDecimal("2.5"), usd("25.00"))), usd("39.00"));
        var over = new CreditExposure.Line("C9", "Nine Ltd", List.of("C9", "C10"), Money.of("1000.00", "EUR"), usd("1100.00"),
                usd("1200.00"), usd("-100.00"), new BigDecimal("1.0909"), true);
        var exposure = new MonthEndFigures.ExposureFigures(3, List.of(over), usd("100.00"));
        var collections = new MonthEndFigures.CollectionsFigures(2, usd("712.50"), List.of(new CollectionsWorklist.Level(1, 0, usd("0.00")),
                new CollectionsWorklist.Level(2, 2, usd("712.50"))));
        var c = b.cashApplication();
        var cash = new MonthEndFigures.CashApplicationFigures(c.bankCreditsCount(), c.bankCreditsAmount(), c.auto(), c.suggested(),
                c.onAccount(), c.unmatched(), c.reconciled(), new MonthEndFigures.TimeToApply(1, new BigDecimal("3.00"), new BigDecimal("3.00")),
                new MonthEndFigures.TimeToApply(0, null, null));
        return new MonthEndFigures(b.asOf(), b.functionalCurrency(), b.aging(), dso, b.cei(), cash, b.rollforward(),
                b.rollforwardByCurrency(), b.flags(), quarter, allowance, exposure, collections, java.util.Map.of("dso", "as defined"),
                List.of(new dev.o2c.domain.figures.Trend.Point(LocalDate.of(2024, 2, 29), usd("4200.00"), new BigDecimal("40.00"),
                        new BigDecimal("31.50"), new BigDecimal("8.50"), null, List.of(new dev.o2c.domain.figures.Trend.Share("Current", new BigDecimal("0.5000"))), "snapshot")));
    }

    @Test
    void theAddedFiguresGoAfterTheContractsAndReadBack() {
        MonthEndFigures f = fullFigures();
        String json = KpisJson.write(f);
        assertThat(json).contains("\"rolling_three_month\": \"50.46\"", "\"cei_quarter\": {", "\"allowance\": {",
                "\"rate_percent\": \"2.5\"", "\"over_limit_excess\": \"100.00\"", "\"by_dunning_level\": [",
                "\"conventions\": {", "\"trend\": [", "\"source\": \"snapshot\"", "\"time_to_apply_auto_median_days\": \"3.00\"",
                "\"time_to_apply_erp_credits\": 0", "\"time_to_apply_erp_p90_days\": null");
        assertThat(json.indexOf("\"rollforward\"")).isLessThan(json.indexOf("\"cei_quarter\""));
        assertThat(KpisJson.read(json)).isEqualTo(f);
    }

    @Test
    void aSnapshotWrittenBeforeTheAddedFiguresStillReads() {
        String old = KpisJson.write(figures()).replace(",\n    \"rolling_three_month\": null", "");
        assertThat(old).doesNotContain("rolling_three_month");
        MonthEndFigures read = KpisJson.read(old);
        assertThat(read.dso().rollingThreeMonth()).isNull();
        assertThat(read.allowance()).isNull();
        assertThat(read.conventions()).isEmpty();
    }
}
