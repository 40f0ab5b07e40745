package dev.o2c.domain.bank;

import dev.o2c.domain.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/** A statement balance: signed amount (credit positive) on a date. */
public record Balance(LocalDate date, Money amount) {
    public Balance {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
    }
}
