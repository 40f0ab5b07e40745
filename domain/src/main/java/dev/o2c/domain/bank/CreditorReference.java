package dev.o2c.domain.bank;

import java.util.Locale;

/**
 * Structured creditor references and their check digits: ISO 11649 ({@code RF18 5390 0754 7034},
 * mod 97 like an IBAN) and the Swiss QR/ESR reference (27 digits, or 16 for the old ESR,
 * the last a recursive mod-10 check digit).
 */
public final class CreditorReference {

    private static final int[] MOD10_TABLE = {0, 9, 4, 6, 8, 2, 7, 1, 3, 5};

    private CreditorReference() {
    }

    /** The reference without spaces, upper case. */
    public static String compact(String reference) {
        return reference.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** Whether the text is an ISO 11649 reference at all (RF, two digits, 1 to 21 letters or digits). */
    public static boolean looksLikeRf(String reference) {
        return compact(reference).matches("RF\\d{2}[A-Z0-9]{1,21}");
    }

    /** Whether an ISO 11649 reference's check digits are right. */
    public static boolean isValidRf(String reference) {
        String ref = compact(reference);
        if (!looksLikeRf(ref)) {
            return false;
        }
        return Iban.mod97(ref.substring(4) + ref.substring(0, 4));
    }

    /** Whether the text is a Swiss QR (27 digits) or ESR (16 or 27 digits) reference. */
    public static boolean looksLikeQr(String reference) {
        return compact(reference).matches("\\d{16}|\\d{27}");
    }

    /** Whether a QR/ESR reference's recursive mod-10 check digit is right. */
    public static boolean isValidQr(String reference) {
        String ref = compact(reference);
        if (!looksLikeQr(ref)) {
            return false;
        }
        int carry = 0;
        for (int i = 0; i < ref.length() - 1; i++) {
            carry = MOD10_TABLE[(carry + ref.charAt(i) - '0') % 10];
        }
        return (10 - carry) % 10 == ref.charAt(ref.length() - 1) - '0';
    }

    /**
     * What a reference is and whether its check digits hold.
     *
     * @param type  RF, QRR, ESR, ... or whatever the file declared; null when nothing is known
     * @param valid whether the check digits hold; null when the kind has no check digits we know
     */
    public record Kind(String type, Boolean valid) {
    }

    /**
     * The kind of a reference: {@code RF} by its shape whatever the file declares (banks write
     * SCOR for it), the declared QRR/ESR/ISR checked by mod 10, anything else as declared.
     *
     * @param declaredType what the file calls it (SCOR, QRR, ESR, ...), or null
     */
    public static Kind classify(String reference, String declaredType) {
        if (reference == null || reference.isBlank()) {
            return new Kind(declaredType, null);
        }
        if (looksLikeRf(reference)) {
            return new Kind("RF", isValidRf(reference));
        }
        if ("QRR".equals(declaredType) || "ESR".equals(declaredType) || "ISR".equals(declaredType)) {
            return new Kind(declaredType, isValidQr(reference));
        }
        return new Kind(declaredType, null);
    }
}
