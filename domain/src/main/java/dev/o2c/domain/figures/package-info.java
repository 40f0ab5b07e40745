/**
 * The month-end figures of METRICS.md (DSO family, CEI, cash-application rates, roll-forward) and their controls.
 */
package dev.o2c.domain.figures;
