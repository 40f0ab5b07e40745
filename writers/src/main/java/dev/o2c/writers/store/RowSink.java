package dev.o2c.writers.store;

/**
 * Where a load writes rows of one table as they come: PostgreSQL's COPY or, on H2, JDBC
 * batches; a ledger table itself, or a temporary table of the load's transaction.
 */
interface RowSink extends AutoCloseable {

    /** One row, the sink's columns in order. */
    void add(Object[] values);

    /** Sends what is buffered and returns how many rows the store took in all. */
    long finish();

    /**
     * Sends what is buffered and checks that the store took every one of the {@code sent} rows:
     * a row lost between us and the table would be a record lost in silence, so the transaction
     * ({@code what}: the file, the step) fails and rolls back instead.
     */
    default void finish(long sent, String table, String what) {
        long written = finish();
        if (written != sent) {
            throw new IllegalStateException((sent - written) + " of " + sent + " rows did not reach " + table + "; " + what
                    + " is rolled back");
        }
    }

    /** Sends every row buffered so far, so that a query sees them; the connection is then free. */
    void flush();

    /** Ends what holds the transaction's connection (an open COPY) so that another statement can run; rows stay buffered. */
    default void suspend() {
    }

    /** Drops what is buffered: the load failed, its transaction rolls back. */
    void abort();

    @Override
    default void close() {
        abort();
    }

    /** @param beforeCopy run before a COPY starts: it ends whatever else holds the connection */
    static RowSink of(Dialect dialect, org.springframework.jdbc.core.JdbcTemplate jdbc, String table, java.util.List<String> columns,
                      Runnable beforeCopy) {
        return switch (dialect) {
            case POSTGRESQL -> new CopyRows(jdbc.getDataSource(), table, columns, beforeCopy);
            case H2 -> new BatchRows(jdbc, table, columns);
        };
    }
}
