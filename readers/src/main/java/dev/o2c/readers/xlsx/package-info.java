/** Spreadsheet (XLSX) extracts, read as a stream of rows with POI's event API and its zip-bomb limits on. */
package dev.o2c.readers.xlsx;
