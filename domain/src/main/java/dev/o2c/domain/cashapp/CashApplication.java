package dev.o2c.domain.cashapp;

import dev.o2c.domain.controls.ExceptionItem;
import java.util.List;

/**
 * What cash application decided for every bank credit, and what it found wrong on the way.
 *
 * @param allocations every bank credit at least once, in the order of the credits, then of their parts
 */
public record CashApplication(List<CashAllocation> allocations, List<ExceptionItem> exceptions) {
    public CashApplication {
        allocations = List.copyOf(allocations);
        exceptions = List.copyOf(exceptions);
    }
}
