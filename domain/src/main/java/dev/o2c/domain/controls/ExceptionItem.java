package dev.o2c.domain.controls;

import dev.o2c.domain.money.Money;
import java.util.Comparator;
import java.util.Objects;

/**
 * One line of {@code exceptions.csv}: something a person must look at.
 *
 * @param amount the amount concerned, or null where none applies
 */
public record ExceptionItem(
        String category,
        Severity severity,
        String entityType,
        String entityId,
        Money amount,
        String reason) {

    /** The order exceptions are published in: stable for identical input. */
    public static final Comparator<ExceptionItem> PUBLISHED_ORDER = Comparator
            .comparing(ExceptionItem::severity)
            .thenComparing(ExceptionItem::category)
            .thenComparing(ExceptionItem::entityType)
            .thenComparing(ExceptionItem::entityId)
            .thenComparing(ExceptionItem::reason);

    public ExceptionItem {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(reason, "reason");
    }
}
