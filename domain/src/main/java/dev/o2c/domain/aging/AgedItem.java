package dev.o2c.domain.aging;

import dev.o2c.domain.money.Money;
import dev.o2c.domain.openitems.OpenItem;

/**
 * An open item placed in its bucket: one row of {@code aging.csv}.
 *
 * @param age days past due on the due-date basis, days since the document on the invoice-date basis
 * @param functional the open amount in the functional currency at the as-of rate
 */
public record AgedItem(OpenItem item, long age, int bucket, String bucketLabel, Money functional) {
}
