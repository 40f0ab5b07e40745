/**
 * Readers of what the pipeline is given: ERP extracts and bank statements.
 * Each record ends as a domain value or as a {@link dev.o2c.domain.controls.Reject}
 * with its line number, reason and raw text; nothing is dropped in silence.
 */
package dev.o2c.readers;
