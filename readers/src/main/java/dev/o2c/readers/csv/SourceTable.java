package dev.o2c.readers.csv;

import java.util.Iterator;

/** The records of one input file, read once from the top, then closed. */
public interface SourceTable extends AutoCloseable {

    /** How the file is named in messages. */
    String name();

    Iterator<SourceRow> rows();

    @Override
    void close();
}
