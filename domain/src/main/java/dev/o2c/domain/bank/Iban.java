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

    /** ISO 7064 mod 97-10 of letters (A = 10 ... Z = 35) and digits: whether it leaves 1. Shared with ISO 11649. */
    static boolean mod97(String rearranged) {
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf(c));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }
}
