/**
 * Bank statements: format detection and the bank CSV reader.
 */
package dev.o2c.readers.bank;
