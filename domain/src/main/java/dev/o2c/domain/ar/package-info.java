/**
 * What the ERP knows: customers, sales orders, invoices and credit memos, receipts with their allocations.
 */
package dev.o2c.domain.ar;
