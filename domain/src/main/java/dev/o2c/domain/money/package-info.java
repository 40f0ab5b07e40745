/**
 * Exact money bound to its currency's minor units, and exchange rates into the functional currency.
 */
package dev.o2c.domain.money;
