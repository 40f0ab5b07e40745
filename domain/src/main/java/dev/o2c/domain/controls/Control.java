package dev.o2c.domain.controls;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A check that two independently derived figures agree, as the manifest reports it.
 * Passes only when the difference is exactly zero: a difference is never rounding noise.
 */
public record Control(String name, BigDecimal expected, BigDecimal actual) {

    public Control {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
    }

    public static Control of(String name, long expected, long actual) {
        return new Control(name, BigDecimal.valueOf(expected), BigDecimal.valueOf(actual));
    }

    public BigDecimal difference() {
        return actual.subtract(expected);
    }

    public boolean passed() {
        return difference().signum() == 0;
    }
}
