package dev.o2c.readers.bank.mt940;

import dev.o2c.domain.bank.Iban;
import dev.o2c.readers.bank.TextKeys;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Field {@code :86:} (information to the account owner) in the three ways banks write it:
 * German {@code ?NN} subfields (with SEPA {@code SVWZ+}, {@code EREF+} inside the purpose),
 * {@code /KEY/value/} as Dutch banks write it (ABN AMRO, ING, Rabobank), or free text.
 *
 * @param remittance what the payer wrote for us, or null
 * @param counterpartyName who paid (or was paid), or null
 * @param counterpartyAccount their IBAN or account, or null
 * @param endToEndId the payer's end-to-end reference, or null
 * @param postingText the bank's own words for the booking (German {@code ?00}, Dutch {@code TRTP}), or null
 */
record Information86(String remittance, String counterpartyName, String counterpartyAccount, String endToEndId,
                     String postingText) {

    static final Information86 EMPTY = new Information86(null, null, null, null, null);

    // The scanners below are written by hand, not as regular expressions: an :86: comes with
    // every entry, and alternations of a dozen tags tried at every position were most of the
    // time an MT940 file took to read (docs/benchmarks.md).
    private static final String[] SEPA_TAGS = {"EREF", "KREF", "MREF", "CRED", "DEBT", "COAM", "OAMT", "SVWZ", "ABWA", "ABWE", "IBAN"};
    private static final Set<String> KEYS = Set.of("TRTP", "IBAN", "BIC", "NAME", "REMI", "EREF", "MARF", "CSID", "ADDR", "ISDT",
            "ORDP", "BENM", "CNTP", "PREF", "RTRN", "ULTD", "ULTC", "ULTB", "PURP", "SVCL", "ID", "CHGS", "EXCH", "BUSP", "ACCW", "OCMT");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");

    /**
     * @param lines the field's lines as the file has them (a line of the field's full width
     *        was wrapped by the bank and continues without a space)
     */
    static Information86 parse(java.util.List<String> lines) {
        return parse(lines, TextKeys.STANDARD);
    }

    /**
     * @param keys the words before a payer's name, account and reference in free text (used when
     *        the field has neither subfields nor /KEY/ pairs)
     */
    static Information86 parse(java.util.List<String> lines, TextKeys keys) {
        if (lines.isEmpty()) {
            return EMPTY;
        }
        String joined = lines.size() == 1 ? lines.get(0) : String.join("", lines);
        if (isGerman(joined)) {
            return german(joined);
        }
        if (joined.startsWith("/") && nextKey(joined, 0) != null) {
            return keyed(joined);
        }
        return free(freeText(lines), keys);
    }

    /**
     * Free text: the payer (or payee) and their account where a word of {@link TextKeys} names
     * them ("NAAM: ...", "ORDERING PARTY: ..."), else the first IBAN whose check digits hold;
     * the end-to-end reference where one is named. The whole text stays the remittance.
     */
    private static Information86 free(String text, TextKeys keys) {
        TextKeys.Parts p = keys.parse(text);
        String name = p == null ? null : p.payerName() != null ? p.payerName() : p.payeeName();
        String account = p == null ? null : p.payerAccount() != null ? p.payerAccount() : p.payeeAccount();
        String inName = name == null ? null : Iban.findIn(name);
        if (inName != null) {
            // "NAAM: ACME BV NL91ABNA0417164300": the account ends the name
            name = name.substring(0, name.toUpperCase(Locale.ROOT).indexOf(inName.substring(0, 4))).strip();
            account = account == null ? inName : account;
        }
        account = account != null ? account.replace(" ", "") : Iban.findIn(text);
        return new Information86(blank(text), blank(name), blank(account), p == null ? null : blank(p.endToEnd()), null);
    }

    /** Free text: lines of the full 65 characters were wrapped mid-word; shorter ones end a phrase. */
    private static String freeText(java.util.List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            sb.append(i == 0 || lines.get(i - 1).length() >= 65 ? line : " " + line.strip());
        }
        return SPACES.matcher(sb).replaceAll(" ").strip();
    }

    /** {@code NNN?NN...} (a business transaction code, then subfields) or {@code ?NN...}. */
    private static boolean isGerman(String text) {
        int at = text.length() > 3 && digits(text, 0, 3) ? 3 : 0;
        return text.length() >= at + 3 && text.charAt(at) == '?' && digits(text, at + 1, at + 3);
    }

    private static boolean digits(String text, int from, int to) {
        if (to > text.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static Information86 german(String text) {
        // where each subfield's text is: {code, start, end} in file order (a code that repeats
        // continues its text); spans rather than substrings, as most subfields are not wanted
        int[] spans = new int[3 * 24];
        int count = 0;
        int code = -1;
        int start = -1;
        int at = text.indexOf('?');
        while (at >= 0) {
            if (digits(text, at + 1, at + 3)) {
                if (code >= 0) {
                    spans = span(spans, count++, code, start, at);
                }
                code = (text.charAt(at + 1) - '0') * 10 + (text.charAt(at + 2) - '0');
                start = at + 3;
                at = text.indexOf('?', start);
            } else {
                at = text.indexOf('?', at + 1);
            }
        }
        if (code >= 0) {
            spans = span(spans, count++, code, start, text.length());
        }
        boolean ascending = ascending(spans, count);
        String purposeText = collect(text, spans, count, 20, 29, ascending);
        String more = collect(text, spans, count, 60, 63, ascending);
        if (more != null) {
            purposeText = purposeText == null ? more : purposeText + more;
        }
        if (purposeText == null) {
            purposeText = "";
        }
        String name = collect(text, spans, count, 32, 33, ascending);
        String account = collect(text, spans, count, 31, 31, ascending);
        String posting = collect(text, spans, count, 0, 0, ascending);
        Sepa sepa = sepa(purposeText);
        String remittance = sepa.remittance() != null ? sepa.remittance() : (sepa.tagged() ? null : purposeText);
        String endToEnd = sepa.endToEnd();
        if (endToEnd != null && endToEnd.equalsIgnoreCase("NOTPROVIDED")) {
            endToEnd = null;
        }
        return new Information86(blank(remittance), blank(name), blank(account), blank(endToEnd), blank(posting));
    }

    private static int[] span(int[] spans, int index, int code, int start, int end) {
        int[] out = 3 * index + 3 > spans.length ? Arrays.copyOf(spans, spans.length * 2) : spans;
        out[3 * index] = code;
        out[3 * index + 1] = start;
        out[3 * index + 2] = end;
        return out;
    }

    private static boolean ascending(int[] spans, int count) {
        for (int i = 1; i < count; i++) {
            if (spans[3 * i] < spans[3 * (i - 1)]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text of subfields {@code from..to} in the order of their numbers, or null when the
     * field has none of them. Banks write subfields in that order, so the file's order is
     * taken when it is ascending, and one subfield is one substring.
     */
    private static String collect(String text, int[] spans, int count, int from, int to, boolean ascending) {
        int first = -1;
        int found = 0;
        for (int i = 0; i < count; i++) {
            int c = spans[3 * i];
            if (c >= from && c <= to) {
                first = found == 0 ? i : first;
                found++;
            }
        }
        if (found == 0) {
            return null;
        }
        if (found == 1) {
            return text.substring(spans[3 * first + 1], spans[3 * first + 2]);
        }
        StringBuilder sb = new StringBuilder(text.length());
        if (ascending) {
            for (int i = 0; i < count; i++) {
                int c = spans[3 * i];
                if (c >= from && c <= to) {
                    sb.append(text, spans[3 * i + 1], spans[3 * i + 2]);
                }
            }
        } else {
            for (int code = from; code <= to; code++) {
                for (int i = 0; i < count; i++) {
                    if (spans[3 * i] == code) {
                        sb.append(text, spans[3 * i + 1], spans[3 * i + 2]);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** What the SEPA tags of a German purpose say: whether there are any, SVWZ+ and EREF+ (the last of each). */
    private record Sepa(boolean tagged, String remittance, String endToEnd) {
    }

    /** Reads {@code EREF+...SVWZ+...} in a German purpose; a tag's value runs to the next tag. */
    private static Sepa sepa(String purpose) {
        boolean tagged = false;
        String remittance = null;
        String endToEnd = null;
        int tagStart = -1;
        int start = 0;
        for (int plus = purpose.indexOf('+'); plus >= 0; plus = purpose.indexOf('+', plus + 1)) {
            // a tag is the four (or, for BIC, three) letters before a '+', after the last tag's '+'
            int next;
            if (plus - 4 >= start && isSepaTag(purpose, plus - 4)) {
                next = plus - 4;
            } else if (plus - 3 >= start && purpose.startsWith("BIC", plus - 3)) {
                next = plus - 3;
            } else {
                continue;
            }
            if (tagged) {
                if (purpose.startsWith("SVWZ+", tagStart)) {
                    remittance = purpose.substring(start, next).strip();
                } else if (purpose.startsWith("EREF+", tagStart)) {
                    endToEnd = purpose.substring(start, next).strip();
                }
            }
            tagged = true;
            tagStart = next;
            start = plus + 1;
        }
        if (tagged) {
            if (purpose.startsWith("SVWZ+", tagStart)) {
                remittance = purpose.substring(start).strip();
            } else if (purpose.startsWith("EREF+", tagStart)) {
                endToEnd = purpose.substring(start).strip();
            }
        }
        return new Sepa(tagged, remittance, endToEnd);
    }

    private static boolean isSepaTag(String text, int at) {
        for (String tag : SEPA_TAGS) {
            if (text.startsWith(tag, at)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The next {@code /KEY/} at or after {@code from}: {start, end} of it, the end just past
     * its closing slash; null when there is none.
     */
    private static int[] nextKey(String text, int from) {
        int slash = text.indexOf('/', from);
        while (slash >= 0) {
            int close = text.indexOf('/', slash + 1);
            if (close < 0) {
                return null;
            }
            if (KEYS.contains(text.substring(slash + 1, close))) {
                return new int[]{slash, close + 1};
            }
            // the closing slash may open the next key
            slash = close;
        }
        return null;
    }

    private static Information86 keyed(String text) {
        Map<String, String> fields = new HashMap<>();
        String key = null;
        int start = 0;
        // a key's closing slash may also open the next key (/EREF//REMI/ has an empty EREF)
        for (int[] k = nextKey(text, 0); k != null; k = nextKey(text, k[1] - 1)) {
            if (key != null && k[0] >= start) {
                fields.putIfAbsent(key, text.substring(start, k[0]));
            }
            key = text.substring(k[0] + 1, k[1] - 1);
            start = k[1];
        }
        if (key != null) {
            fields.putIfAbsent(key, text.substring(Math.min(start, text.length())));
        }
        String remittance = fields.get("REMI");
        if (remittance != null) {
            // /REMI/USTD//text/ or /REMI/STRD/CUR/reference/
            if (remittance.startsWith("USTD/")) {
                remittance = remittance.substring(remittance.startsWith("USTD//") ? 6 : 5);
            }
            if (remittance.startsWith("STRD/CUR/")) {
                remittance = remittance.substring(9);
            }
        }
        String name = fields.get("NAME");
        String account = fields.get("IBAN");
        String cntp = fields.get("CNTP");
        if (cntp != null) {
            // /CNTP/account/bic/name/city/
            String[] parts = cntp.split("/", -1);
            if (account == null && parts.length > 0) {
                account = parts[0];
            }
            if (name == null && parts.length > 2) {
                name = parts[2];
            }
        }
        String endToEnd = fields.get("EREF");
        if (endToEnd != null && endToEnd.strip().toUpperCase(Locale.ROOT).startsWith("NOTPROVIDED")) {
            endToEnd = null;
        }
        return new Information86(blank(trimSlashes(remittance)), blank(trimSlashes(name)), blank(trimSlashes(account)),
                blank(trimSlashes(endToEnd)), blank(trimSlashes(fields.get("TRTP"))));
    }

    private static String trimSlashes(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        return t.strip();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }


}
