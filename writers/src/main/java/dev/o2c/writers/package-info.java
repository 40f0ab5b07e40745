/**
 * Where data goes: the store (its SQL, bulk writes and the queries that read the
 * ledger back) and the machine-readable outputs of a run (CSV and JSON).
 * The store's SQL lives here and nowhere else; the schema's migrations live with
 * the application in {@code jobs}.
 */
package dev.o2c.writers;
