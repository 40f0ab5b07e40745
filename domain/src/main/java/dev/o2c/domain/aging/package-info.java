/**
 * Aging: buckets, items placed in them, totals by bucket and by customer.
 */
package dev.o2c.domain.aging;
