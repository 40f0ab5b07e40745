/**
 * Text rules shared by every output: what a spreadsheet must never run as a formula.
 */
package dev.o2c.domain.text;
