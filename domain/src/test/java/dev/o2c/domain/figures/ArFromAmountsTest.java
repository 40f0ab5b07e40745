package dev.o2c.domain.figures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.aging.Aging;
import dev.o2c.domain.money.Money;
import dev.o2c.domain.openitems.CashMovement;
import dev.o2c.domain.openitems.OpenItem;
import dev.o2c.domain.openitems.OpenItems;
import dev.o2c.domain.openitems.OpenItemsIndex;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The month-end AR summed in minor units is the AR the items give, summed as decimals. */
class ArFromAmountsTest {

    @Test
    void sameTotalsAsTheItemsOnRandomCompaniesAtManyDates() {
        int currencies = 0;
        for (long seed = 1; seed <= 25; seed++) {
            Ledger l = FiguresPropertiesTest.company(seed);
            List<CashMovement> cash = MonthEndCalculator.cashMovements(l);
            OpenItemsIndex index = new OpenItemsIndex(l.documents(), cash);
            for (YearMonth m = YearMonth.of(2025, 1); m.isBefore(YearMonth.of(2026, 1)); m = m.plusMonths(1)) {
                LocalDate d = m.atEndOfMonth();
                List<OpenItem> items = OpenItems.unordered(d, l.documents(), cash);
                Map<Currency, Money> byCurrency = new HashMap<>();
                items.forEach(i -> byCurrency.merge(i.open().currency(), i.open(), Money::plus));
                MonthEndCalculator.ArAt fast = MonthEndCalculator.arFromAmounts(index, d, l.fx());
                assertThat(fast).as("seed %d as of %s", seed, d).isNotNull();
                assertThat(fast.total()).as("seed %d as of %s", seed, d).isEqualTo(Aging.totalOpen(d, items, l.fx()));
                assertThat(fast.byCurrency()).as("seed %d as of %s", seed, d).isEqualTo(byCurrency);
                currencies += byCurrency.size();
            }
        }
        assertThat(currencies).as("companies with AR in several currencies").isGreaterThan(25 * 12);
    }
}
