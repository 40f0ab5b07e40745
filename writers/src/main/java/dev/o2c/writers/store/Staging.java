package dev.o2c.writers.store;

/**
 * Where a file's accepted rows wait, in a temporary table of the load's transaction,
 * until the checks that need the whole file (duplicates, references) have run: the
 * JVM keeps none of them, so a file of any size loads in the same memory.
 */
interface Staging extends AutoCloseable {

    /** One row: its line in the source, its raw text, and the table's columns in order. */
    void add(long line, String raw, Object[] values);

    /** Sends what is buffered; the staged rows are then visible to SQL. */
    @Override
    void close();

    /** Drops what is buffered: the load failed, its transaction rolls back. */
    void abort();
}
