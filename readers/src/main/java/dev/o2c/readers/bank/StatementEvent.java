package dev.o2c.readers.bank;

import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;

/**
 * What a streaming statement reader hands out, in file order: for each statement a
 * {@link Begin}, its {@link Line}s, then an {@link End}. Memory stays flat however many
 * lines a statement has.
 */
public sealed interface StatementEvent {

    /** A statement starts; {@code header} carries what is known so far and no lines. */
    record Begin(BankStatement header, long line) implements StatementEvent {
    }

    /** One booked entry. */
    record Line(BankTransaction transaction) implements StatementEvent {
    }

    /** The statement ends; {@code summary} carries every balance and no lines. */
    record End(BankStatement summary) implements StatementEvent {
    }
}
