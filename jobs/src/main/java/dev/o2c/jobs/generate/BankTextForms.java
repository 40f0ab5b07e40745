package dev.o2c.jobs.generate;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Statements in the forms that carry payer and remittance as free text rather than fields: BAI2
 * as US banks write a detail's text (three banks' ways, line by line), and MT940 whose
 * {@code :86:} is free text wrapped at 65 characters wherever the line ends, mid-word or
 * mid-number. What {@code o2c generate --statement-format} writes, so that cash application is
 * measured on each format as its banks send it, not only on the structured forms.
 */
final class BankTextForms {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);
    private static final DateTimeFormatter MMDD = DateTimeFormatter.ofPattern("MMdd", Locale.ROOT);
    /** BAI2's usual physical record length: a longer text continues in 88 records. */
    private static final int RECORD = 80;
    /** The company name field of a NACHA batch header. */
    private static final int ACH_NAME = 16;

    private BankTextForms() {
    }

    /** Which of a few ways a line is written: fixed by its id, so the same company gives the same files. */
    private static int style(StatementFormats.Line l, int ways) {
        return Math.floorMod(l.id().hashCode(), ways);
    }

    /** BAI2, a group per booking day, one account; every trailer adds up. */
    static void bai2(Path file, String account, String currency, BigDecimal opening, List<StatementFormats.Line> lines,
                     boolean hard) throws IOException {
        List<String> records = new ArrayList<>();
        LocalDate last = lines.get(lines.size() - 1).booking();
        records.add("01,OURBANK,DEMOCO," + last.format(YYMMDD) + ",2000,1,80,,2/");
        BigInteger fileTotal = BigInteger.ZERO;
        int groups = 0;
        BigDecimal balance = opening;
        int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        for (Map.Entry<LocalDate, List<StatementFormats.Line>> day : StatementFormats.byDay(lines).entrySet()) {
            groups++;
            int groupStart = records.size();
            records.add("02,DEMOCO,OURBANK,1," + day.getKey().format(YYMMDD) + ",2400," + currency + ",2/");
            BigDecimal closing = balance;
            for (StatementFormats.Line l : day.getValue()) {
                closing = closing.add(l.amount());
            }
            int accountStart = records.size();
            BigInteger total = minor(balance, digits).add(minor(closing, digits));
            records.add("03," + account + "," + currency + ",010," + minor(balance, digits) + ",,,015," + minor(closing, digits) + ",,/");
            for (StatementFormats.Line l : day.getValue()) {
                BigInteger amount = minor(l.amount().abs(), digits);
                total = total.add(amount);
                records.addAll(detail(l, amount, hard));
            }
            records.add("49," + total + "," + (records.size() - accountStart + 1) + "/");
            records.add("98," + total + ",1," + (records.size() - groupStart + 1) + "/");
            fileTotal = fileTotal.add(total);
            balance = closing;
        }
        records.add("99," + fileTotal + "," + groups + "," + (records.size() + 1) + "/");
        Files.write(file, records, StandardCharsets.US_ASCII);
    }

    private static BigInteger minor(BigDecimal amount, int digits) {
        return amount.movePointRight(digits).toBigIntegerExact();
    }

    /**
     * A 16 and its 88s: the text as one of three US banks writes it. Hard noise: an ACH credit's
     * originator name as NACHA's batch header holds it, cut at 16 characters.
     */
    private static List<String> detail(StatementFormats.Line l, BigInteger amount, boolean hard) {
        boolean debit = l.amount().signum() < 0;
        String name = l.counterparty() == null ? null : ascii(l.counterparty());
        String payerAccount = l.counterpartyAccount();
        String remittance = ascii(l.remittance());
        List<String> out = new ArrayList<>();
        if (debit) {
            out.addAll(wrap("16,699," + amount + ",0," + l.id() + ",,OUTGOING PAYMENT" + (name == null ? "" : " TO: " + name)
                    + ", REF: " + remittance + "/"));
            return out;
        }
        switch (style(l, 3)) {
            case 0 -> {
                // Goldman Sachs: a summary in the 16, then one 88 per key
                out.addAll(wrap("16,165," + amount + ",0," + l.id() + ",,ACH Credit Payment," + (name == null ? "" : "From: " + name + ", ")
                        + "Entry Description: PAYMENT; -, SEC: CCD, GS ID: " + l.id() + "/"));
                if (name != null) {
                    out.add("88,DBNM: " + name);
                }
                if (payerAccount != null) {
                    out.add("88,DACT: " + payerAccount);
                }
                out.addAll(wrap("88,REMI: " + remittance));
            }
            case 1 -> out.addAll(wrap("16,165," + amount + ",0," + l.id() + ",," + (name == null ? ""
                    : "ORIG CO NAME:" + (hard && name.length() > ACH_NAME ? name.substring(0, ACH_NAME) : name) + " ")
                    // J.P. Morgan and Bank of America ACH: labels and values run on, the addenda last
                    + "ORIG ID:1" + Math.floorMod(l.id().hashCode(), 1_000_000_000) + " DESC DATE:" + l.value().format(YYMMDD)
                    + " CO ENTRY DESCR:PAYMENTS SEC:CCD TRACE#:0210000" + Math.floorMod(l.id().hashCode(), 100_000_000)
                    + " EED:" + l.value().format(YYMMDD) + " IND NAME:DEMO CO ADDENDA:" + remittance + "/"));
            default -> out.addAll(wrap("16,195," + amount + ",0," + l.id() + ",,WIRE TRANSFER IN "
                    // Fedwire: the originator's account after a slash, then the name; OBI what they wrote
                    + (name == null && payerAccount == null ? "" : "ORG=" + (payerAccount == null ? "" : "/" + payerAccount + " ")
                    + (name == null ? "" : name) + " ") + "OGB=ORIGINATING BANK OBI=" + remittance + " BNF=DEMO CO/"));
        }
        return out;
    }

    /** A record cut at the physical record length, the rest in 88 continuation records. */
    private static List<String> wrap(String record) {
        List<String> out = new ArrayList<>();
        String rest = record;
        while (rest.length() > RECORD) {
            out.add(rest.substring(0, RECORD));
            rest = "88," + rest.substring(RECORD);
        }
        out.add(rest);
        return out;
    }

    /** MT940 in its SWIFT envelope, a message per day, :86: as free text cut at 65 characters. */
    static void mt940FreeText(Path file, String account, String currency, BigDecimal opening, List<StatementFormats.Line> lines)
            throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            BigDecimal balance = opening;
            int seq = 0;
            for (Map.Entry<LocalDate, List<StatementFormats.Line>> day : StatementFormats.byDay(lines).entrySet()) {
                String date = day.getKey().format(YYMMDD);
                seq++;
                w.write("{1:F01HSBCGB2LAXXX0000000000}{2:O940" + "2000" + date + "HSBCGB2LXXXX0000000000" + date + "2000N}{4:\r\n");
                w.write(":20:STMT" + date + "\r\n:25:" + account + "\r\n:28C:" + String.format(Locale.ROOT, "%05d/001", seq) + "\r\n");
                w.write(":60F:" + StatementFormats.swiftBalance(balance, date, currency) + "\r\n");
                for (StatementFormats.Line l : day.getValue()) {
                    boolean debit = l.amount().signum() < 0;
                    w.write(":61:" + l.value().format(YYMMDD) + l.booking().format(MMDD) + (debit ? "D" : "C")
                            + StatementFormats.swiftAmount(l.amount()) + "NTRFNONREF//" + l.id() + "\r\n");
                    w.write(":86:" + StatementFormats.wrap(freeText(l, debit)) + "\r\n");
                    balance = balance.add(l.amount());
                }
                w.write(":62F:" + StatementFormats.swiftBalance(balance, date, currency) + "\r\n-}\r\n");
            }
        }
    }

    /** What a bank without :86: subfields writes: the payer's name and account in the text, labelled or not. */
    private static String freeText(StatementFormats.Line l, boolean debit) {
        String name = l.counterparty() == null ? "" : StatementFormats.swift(l.counterparty());
        String acct = l.counterpartyAccount() == null ? "" : l.counterpartyAccount();
        String remittance = StatementFormats.swift(l.remittance());
        if (debit) {
            return "PAYMENT TO " + name + " " + remittance;
        }
        return switch (style(l, 2)) {
            case 0 -> "FASTER PAYMENT RECEIVED " + name + (acct.isEmpty() ? "" : " " + acct) + " " + remittance;
            default -> "CREDIT TRANSFER" + (name.isEmpty() ? "" : " ORDERING PARTY: " + name) + (acct.isEmpty() ? "" : " IBAN: " + acct)
                    + " DETAILS: " + remittance;
        };
    }

    /** BAI2 text is ASCII without commas ending a field or slashes ending a record where not meant: kept plain. */
    private static String ascii(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).toCharArray()) {
            if (c < 128 && c != '/' && c != ',') {
                sb.append(c);
            } else if (c == ',' || c == '/') {
                sb.append(' ');
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }
}
