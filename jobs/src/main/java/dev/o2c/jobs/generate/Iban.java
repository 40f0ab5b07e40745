package dev.o2c.jobs.generate;

import java.math.BigInteger;
import java.util.Random;

/** IBANs with correct ISO 13616 check digits, so generated accounts look and validate like real ones. */
final class Iban {

    private Iban() {
    }

    /** A random IBAN of the country's length (DE 22, GB 22, NL 18, FR 27, US-style 20). */
    static String random(String country, Random random) {
        String bban = switch (country) {
            case "GB" -> letters(random, 4) + digits(random, 14);
            case "NL" -> letters(random, 4) + digits(random, 10);
            case "FR" -> digits(random, 23);
            default -> digits(random, country.equals("DE") ? 18 : 16);
        };
        return country + checkDigits(country, bban) + bban;
    }

    static String checkDigits(String country, String bban) {
        String rearranged = bban + country + "00";
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf(c));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return check < 10 ? "0" + check : String.valueOf(check);
    }

    private static String digits(Random random, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    private static String letters(Random random, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('A' + random.nextInt(26)));
        }
        return sb.toString();
    }
}
