/** Orders against invoices: what was fulfilled but not billed, billed differently, or billed twice. */
package dev.o2c.domain.orders;
