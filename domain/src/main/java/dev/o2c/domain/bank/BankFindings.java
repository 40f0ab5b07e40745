package dev.o2c.domain.bank;

import dev.o2c.domain.controls.ExceptionItem;
import java.util.Set;

/**
 * What the bank side of the close can find wrong with the statements themselves, by
 * exception category: the pack reports them together, apart from the cash application's.
 */
public final class BankFindings {

    /** Opening + entries differs from the closing balance. */
    public static final String BALANCE_BREAK = "STATEMENT_BALANCE_BREAK";
    /** A statement does not open where the account's previous one closed. */
    public static final String CHAIN_BREAK = "STATEMENT_CHAIN_BREAK";
    /** Balances and entries in different currencies: not checked. */
    public static final String CURRENCY_MIXED = "STATEMENT_CURRENCY_MIXED";
    /** A statement loaded before, from another file or earlier in the same one. */
    public static final String DUPLICATE_STATEMENT = "DUPLICATE_STATEMENT";
    /** A bank line (account and bank reference) loaded before from another file. */
    public static final String DUPLICATE_LINE = "DUPLICATE_BANK_LINE";
    /** A BAI2 trailer's control total that the records do not add up to. */
    public static final String BAI2_CONTROL_TOTAL = "BAI2_CONTROL_TOTAL";
    /** A BAI2 trailer's record, account or group count that does not match. */
    public static final String BAI2_RECORD_COUNT = "BAI2_RECORD_COUNT";

    /**
     * Read where statement parsers disagree and the amount, date and sign were still
     * unambiguous (a field left out, a separator missing): what was assumed is in the message.
     */
    public static final String READ_LENIENTLY = "STATEMENT_READ_LENIENTLY";

    private static final Set<String> ALL = Set.of(BALANCE_BREAK, CHAIN_BREAK, CURRENCY_MIXED, DUPLICATE_STATEMENT,
            DUPLICATE_LINE, BAI2_CONTROL_TOTAL, BAI2_RECORD_COUNT, READ_LENIENTLY);

    private BankFindings() {
    }

    public static boolean isBankFinding(ExceptionItem e) {
        return ALL.contains(e.category());
    }
}
