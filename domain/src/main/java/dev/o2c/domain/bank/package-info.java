/**
 * What the bank says: statements, their balances and booked lines.
 */
package dev.o2c.domain.bank;
