/**
 * The store: upserts by natural key, the queries that read the ledger back, and each run's results by run id.
 */
package dev.o2c.writers.store;
