package dev.o2c.readers.bank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words banks write before the parts of a statement line's free text, as {@code KEY: value}
 * or {@code KEY=value}: who paid, from which account, what they wrote for us, their end-to-end
 * reference. BAI2 leaves a detail's text ({@code 16} and its {@code 88}s) free and each US bank
 * fills it its own way; an MT940 {@code :86:} without subfields is free text too. The table
 * below is what banks' published format guides and files show (docs/formats.md lists it), and
 * a company adds its bank's words by configuration ({@code o2c.inputs.text-keys}).
 *
 * <p>Keys are found case-insensitively where a word starts (after a blank, a comma, a
 * semicolon, a slash, a quote or at the start), followed by blanks and a colon or an equals
 * sign; a value runs to the next key of the table (of any role) or the end of the text.
 */
public final class TextKeys {

    /** What a key's value is. For a credit the payer is the counterparty; for a debit, the payee. */
    public enum Role { PAYER_NAME, PAYER_ACCOUNT, PAYEE_NAME, PAYEE_ACCOUNT, REMITTANCE, END_TO_END, OTHER }

    /** What the text of one detail says, each null where no key said it. */
    public record Parts(String payerName, String payerAccount, String payeeName, String payeeAccount, String remittance,
                        String endToEnd) {
    }

    private static final Map<String, Role> BUILT_IN = new HashMap<>();

    private static void keys(Role role, String... keys) {
        for (String k : keys) {
            BUILT_IN.put(k, role);
        }
    }

    static {
        // payer: Goldman Sachs DBNM; ACH "ORIG CO NAME" (J.P. Morgan, Bank of America, PNC); Fedwire ORG and B/O
        keys(Role.PAYER_NAME, "DBNM", "ORIG CO NAME", "ORIG COMPANY NAME", "ORIGINATOR NAME", "ORIGINATOR", "ORIG NAME", "ORG",
                "B/O", "BY ORDER OF", "FROM", "COMPANY NAME", "CO NAME", "SENDER NAME", "SENDER", "REMITTER", "DEBTOR NAME", "DEBTOR",
                "PAYER", "PAYOR", "PAYER NAME", "ORDERING CUSTOMER", "ORDERING PARTY", "DBT NAME",
                // in European free text: Dutch NAAM, German AUFTRAGGEBER, Polish ZLECENIODAWCA and NADAWCA, French DONNEUR D'ORDRE
                "NAME", "NAAM", "AUFTRAGGEBER", "ZLECENIODAWCA", "NADAWCA", "DONNEUR D'ORDRE", "EMETTEUR");
        keys(Role.PAYER_ACCOUNT, "IBAN", "REKENING", "KONTO", "RACHUNEK", "ACCOUNT NO", "A/C", "DACT", "ORIG ACCT", "ORIG ACCOUNT", "ORIGINATOR ACCOUNT", "ORIGINATOR ACCT", "ORG ACCT", "DEBTOR ACCOUNT",
                "DEBTOR ACCT", "SENDER ACCOUNT", "SENDER ACCT", "PAYER ACCOUNT", "FROM ACCOUNT", "FROM ACCT", "DBT ACCT");
        keys(Role.PAYEE_NAME, "CRNM", "BNF", "BENEFICIARY", "BENEFICIARY NAME", "BNF NAME", "CREDITOR NAME", "CREDITOR", "TO",
                "RECEIVER NAME", "PAYEE", "PAYEE NAME");
        keys(Role.PAYEE_ACCOUNT, "CACT", "BNF ACCT", "BENEFICIARY ACCOUNT", "BENEFICIARY ACCT", "CREDITOR ACCOUNT", "CREDITOR ACCT",
                "TO ACCOUNT", "TO ACCT", "PAYEE ACCOUNT", "EMPFAENGER", "ODBIORCA");
        // what the payer wrote: Fedwire OBI (originator to beneficiary) and RFB, ACH addenda and payment-related information
        keys(Role.REMITTANCE, "REMI", "OBI", "ORIGINATOR TO BENEFICIARY INFO", "ORIGINATOR TO BENEFICIARY", "ORIG TO BNF INFO",
                "ORIG TO BENE INFO", "REMITTANCE INFO", "REMITTANCE INFORMATION", "REMITTANCE", "RFB", "REF FOR BENEFICIARY",
                "PAYMENT RELATED INFO", "PMT RELATED INFO", "PAYMENT INFO", "ADDENDA", "ADDENDA INFO", "ADDENDA INFORMATION",
                "DETAILS", "PAYMENT DETAILS", "PMT DET", "PMT DETAILS", "PURPOSE", "MEMO", "DESCRIPTION",
                "OMSCHRIJVING", "VERWENDUNGSZWECK", "TYTUL", "TYTUŁ", "MOTIF", "REF", "REFERENCE", "BETALINGSKENMERK");
        keys(Role.END_TO_END, "EREF", "END TO END ID", "END-TO-END ID", "END TO END REF", "END-TO-END REF", "ENDTOENDID", "E2E ID",
                "E2E", "END TO END", "END-TO-END");
        // keys with nothing of ours in them: they end the value before them
        keys(Role.OTHER, "CREF", "BREF", "IDNM", "DABA", "CABA", "DBIC", "CBIC", "SEC", "GS ID", "CLIENT REF ID", "ENTRY DESCRIPTION",
                "CO ENTRY DESCR", "COMPANY ENTRY DESCRIPTION", "DESC DATE", "ORIG ID", "ORIGINATOR ID", "COMPANY ID", "CO ID",
                "TRACE#", "TRACE NUMBER", "TRACE NO", "EED", "IND ID", "IND NAME", "INDIVIDUAL ID", "INDIVIDUAL NAME", "RECEIVER ID",
                "IMAD", "OMAD", "TRN", "SRF#", "SRF", "OGB", "BBK", "ORIG BK", "ORIG BANK", "SND BK", "SENDER BANK", "RCV BK",
                "SETTLED AMT", "FX RATE", "REASON", "RETURN TO", "RETURN OF CLIENT REF ID", "CUST REF", "CUSTOMER REF", "BANK REF",
                "ABA", "BIC", "SWIFT", "ADDRESS", "ADDR", "SEQ", "ID");
    }

    /** The table as shipped: a copy, for the documentation and for configuration to add to. */
    public static Map<String, Role> builtIn() {
        return Map.copyOf(BUILT_IN);
    }

    public static final TextKeys STANDARD = new TextKeys(Map.of());

    private final Map<String, Role> keys;
    /** The keys by their first letter, longest first, so that "ORIG CO NAME" wins over "ORIG". */
    private final Map<Character, List<String>> byFirst = new HashMap<>();

    /** @param extra keys a company's bank writes, added to (or overriding) the table */
    public TextKeys(Map<String, Role> extra) {
        Map<String, Role> all = new HashMap<>(BUILT_IN);
        extra.forEach((k, v) -> all.put(k.strip().toUpperCase(Locale.ROOT), v));
        this.keys = Map.copyOf(all);
        for (String k : keys.keySet()) {
            byFirst.computeIfAbsent(k.charAt(0), c -> new ArrayList<>()).add(k);
        }
        byFirst.values().forEach(l -> l.sort((a, b) -> b.length() - a.length()));
    }

    /** The parts of one detail's text; null when the text names none. */
    public Parts parse(String text) {
        if (text == null || text.indexOf(':') < 0 && text.indexOf('=') < 0) {
            return null;
        }
        int n = text.length();
        List<int[]> found = new ArrayList<>(); // {key start, value start}
        List<Role> roles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i > 0 && " ,;/\"\t(".indexOf(text.charAt(i - 1)) < 0) {
                continue;
            }
            List<String> candidates = byFirst.get(Character.toUpperCase(text.charAt(i)));
            if (candidates == null) {
                continue;
            }
            for (String k : candidates) {
                if (!text.regionMatches(true, i, k, 0, k.length())) {
                    continue;
                }
                int j = i + k.length();
                while (j < n && text.charAt(j) == ' ') {
                    j++;
                }
                if (j < n && (text.charAt(j) == ':' || text.charAt(j) == '=')) {
                    found.add(new int[]{i, j + 1});
                    roles.add(keys.get(k));
                    i = j;
                    break;
                }
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        String[] values = new String[Role.values().length];
        for (int f = 0; f < found.size(); f++) {
            int end = f + 1 < found.size() ? found.get(f + 1)[0] : n;
            String value = clean(text.substring(found.get(f)[1], end));
            int r = roles.get(f).ordinal();
            if (!value.isEmpty() && values[r] == null) {
                values[r] = value;
            } else if (!value.isEmpty() && roles.get(f) == Role.REMITTANCE) {
                values[r] = values[r] + " " + value;
            }
        }
        String payerName = values[Role.PAYER_NAME.ordinal()];
        String payerAccount = values[Role.PAYER_ACCOUNT.ordinal()];
        if (payerName != null && payerName.startsWith("/")) {
            // Fedwire: ORG=/ACCOUNT NAME
            int blank = payerName.indexOf(' ');
            if (payerAccount == null) {
                payerAccount = blank < 0 ? payerName.substring(1) : payerName.substring(1, blank);
            }
            payerName = blank < 0 ? null : payerName.substring(blank + 1).strip();
        }
        return new Parts(payerName, payerAccount, values[Role.PAYEE_NAME.ordinal()], values[Role.PAYEE_ACCOUNT.ordinal()],
                values[Role.REMITTANCE.ordinal()], values[Role.END_TO_END.ordinal()]);
    }

    /** A value without the separators and quotes around it. */
    private static String clean(String raw) {
        String v = raw.strip();
        while (!v.isEmpty() && ",;/".indexOf(v.charAt(v.length() - 1)) >= 0) {
            v = v.substring(0, v.length() - 1).strip();
        }
        if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
            v = v.substring(1, v.length() - 1).strip();
        }
        return v;
    }
}
