package dev.o2c.domain.bank;

import java.math.BigInteger;

/** International bank account numbers (ISO 13616): their shape and their check digits. */
public final class Iban {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Iban() {
    }

    /**
     * Whether {@code text} (blanks allowed, any case) is an IBAN whose check digits hold: two
     * letters, two digits, then 11 to 30 letters and digits, ISO 7064 mod 97-10 giving 1.
     */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        String s = text.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (s.length() < 15 || s.length() > 34 || !Character.isLetter(s.charAt(0)) || !Character.isLetter(s.charAt(1))
                || !Character.isDigit(s.charAt(2)) || !Character.isDigit(s.charAt(3))) {
            return false;
        }
        for (int i = 4; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return mod97(s.substring(4) + s.substring(0, 4));
    }

    /**
     * The first IBAN in free text whose check digits hold, compacted (no blanks), or null: written
     * whole, or in groups of four as on paper ("GB29 NWBK 6016 1331 9268 19", every group of four
     * but the last). A run of letters and digits is never extended past its end: one valid by
     * chance with the next word glued on (one in 97 are) is not read as an account.
     */
    public static String findIn(String text) {
        if (text == null) {
            return null;
        }
        String up = text.toUpperCase(java.util.Locale.ROOT);
        int n = up.length();
        for (int i = 0; i + 4 <= n; i++) {
            if ((i > 0 && isAlnum(up.charAt(i - 1))) || !isLetter(up.charAt(i)) || !isLetter(up.charAt(i + 1))
                    || !Character.isDigit(up.charAt(i + 2)) || !Character.isDigit(up.charAt(i + 3))) {
                continue;
            }
            int end = i;
            while (end < n && isAlnum(up.charAt(end))) {
                end++;
            }
            String whole = up.substring(i, end);
            if (whole.length() >= 15 && isValid(whole)) {
                return whole;
            }
            if (whole.length() != 4) {
                continue;
            }
            // groups of four, one blank apart; a shorter group is the last
            StringBuilder grouped = new StringBuilder(whole);
            String found = null;
            int j = end;
            while (j + 1 < n && up.charAt(j) == ' ' && grouped.length() < 34) {
                int k = j + 1;
                int e = k;
                while (e < n && isAlnum(up.charAt(e)) && e - k <= 4) {
                    e++;
                }
                if (e == k || e - k > 4) {
                    break;
                }
                grouped.append(up, k, e);
                if (grouped.length() >= 15 && isValid(grouped.toString())) {
                    found = grouped.toString();
                }
                j = e;
                if (e - k < 4) {
                    break;
                }
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static boolean isAlnum(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** ISO 7064 mod 97-10 of letters (A = 10 ... Z = 35) and digits: whether it leaves 1. Shared with ISO 11649. */
    static boolean mod97(String rearranged) {
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf(c));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }
}
