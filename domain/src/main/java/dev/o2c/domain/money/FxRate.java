package dev.o2c.domain.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/** One line of {@code fx_rates.csv}: units of the functional currency for one unit of {@code currency} from {@code date} on. */
public record FxRate(LocalDate date, Currency currency, BigDecimal rate) {
}
