/**
 * Open items as of a date, derived from documents and cash with the cut-off rules of METRICS.md.
 */
package dev.o2c.domain.openitems;
