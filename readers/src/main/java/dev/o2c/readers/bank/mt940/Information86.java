package dev.o2c.readers.bank.mt940;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
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

    private static final Pattern GERMAN = Pattern.compile("^\\d{3}\\?\\d{2}|^\\?\\d{2}");
    private static final Pattern SUBFIELD = Pattern.compile("\\?(\\d{2})");
    private static final Pattern SEPA_TAG = Pattern.compile("(EREF|KREF|MREF|CRED|DEBT|COAM|OAMT|SVWZ|ABWA|ABWE|IBAN|BIC)\\+");
    private static final String[] KEYS = {"TRTP", "IBAN", "BIC", "NAME", "REMI", "EREF", "MARF", "CSID", "ADDR", "ISDT",
        "ORDP", "BENM", "CNTP", "PREF", "RTRN", "ULTD", "ULTC", "ULTB", "PURP", "SVCL", "ID", "CHGS", "EXCH", "BUSP", "ACCW", "OCMT"};
    private static final Pattern KEY = Pattern.compile("/(" + String.join("|", KEYS) + ")/");

    /**
     * @param lines the field's lines as the file has them (a line of the field's full width
     *        was wrapped by the bank and continues without a space)
     */
    static Information86 parse(java.util.List<String> lines) {
        if (lines.isEmpty()) {
            return EMPTY;
        }
        String joined = String.join("", lines);
        if (GERMAN.matcher(joined).find()) {
            return german(joined);
        }
        if (joined.startsWith("/") && KEY.matcher(joined).find()) {
            return keyed(joined);
        }
        return new Information86(blank(freeText(lines)), null, null, null, null);
    }

    /** Free text: lines of the full 65 characters were wrapped mid-word; shorter ones end a phrase. */
    private static String freeText(java.util.List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            sb.append(i == 0 || lines.get(i - 1).length() >= 65 ? line : " " + line.strip());
        }
        return sb.toString().replaceAll("\\s{2,}", " ").strip();
    }

    private static Information86 german(String text) {
        Map<String, StringBuilder> fields = new LinkedHashMap<>();
        Matcher m = SUBFIELD.matcher(text);
        int start = -1;
        String code = null;
        while (m.find()) {
            if (code != null) {
                fields.computeIfAbsent(code, c -> new StringBuilder()).append(text, start, m.start());
            }
            code = m.group(1);
            start = m.end();
        }
        if (code != null) {
            fields.computeIfAbsent(code, c -> new StringBuilder()).append(text.substring(start));
        }
        StringBuilder purpose = new StringBuilder();
        for (int i = 20; i <= 29; i++) {
            append(purpose, fields.get(String.valueOf(i)));
        }
        for (int i = 60; i <= 63; i++) {
            append(purpose, fields.get(String.valueOf(i)));
        }
        String name = join(fields.get("32"), fields.get("33"));
        String account = value(fields.get("31"));
        String posting = value(fields.get("00"));
        Map<String, String> sepa = sepaTags(purpose.toString());
        String remittance = sepa.containsKey("SVWZ") ? sepa.get("SVWZ") : (sepa.isEmpty() ? purpose.toString() : null);
        String endToEnd = sepa.get("EREF");
        if (endToEnd != null && endToEnd.equalsIgnoreCase("NOTPROVIDED")) {
            endToEnd = null;
        }
        return new Information86(blank(remittance), blank(name), blank(account), blank(endToEnd), blank(posting));
    }

    private static void append(StringBuilder sb, StringBuilder part) {
        if (part != null) {
            sb.append(part);
        }
    }

    private static String join(StringBuilder a, StringBuilder b) {
        String s = (a == null ? "" : a.toString()) + (b == null ? "" : b.toString());
        return s.isBlank() ? null : s.strip();
    }

    private static String value(StringBuilder sb) {
        return sb == null ? null : sb.toString().strip();
    }

    /** SEPA tags in a German purpose: {@code EREF+...SVWZ+...} into tag to value. */
    static Map<String, String> sepaTags(String purpose) {
        Map<String, String> tags = new LinkedHashMap<>();
        Matcher m = SEPA_TAG.matcher(purpose);
        String tag = null;
        int start = 0;
        while (m.find()) {
            if (tag != null) {
                tags.put(tag, purpose.substring(start, m.start()).strip());
            }
            tag = m.group(1);
            start = m.end();
        }
        if (tag != null) {
            tags.put(tag, purpose.substring(start).strip());
        }
        return tags;
    }

    private static Information86 keyed(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = KEY.matcher(text);
        String key = null;
        int start = 0;
        while (m.find()) {
            if (key != null && m.start() >= start) {
                fields.putIfAbsent(key, text.substring(start, m.start()));
            }
            key = m.group(1);
            start = m.end();
            // the value of one key may hold a slash: the next match must begin after this key's own slash
            m.region(m.end() - 1, text.length());
        }
        if (key != null) {
            fields.putIfAbsent(key, text.substring(Math.min(start, text.length())));
        }
        String remittance = fields.get("REMI");
        if (remittance != null) {
            // /REMI/USTD//text/ or /REMI/STRD/CUR/reference/
            remittance = remittance.replaceFirst("^USTD//?", "").replaceFirst("^STRD/CUR/", "");
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
