/**
 * The o2c command line: close, statement, generate; exit codes of CONTRACTS.md section 1.
 */
package dev.o2c.jobs.cli;
