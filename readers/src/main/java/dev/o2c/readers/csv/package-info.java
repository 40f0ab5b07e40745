/**
 * CSV files as streams of rows that know their line and raw text, with typed, validating field access.
 */
package dev.o2c.readers.csv;
