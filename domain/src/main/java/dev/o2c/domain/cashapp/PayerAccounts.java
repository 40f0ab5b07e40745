package dev.o2c.domain.cashapp;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Bank accounts that identify a payer: those in the customer master, then those learned from
 * earlier receipts (an ERP receipt naming a bank line says whose account the line came from).
 * The master wins over what was learned; an account two customers share identifies neither.
 */
final class PayerAccounts {

    static final int AMBIGUOUS = -2;
    static final int UNKNOWN = -1;

    private final Map<String, Integer> master = new HashMap<>();
    private final Map<String, Integer> learned = new HashMap<>();

    void addMaster(String account, int customer) {
        master.merge(key(account), customer, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
    }

    void learn(String account, int customer) {
        if (account == null || account.isBlank()) {
            return;
        }
        String key = key(account);
        if (!master.containsKey(key)) {
            learned.merge(key, customer, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
        }
    }

    /** The customer, {@link #UNKNOWN} or {@link #AMBIGUOUS}. */
    int customer(String account) {
        if (account == null || account.isBlank()) {
            return UNKNOWN;
        }
        String key = key(account);
        Integer c = master.get(key);
        if (c == null) {
            c = learned.get(key);
        }
        return c == null ? UNKNOWN : c;
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
