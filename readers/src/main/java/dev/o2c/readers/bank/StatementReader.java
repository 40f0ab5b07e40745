package dev.o2c.readers.bank;

import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.readers.csv.InputFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * A bank statement file read as a stream of {@link StatementEvent}s. A file that cannot
 * be read fails with an {@link InputFormatException} naming the file and line; nothing
 * is guessed. Not thread-safe; read once, then close.
 */
public interface StatementReader extends AutoCloseable {

    /** The next event, or null at the end of the file. */
    StatementEvent next();

    BankFormat format();

    /** What the reader found wrong but could read past; complete once {@link #next()} returned null. */
    default java.util.List<ReaderNotice> notices() {
        return java.util.List.of();
    }

    @Override
    void close();

    /** Every statement with its lines, in memory: for small files, tests and the JSON of one file. */
    default List<BankStatement> readAll() {
        List<BankStatement> statements = new ArrayList<>();
        List<BankTransaction> lines = new ArrayList<>();
        StatementEvent event;
        while ((event = next()) != null) {
            if (event instanceof StatementEvent.Begin) {
                lines = new ArrayList<>();
            } else if (event instanceof StatementEvent.Line line) {
                lines.add(line.transaction());
            } else if (event instanceof StatementEvent.End end) {
                statements.add(end.summary().withTransactions(lines));
            }
        }
        return statements;
    }
}
