/** Indexes of primitives for a million records: flat arrays, no object per entry. */
package dev.o2c.domain.collections;
