package dev.o2c.domain.cashapp;

import dev.o2c.domain.bank.CreditorReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds invoice numbers in what payers write, as payers write them.
 *
 * <p>Both sides are reduced to upper-case letters and digits ({@code inv-000123} and
 * {@code INV 000123} meet). Words of the text are tried alone and joined with one or two
 * neighbours (a number split by spaces). Three strengths, strongest first:
 * <ul>
 *   <li>{@link Strength#EXACT}: the whole number, or a valid ISO 11649 (RF) or QR/ESR
 *       reference carrying it;</li>
 *   <li>{@link Strength#VARIANT}: the same significant digits with the leading zeros or the
 *       prefix dropped or changed ({@code RE 123456} for {@code INV-0123456}); without the
 *       right prefix only when at least {@code referenceMinDigits} significant digits agree;</li>
 *   <li>{@link Strength#TYPO}: one digit wrong, missing, extra, or two neighbours swapped, on
 *       numbers of at least {@code typoMinDigits} significant digits, looked for only when
 *       nothing stronger was found, and kept only when exactly one invoice is that close.</li>
 * </ul>
 * A typo candidate is found through one-deletion variants of the significant digits (a
 * symmetric-delete index), then confirmed by edit distance. Built once; reading is
 * thread-safe.
 */
final class ReferenceIndex {

    enum Strength { EXACT, VARIANT, TYPO }

    /** An invoice a text names, how strongly, and the words that named it. */
    record Hit(int invoice, Strength strength, String written) {
    }

    private static final int MIN_KEY_LENGTH = 4;
    private static final int MAX_JOINED = 3;
    private static final int MAX_DIGITS = 17;

    private final String[] keys;
    private final String[] prefixes;
    private final String[] digits;
    private final LongMultiIndex byKey;
    private final LongMultiIndex byDigits;
    private final LongMultiIndex byDeletion;
    private final int minDigits;
    private final int typoMinDigits;

    ReferenceIndex(List<String> invoiceIds, int minDigits, int typoMinDigits) {
        int n = invoiceIds.size();
        this.minDigits = minDigits;
        this.typoMinDigits = typoMinDigits;
        keys = new String[n];
        prefixes = new String[n];
        digits = new String[n];
        byKey = new LongMultiIndex(n);
        byDigits = new LongMultiIndex(n);
        byDeletion = new LongMultiIndex(n * 7);
        for (int i = 0; i < n; i++) {
            String key = reduce(invoiceIds.get(i));
            keys[i] = key;
            if (key.length() >= MIN_KEY_LENGTH) {
                byKey.add(hash(key), i);
            }
            int split = prefixEnd(key);
            if (split < 0) {
                continue;
            }
            String sig = significant(key.substring(split));
            if (sig.isEmpty() || sig.length() > MAX_DIGITS) {
                continue;
            }
            prefixes[i] = key.substring(0, split);
            digits[i] = sig;
            byDigits.add(digitsKey(sig), i);
            if (sig.length() >= typoMinDigits) {
                for (int d = 0; d < sig.length(); d++) {
                    if (d > 0 && sig.charAt(d) == sig.charAt(d - 1)) {
                        continue; // deleting either of two equal neighbours gives the same variant
                    }
                    byDeletion.add(digitsKey(deleteAt(sig, d)), i);
                }
            }
        }
    }

    /**
     * The invoices named in the texts, strongest first, then in order of appearance; each
     * invoice once, at its strongest. Typos only when nothing stronger was found.
     */
    List<Hit> find(String structuredReference, String... texts) {
        Map<Integer, Hit> found = new LinkedHashMap<>();
        List<String> candidates = new ArrayList<>();
        if (structuredReference != null && !structuredReference.isBlank()) {
            String payload = structuredPayload(structuredReference);
            if (payload != null) {
                lookUp(List.of(payload), found, true);
            } else {
                for (String t : texts) {
                    candidates.add(t);
                }
                candidates.add(structuredReference);
            }
        }
        if (candidates.isEmpty()) {
            for (String t : texts) {
                candidates.add(t);
            }
        }
        List<List<String>> tokenised = new ArrayList<>();
        for (String text : candidates) {
            if (text != null && !text.isBlank()) {
                tokenised.add(tokens(text));
            }
        }
        for (List<String> tokens : tokenised) {
            lookUp(tokens, found, false);
        }
        if (found.isEmpty()) {
            List<Hit> typos = new ArrayList<>();
            for (List<String> tokens : tokenised) {
                typos(tokens, typos);
            }
            // one invoice, and one only, may be one typo away
            long distinct = typos.stream().mapToInt(Hit::invoice).distinct().count();
            return distinct == 1 ? List.of(typos.get(0)) : List.of();
        }
        List<Hit> hits = new ArrayList<>(found.values());
        hits.sort((a, b) -> Integer.compare(a.strength().ordinal(), b.strength().ordinal()));
        return hits;
    }

    /** The reference a valid RF or QR/ESR reference carries, or null when it is neither or its check digits fail. */
    static String structuredPayload(String reference) {
        String compact = CreditorReference.compact(reference);
        if (CreditorReference.looksLikeRf(compact)) {
            return CreditorReference.isValidRf(compact) ? compact.substring(4) : null;
        }
        if (CreditorReference.looksLikeQr(compact)) {
            return CreditorReference.isValidQr(compact) ? compact.substring(0, compact.length() - 1) : null;
        }
        return null;
    }

    private void lookUp(List<String> tokens, Map<Integer, Hit> found, boolean structured) {
        for (int i = 0; i < tokens.size(); i++) {
            StringBuilder joined = new StringBuilder();
            for (int n = 0; n < MAX_JOINED && i + n < tokens.size(); n++) {
                joined.append(tokens.get(i + n));
                String written = joined.toString();
                if (written.length() >= MIN_KEY_LENGTH) {
                    for (int e = byKey.first(hash(written)); e >= 0; e = byKey.nextEntry(e)) {
                        int inv = byKey.value(e);
                        if (keys[inv].equals(written)) {
                            put(found, new Hit(inv, Strength.EXACT, written));
                        }
                    }
                }
                int split = prefixEnd(written);
                if (split < 0) {
                    continue;
                }
                String prefix = written.substring(0, split);
                String sig = significant(written.substring(split));
                if (sig.isEmpty() || sig.length() > MAX_DIGITS) {
                    continue;
                }
                for (int e = byDigits.first(digitsKey(sig)); e >= 0; e = byDigits.nextEntry(e)) {
                    int inv = byDigits.value(e);
                    boolean samePrefix = !prefix.isEmpty() && prefix.equals(prefixes[inv]);
                    if (structured || samePrefix || sig.length() >= minDigits) {
                        put(found, new Hit(inv, structured ? Strength.EXACT : Strength.VARIANT, written));
                    }
                }
            }
        }
    }

    private void typos(List<String> tokens, List<Hit> out) {
        for (int i = 0; i < tokens.size(); i++) {
            StringBuilder joined = new StringBuilder();
            for (int n = 0; n < MAX_JOINED && i + n < tokens.size(); n++) {
                joined.append(tokens.get(i + n));
                String written = joined.toString();
                int split = prefixEnd(written);
                if (split < 0) {
                    continue;
                }
                String sig = significant(written.substring(split));
                if (sig.length() < typoMinDigits || sig.length() > MAX_DIGITS) {
                    continue;
                }
                // the written number is one of an invoice's deletion variants (a digit missing)
                collect(byDeletion, digitsKey(sig), sig, written, out);
                for (int d = 0; d < sig.length(); d++) {
                    String less = deleteAt(sig, d);
                    if (!less.startsWith("0")) {
                        collect(byDigits, digitsKey(less), sig, written, out); // a digit too many
                    }
                    collect(byDeletion, digitsKey(less), sig, written, out); // one wrong or two swapped
                }
            }
        }
    }

    private void collect(LongMultiIndex index, long key, String sig, String written, List<Hit> out) {
        for (int e = index.first(key); e >= 0; e = index.nextEntry(e)) {
            int inv = index.value(e);
            if (digits[inv].length() >= typoMinDigits && oneEditApart(sig, digits[inv])) {
                out.add(new Hit(inv, Strength.TYPO, written));
            }
        }
    }

    private static void put(Map<Integer, Hit> found, Hit hit) {
        Hit before = found.get(hit.invoice());
        if (before == null || hit.strength().ordinal() < before.strength().ordinal()
                || (hit.strength() == before.strength() && hit.written().length() < before.written().length())) {
            found.put(hit.invoice(), hit);
        }
    }

    /** Optimal string alignment distance of at most one: one substitution, insertion, deletion or swap of neighbours. */
    static boolean oneEditApart(String a, String b) {
        if (a.equals(b)) {
            return false;
        }
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            if (a.substring(i + 1).equals(b.substring(i + 1))) {
                return true;
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
        }
        return la > lb ? a.substring(i + 1).equals(b.substring(i)) : b.substring(i + 1).equals(a.substring(i));
    }

    /** Upper-case letters and digits only. */
    static String reduce(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                current.append(Character.toUpperCase(c));
            } else if (current.length() > 0) {
                tokens.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    /** Where the letters end in a key made of letters then digits, or -1 when it is not of that shape. */
    private static int prefixEnd(String key) {
        int i = 0;
        while (i < key.length() && !isDigit(key.charAt(i))) {
            i++;
        }
        if (i == key.length()) {
            return -1;
        }
        for (int j = i; j < key.length(); j++) {
            if (!isDigit(key.charAt(j))) {
                return -1;
            }
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String significant(String digitsOnly) {
        int i = 0;
        while (i < digitsOnly.length() - 1 && digitsOnly.charAt(i) == '0') {
            i++;
        }
        return digitsOnly.charAt(i) == '0' ? "" : digitsOnly.substring(i);
    }

    private static String deleteAt(String s, int i) {
        return s.substring(0, i) + s.substring(i + 1);
    }

    /** Digits as written (leading zeros count through the length) to one long. */
    private static long digitsKey(String s) {
        return Long.parseLong(s) * 32 + s.length();
    }

    private static long hash(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }
}
