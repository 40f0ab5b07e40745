package dev.o2c.readers.csv;

import dev.o2c.domain.controls.Reject;

/**
 * One record of an input table, whatever the file: a CSV line or a spreadsheet row. It
 * knows where it stands (its line or row number) and the text it was read from, so that
 * a rejected record can be shown as the source had it.
 */
public interface SourceRow {

    /** The 1-based line (CSV) or row (spreadsheet) number. */
    long line();

    /** The record as the file has it, for the rejects. */
    String raw();

    /**
     * The trimmed value of a column (named in lower case), or null when the column is absent
     * or the value blank.
     */
    String get(String column);

    /** Why the record's shape is wrong (fields against the header), or null. */
    default String shapeProblem() {
        return null;
    }

    /**
     * Whether the value came typed from a spreadsheet cell rather than as text: a date cell
     * reads {@code YYYY-MM-DD} and a number cell a plain decimal, whatever the layout writes
     * in its text.
     */
    default boolean typed(String column) {
        return false;
    }

    default Reject reject(String reason) {
        return new Reject(line(), reason, raw());
    }
}
