/**
 * The ERP extracts of the generic input directory (CONTRACTS.md section 2) and their row rules.
 */
package dev.o2c.readers.erp;
