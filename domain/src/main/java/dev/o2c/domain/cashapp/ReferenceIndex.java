package dev.o2c.domain.cashapp;

import dev.o2c.domain.bank.CreditorReference;
import dev.o2c.domain.collections.LongMultiIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds invoice numbers in what payers write, as payers write them.
 *
 * <p>Both sides are reduced to upper-case letters and digits ({@code inv-000123} and
 * {@code INV 000123} meet). Only invoice numbers with at least one digit are found. Words of the text are tried alone and joined with one or two
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
 * Typo candidates are the numbers one edit from what was written, looked up like any
 * other number, so no index of misspellings is kept. Per invoice the index holds its
 * significant digits as a number and its prefix as a small integer: a million invoices
 * take tens of megabytes. Built once; reading is thread-safe.
 */
final class ReferenceIndex {

    enum Strength { EXACT, VARIANT, TYPO }

    /** An invoice a text names, how strongly, and the words that named it. */
    record Hit(int invoice, Strength strength, String written) {
    }

    /** One thread's buffers for {@link #lookUp}, grown to the longest text met. */
    private static final class Scratch {
        char[] buf = new char[0];
        int[] starts = new int[1];
        int[] ends = new int[1];
        boolean[] digitIn = new boolean[1];
        /** Whether a token is a date's day or month ("24.12."): not joined with the next one. */
        boolean[] dateBreak = new boolean[1];

        void fit(int length) {
            if (buf.length < length) {
                buf = new char[length];
                starts = new int[length / 2 + 1];
                ends = new int[starts.length];
                digitIn = new boolean[starts.length];
                dateBreak = new boolean[starts.length];
            }
        }
    }

    private static final int MIN_KEY_LENGTH = 4;
    private static final int MAX_JOINED = 3;
    private static final int MAX_DIGITS = 17;

    /** Longest reduced number kept in {@link #shapes}; longer ones are found through {@link #byKey}. */
    private static final int MAX_SHAPE_LENGTH = 0xFFFF;

    private final List<String> ids;
    /**
     * Each invoice number that is letters then 1 to {@value #MAX_DIGITS} significant digits,
     * reduced, in one long: its prefix's index into {@link #prefixNames} (high 32 bits), its
     * length (16 bits), its count of significant digits (8 bits); with the digits, the key of
     * {@link #byDigits}, that is the whole number, so it is matched exactly without reading
     * its string (a cache miss or three for each of a million credits). 0 for other numbers.
     */
    private final long[] shapes;
    private final Map<String, Integer> prefixIndex = new java.util.HashMap<>();
    private final List<String> prefixNames = new ArrayList<>();
    /** Numbers of any other shape (reduced, at least {@value #MIN_KEY_LENGTH} long), by hash. */
    private final LongMultiIndex byKey;
    private final LongMultiIndex byDigits;
    private final int minDigits;
    private final int typoMinDigits;
    /**
     * Each thread's buffers for reducing a text, reused from credit to credit: made per text they were four arrays a
     * credit (about a fifth of what the workers allocated in a run of a million credits). Arrays of primitives only.
     */
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    ReferenceIndex(List<String> invoiceIds, int minDigits, int typoMinDigits) {
        int n = invoiceIds.size();
        this.ids = invoiceIds;
        this.minDigits = minDigits;
        this.typoMinDigits = typoMinDigits;
        shapes = new long[n];
        byKey = new LongMultiIndex(n);
        byDigits = new LongMultiIndex(n);
        // each number reduced into one buffer: no strings made per invoice
        char[] key = new char[16];
        for (int i = 0; i < n; i++) {
            String id = invoiceIds.get(i);
            if (key.length < id.length()) {
                key = new char[id.length()];
            }
            add(i, key, reduceInto(id, key));
        }
    }

    /**
     * Indexes invoice {@code i}, whose number is reduced into the first {@code length} chars of {@code key}. A method
     * of its own so the JIT compiles it once: as the body of the constructor's loop, each of its inner loops was
     * compiled on its own with all of the constructor around it (three large compilations a run).
     */
    private void add(int i, char[] key, int length) {
        int split = prefixEnd(key, length);
        int from = split;
        while (from >= 0 && from < length && key[from] == '0') {
            from++;
        }
        int count = length - from;
        if (split < 0 || from == length || count > MAX_DIGITS || length > MAX_SHAPE_LENGTH) {
            if (length >= MIN_KEY_LENGTH) {
                byKey.add(hash(key, 0, length), i);
            }
            return;
        }
        long value = 0;
        for (int k = from; k < length; k++) {
            value = value * 10 + (key[k] - '0');
        }
        shapes[i] = (long) prefix(key, split) << 32 | (long) length << 8 | count;
        byDigits.add(value, i);
    }

    /**
     * While building: the last prefix numbered, or -1 (invoice numbers share a few prefixes, so most are not looked
     * up).
     */
    private int lastPrefix = -1;

    /** The number of the prefix in the first {@code split} chars of {@code key}, numbering it when new. */
    private int prefix(char[] key, int split) {
        if (lastPrefix < 0 || !sameChars(prefixNames.get(lastPrefix), key, 0, split)) {
            lastPrefix = prefixIndex.computeIfAbsent(new String(key, 0, split), k -> {
                prefixNames.add(k);
                return prefixNames.size() - 1;
            });
        }
        return lastPrefix;
    }

    /**
     * The invoices named in the texts, strongest first, then in order of appearance; each
     * invoice once, at its strongest. Typos only when nothing stronger was found.
     */
    List<Hit> find(String structuredReference, String... texts) {
        Scratch scratch = this.scratch.get();
        // the lists are new each time: young objects; kept, each hit stored into them would mark a card of an old
        // array for the collector to scan
        List<Hit> found = new ArrayList<>(2);
        List<String> candidates = new ArrayList<>(texts.length + 1);
        if (structuredReference != null && !structuredReference.isBlank()) {
            String payload = structuredPayload(structuredReference);
            if (payload != null) {
                lookUp(payload, found, true, scratch);
            } else {
                candidates.add(structuredReference);
            }
        }
        for (String t : texts) {
            if (t != null && !t.isBlank()) {
                candidates.add(t);
            }
        }
        for (String text : candidates) {
            lookUp(text, found, false, scratch);
        }
        if (found.isEmpty()) {
            java.util.Set<Integer> typos = new java.util.LinkedHashSet<>();
            String[] written = new String[1];
            for (String text : candidates) {
                if (hasDigit(text)) {
                    typos(tokens(text), typos, written);
                }
            }
            // one invoice, and one only, may be one typo away
            return typos.size() == 1 ? List.of(new Hit(typos.iterator().next(), Strength.TYPO, written[0])) : List.of();
        }
        if (found.size() > 1) {
            found.sort((a, b) -> Integer.compare(a.strength().ordinal(), b.strength().ordinal()));
        }
        // an immutable list: a single hit is held in the list object itself, one memory read less for the deciding
        // thread (which reads what this worker wrote), and the lists it reads are of two classes, not three
        return List.copyOf(found);
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

    /**
     * Looks up every word of the text, and every word joined with its next one or two: the
     * text is reduced once into one buffer of upper-case letters and digits, where joined
     * words are simply longer spans, so nothing is built unless an invoice is found.
     */
    private void lookUp(String text, List<Hit> found, boolean structured, Scratch scratch) {
        int length = text.length();
        scratch.fit(length);
        char[] buf = scratch.buf;
        int[] starts = scratch.starts;
        int[] ends = scratch.ends;
        boolean[] digitIn = scratch.digitIn;
        boolean[] dateBreak = scratch.dateBreak;
        int tokens = 0;
        int at = 0;
        boolean inToken = false;
        int tokenStart = 0; // where the current token starts in the text
        int shortNumberEnd = -1; // where in the text the last token ended, when it was one or two digits
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (!inToken) {
                    starts[tokens] = at;
                    digitIn[tokens] = false; // the buffers are reused: each token starts afresh
                    dateBreak[tokens] = false;
                    inToken = true;
                    tokenStart = i;
                }
                char u = c < 128 ? (c >= 'a' && c <= 'z' ? (char) (c - 32) : c) : Character.toUpperCase(c);
                buf[at++] = u;
                digitIn[tokens] |= isDigit(u);
            } else if (inToken) {
                ends[tokens] = at;
                endToken(text, tokens, tokenStart, i, shortNumberEnd, dateBreak);
                shortNumberEnd = i - tokenStart <= 2 && allDigits(text, tokenStart, i) ? i : -1;
                tokens++;
                inToken = false;
            }
        }
        if (inToken) {
            ends[tokens] = at;
            endToken(text, tokens, tokenStart, length, shortNumberEnd, dateBreak);
            tokens++;
        }
        for (int i = 0; i < tokens; i++) {
            boolean digit = false;
            for (int n = 0; n < MAX_JOINED && i + n < tokens; n++) {
                // an invoice number has a digit: words alone ("PAYMENT", "THANK YOU") are never looked up
                digit |= digitIn[i + n];
                if (digit) {
                    span(buf, starts[i], ends[i + n], found, structured);
                }
                if (dateBreak[i + n]) {
                    break; // "VOM 24.12.": a day and a month joined are no invoice number
                }
            }
        }
    }

    /**
     * Marks the token before this one as a date's day or month: both one or two digits with a
     * single dot between them ("24.12."), or a month followed so by its year ("24.12.2025").
     * Slashes are left alone: invoice numbers are written with them ("SO/88/1").
     */
    private static void endToken(String text, int token, int from, int to, int shortNumberEnd, boolean[] dateBreak) {
        boolean dayOrMonth = to - from <= 2 || (to - from == 4 && token >= 2 && dateBreak[token - 2]);
        if (token > 0 && shortNumberEnd >= 0 && from == shortNumberEnd + 1 && dayOrMonth && allDigits(text, from, to)) {
            char sep = text.charAt(shortNumberEnd);
            dateBreak[token - 1] = sep == '.';
        }
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private void span(char[] buf, int from, int to, List<Hit> found, boolean structured) {
        int split = from;
        while (split < to && !isDigit(buf[split])) {
            split++;
        }
        int sig = split;
        while (sig < to && buf[sig] == '0') {
            sig++;
        }
        int count = to - sig;
        long value = 0;
        boolean shaped = split < to && count > 0 && count <= MAX_DIGITS && to - from <= MAX_SHAPE_LENGTH;
        for (int k = sig; k < to && shaped; k++) {
            char c = buf[k];
            shaped = isDigit(c); // letters after the digits: not the shape of a number with a prefix
            value = value * 10 + (c - '0');
        }
        if (!shaped) {
            // only numbers of another shape can be this span exactly; their strings are compared
            if (to - from >= MIN_KEY_LENGTH) {
                for (int e = byKey.first(hash(buf, from, to)); e != LongMultiIndex.NONE; e = byKey.nextEntry(e)) {
                    int inv = byKey.value(e);
                    if (reducesTo(ids.get(inv), buf, from, to)) {
                        put(found, new Hit(inv, Strength.EXACT, new String(buf, from, to - from)));
                    }
                }
            }
            return;
        }
        // the same significant digits: the whole number when prefix and length agree too, else
        // a variant; the exact ones first, as they always came
        String written = null;
        if (to - from >= MIN_KEY_LENGTH) {
            for (int e = byDigits.first(value); e != LongMultiIndex.NONE; e = byDigits.nextEntry(e)) {
                int inv = byDigits.value(e);
                long shape = shapes[inv];
                if ((int) (shape & 0xFF) == count && (int) (shape >>> 8 & 0xFFFF) == to - from
                        && sameChars(prefixNames.get((int) (shape >>> 32)), buf, from, split)) {
                    written = written != null ? written : new String(buf, from, to - from);
                    put(found, new Hit(inv, Strength.EXACT, written));
                }
            }
        }
        for (int e = byDigits.first(value); e != LongMultiIndex.NONE; e = byDigits.nextEntry(e)) {
            int inv = byDigits.value(e);
            long shape = shapes[inv];
            if ((int) (shape & 0xFF) != count) {
                continue;
            }
            // a prefix agrees only when there is one: bare digits are trusted by their count alone
            boolean samePrefix = split > from && sameChars(prefixNames.get((int) (shape >>> 32)), buf, from, split);
            if (structured || samePrefix || count >= minDigits) {
                written = written != null ? written : new String(buf, from, to - from);
                put(found, new Hit(inv, structured ? Strength.EXACT : Strength.VARIANT, written));
            }
        }
    }

    /** Whether the id, reduced to upper-case letters and digits, is exactly the span. */
    private static boolean reducesTo(String id, char[] buf, int from, int to) {
        int k = from;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            char u = c < 128 ? (c >= 'a' && c <= 'z' ? (char) (c - 32) : c) : Character.toUpperCase(c);
            if (k == to || buf[k++] != u) {
                return false;
            }
        }
        return k == to;
    }

    /**
     * Invoices one typo from a written number: every number one digit changed, added, dropped
     * or two neighbours swapped away is looked up (about 20 lookups per digit), so no index of
     * misspellings is kept.
     */
    private void typos(List<String> tokens, java.util.Set<Integer> out, String[] written) {
        for (int i = 0; i < tokens.size(); i++) {
            StringBuilder joined = new StringBuilder();
            for (int n = 0; n < MAX_JOINED && i + n < tokens.size(); n++) {
                joined.append(tokens.get(i + n));
                String w = joined.toString();
                int split = prefixEnd(w);
                if (split < 0) {
                    continue;
                }
                int from = significantFrom(w, split);
                char[] d = w.substring(from).toCharArray();
                if (d.length < typoMinDigits - 1 || d.length > MAX_DIGITS - 1) {
                    continue;
                }
                int before = out.size();
                char[] t = new char[d.length + 1];
                for (int p = 0; p < d.length; p++) { // one digit changed
                    for (char c = '0'; c <= '9'; c++) {
                        if (c != d[p] && !(p == 0 && c == '0')) {
                            System.arraycopy(d, 0, t, 0, d.length);
                            t[p] = c;
                            candidate(t, d.length, out);
                        }
                    }
                }
                for (int p = 0; p <= d.length; p++) { // one digit missing from what was written
                    for (char c = '0'; c <= '9'; c++) {
                        if (p == 0 && c == '0') {
                            continue;
                        }
                        System.arraycopy(d, 0, t, 0, p);
                        t[p] = c;
                        System.arraycopy(d, p, t, p + 1, d.length - p);
                        candidate(t, d.length + 1, out);
                    }
                }
                for (int p = 0; p < d.length; p++) { // one digit too many
                    if (p == 0 && d.length > 1 && d[1] == '0') {
                        continue;
                    }
                    System.arraycopy(d, 0, t, 0, p);
                    System.arraycopy(d, p + 1, t, p, d.length - p - 1);
                    candidate(t, d.length - 1, out);
                }
                for (int p = 0; p + 1 < d.length; p++) { // two neighbours swapped
                    if (d[p] != d[p + 1] && !(p == 0 && d[1] == '0')) {
                        System.arraycopy(d, 0, t, 0, d.length);
                        t[p] = d[p + 1];
                        t[p + 1] = d[p];
                        candidate(t, d.length, out);
                    }
                }
                if (out.size() > before && written[0] == null) {
                    written[0] = w;
                }
            }
        }
    }

    private void candidate(char[] digitChars, int length, java.util.Set<Integer> out) {
        if (length < typoMinDigits || length > MAX_DIGITS) {
            return;
        }
        long value = 0;
        for (int k = 0; k < length; k++) {
            value = value * 10 + (digitChars[k] - '0');
        }
        for (int e = byDigits.first(value); e != LongMultiIndex.NONE; e = byDigits.nextEntry(e)) {
            int inv = byDigits.value(e);
            if ((int) (shapes[inv] & 0xFF) == length) {
                out.add(inv);
            }
        }
    }

    private static void put(List<Hit> found, Hit hit) {
        for (int k = 0; k < found.size(); k++) {
            Hit before = found.get(k);
            if (before.invoice() == hit.invoice()) {
                if (hit.strength().ordinal() < before.strength().ordinal()
                        || (hit.strength() == before.strength() && hit.written().length() < before.written().length())) {
                    found.set(k, hit);
                }
                return;
            }
        }
        found.add(hit);
    }

    /** The text's letters and digits, upper case, into {@code out} (as long as the text at least); returns how many. */
    private static int reduceInto(String text, char[] out) {
        int at = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out[at++] = Character.toUpperCase(c);
            }
        }
        return at;
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

    private static boolean hasDigit(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (isDigit(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Where the significant digits start (after the prefix and the leading zeros); the length when all are zeros. */
    private static int significantFrom(String key, int split) {
        int i = split;
        while (i < key.length() && key.charAt(i) == '0') {
            i++;
        }
        return i;
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

    /** Whether the text is exactly {@code buf[from, to)}. */
    private static boolean sameChars(String text, char[] buf, int from, int to) {
        if (text.length() != to - from) {
            return false;
        }
        for (int k = from; k < to; k++) {
            if (text.charAt(k - from) != buf[k]) {
                return false;
            }
        }
        return true;
    }

    /** {@link #prefixEnd(String)} of the key's first {@code length} characters. */
    private static int prefixEnd(char[] key, int length) {
        int i = 0;
        while (i < length && !isDigit(key[i])) {
            i++;
        }
        if (i == length) {
            return -1;
        }
        for (int j = i; j < length; j++) {
            if (!isDigit(key[j])) {
                return -1;
            }
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }



    /** Digits as written (leading zeros count through the length) to one long. */

    private static long hash(char[] buf, int from, int to) {
        long h = 1125899906842597L;
        for (int i = from; i < to; i++) {
            h = 31 * h + buf[i];
        }
        return h;
    }

    private static long hash(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }
}
