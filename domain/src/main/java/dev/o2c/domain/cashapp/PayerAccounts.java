package dev.o2c.domain.cashapp;

import dev.o2c.domain.collections.ShortKeyMap;
import java.util.Locale;

/**
 * Bank accounts that identify a payer: those in the customer master, then those learned from
 * earlier receipts (an ERP receipt naming a bank line says whose account the line came from).
 * The master wins over what was learned; an account two customers share identifies neither.
 */
final class PayerAccounts {

    static final int AMBIGUOUS = -2;
    static final int UNKNOWN = -1;
    private static final int ABSENT = Integer.MIN_VALUE;

    /** Read for each of a million credits: kept packed ({@link ShortKeyMap}), a lookup is one place in memory. */
    private final ShortKeyMap master = new ShortKeyMap(1 << 10);
    private final ShortKeyMap learned = new ShortKeyMap(16);

    void addMaster(String account, int customer) {
        master.merge(key(account), customer, PayerAccounts::agree);
    }

    void learn(String account, int customer) {
        if (account == null || account.isBlank()) {
            return;
        }
        String key = key(account);
        if (!master.containsKey(key)) {
            learned.merge(key, customer, PayerAccounts::agree);
        }
    }

    /** An account two customers have identifies neither. */
    private static int agree(int a, int b) {
        return a == b ? a : AMBIGUOUS;
    }

    /** The customer, {@link #UNKNOWN} or {@link #AMBIGUOUS}. */
    int customer(String account) {
        if (account == null || account.isBlank()) {
            return UNKNOWN;
        }
        String key = key(account);
        int c = master.get(key, ABSENT);
        if (c == ABSENT) {
            c = learned.get(key, ABSENT);
        }
        return c == ABSENT ? UNKNOWN : c;
    }

    static String key(String account) {
        boolean canonical = true;
        for (int i = 0; i < account.length() && canonical; i++) {
            char c = account.charAt(i);
            canonical = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        if (canonical) {
            return account; // an IBAN as banks send it: nothing to do
        }
        StringBuilder sb = new StringBuilder(account.length());
        for (int i = 0; i < account.length(); i++) {
            char c = account.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }
}
