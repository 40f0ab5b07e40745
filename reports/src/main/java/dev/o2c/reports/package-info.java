/**
 * The month-end pack people read: the PDF (JasperReports, templates beside this
 * package in resources) and the workbook (POI, streaming). Both are byte-identical
 * for identical input: fixed metadata and timestamps derived from the as-of date.
 */
package dev.o2c.reports;
