package dev.o2c.domain.ar;

import dev.o2c.domain.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/** @param fulfilledDate null unless the order is fulfilled */
public record SalesOrder(
        String orderId,
        String customerId,
        LocalDate orderDate,
        Money amount,
        OrderStatus status,
        LocalDate fulfilledDate) {

    public SalesOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(orderDate, "orderDate");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
    }
}
