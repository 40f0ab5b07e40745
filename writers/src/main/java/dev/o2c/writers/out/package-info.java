/**
 * The machine-readable outputs of a close: CSV with formula neutralisation, kpis.json, manifest.json, statement JSON.
 */
package dev.o2c.writers.out;
