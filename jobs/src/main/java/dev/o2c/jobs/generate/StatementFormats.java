package dev.o2c.jobs.generate;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A month of one account's bank lines as a bank would send them: camt.053.001.08 or
 * MT940, a statement per booking day, balances running from a given opening. The sample
 * company has one account of each kind, so the demo's close reads each format.
 */
final class StatementFormats {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);
    private static final DateTimeFormatter MMDD = DateTimeFormatter.ofPattern("MMdd", Locale.ROOT);

    /** One line of a statement; a negative amount is a debit. */
    record Line(String id, LocalDate booking, LocalDate value, BigDecimal amount, String counterparty,
                String counterpartyAccount, String remittance, String code) {
    }

    private StatementFormats() {
    }

    static Map<LocalDate, List<Line>> byDay(List<Line> lines) {
        Map<LocalDate, List<Line>> days = new TreeMap<>();
        for (Line l : lines) {
            days.computeIfAbsent(l.booking(), d -> new java.util.ArrayList<>()).add(l);
        }
        return days;
    }

    static void camt053(Path file, String account, String currency, BigDecimal opening, List<Line> lines) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            w.write("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\n  <BkToCstmrStmt>\n");
            LocalDate last = lines.get(lines.size() - 1).booking();
            w.write("    <GrpHdr>\n      <MsgId>" + account + "-" + last.toString().substring(0, 7) + "</MsgId>\n"
                    + "      <CreDtTm>" + last + "T20:00:00</CreDtTm>\n    </GrpHdr>\n");
            BigDecimal balance = opening;
            int seq = 0;
            for (Map.Entry<LocalDate, List<Line>> day : byDay(lines).entrySet()) {
                LocalDate d = day.getKey();
                BigDecimal closing = balance;
                for (Line l : day.getValue()) {
                    closing = closing.add(l.amount());
                }
                w.write("    <Stmt>\n      <Id>" + account + "-" + d + "</Id>\n      <ElctrncSeqNb>" + (++seq) + "</ElctrncSeqNb>\n");
                w.write("      <CreDtTm>" + d + "T20:00:00</CreDtTm>\n");
                w.write("      <Acct>\n        <Id>\n          <IBAN>" + account + "</IBAN>\n        </Id>\n        <Ccy>" + currency
                        + "</Ccy>\n      </Acct>\n");
                w.write(camtBalance("OPBD", balance, currency, d));
                w.write(camtBalance("CLBD", closing, currency, d));
                for (Line l : day.getValue()) {
                    w.write(camtEntry(l, currency));
                }
                w.write("    </Stmt>\n");
                balance = closing;
            }
            w.write("  </BkToCstmrStmt>\n</Document>\n");
        }
    }

    private static String camtBalance(String type, BigDecimal amount, String currency, LocalDate d) {
        return "      <Bal>\n        <Tp>\n          <CdOrPrtry>\n            <Cd>" + type + "</Cd>\n          </CdOrPrtry>\n        </Tp>\n"
                + "        <Amt Ccy=\"" + currency + "\">" + amount.abs().toPlainString() + "</Amt>\n"
                + "        <CdtDbtInd>" + (amount.signum() < 0 ? "DBIT" : "CRDT") + "</CdtDbtInd>\n"
                + "        <Dt>\n          <Dt>" + d + "</Dt>\n        </Dt>\n      </Bal>\n";
    }

    private static String camtEntry(Line l, String currency) {
        boolean debit = l.amount().signum() < 0;
        String amount = "<Amt Ccy=\"" + currency + "\">" + l.amount().abs().toPlainString() + "</Amt>";
        String sign = "<CdtDbtInd>" + (debit ? "DBIT" : "CRDT") + "</CdtDbtInd>";
        String[] code = l.code().split("-");
        StringBuilder sb = new StringBuilder();
        sb.append("      <Ntry>\n        ").append(amount).append("\n        ").append(sign).append('\n');
        sb.append("        <Sts>\n          <Cd>BOOK</Cd>\n        </Sts>\n");
        sb.append("        <BookgDt>\n          <Dt>").append(l.booking()).append("</Dt>\n        </BookgDt>\n");
        sb.append("        <ValDt>\n          <Dt>").append(l.value()).append("</Dt>\n        </ValDt>\n");
        sb.append("        <AcctSvcrRef>").append(l.id()).append("</AcctSvcrRef>\n");
        sb.append("        <BkTxCd>\n          <Domn>\n            <Cd>").append(code[0]).append("</Cd>\n            <Fmly>\n")
                .append("              <Cd>").append(code[1]).append("</Cd>\n              <SubFmlyCd>").append(code[2])
                .append("</SubFmlyCd>\n            </Fmly>\n          </Domn>\n        </BkTxCd>\n");
        sb.append("        <NtryDtls>\n          <TxDtls>\n            ").append(amount).append("\n            ").append(sign).append('\n');
        if (l.counterparty() != null) {
            String party = debit ? "Cdtr" : "Dbtr";
            sb.append("            <RltdPties>\n              <").append(party).append(">\n                <Pty>\n                  <Nm>")
                    .append(xml(l.counterparty())).append("</Nm>\n                </Pty>\n              </").append(party).append(">\n");
            if (l.counterpartyAccount() != null) {
                sb.append("              <").append(party).append("Acct>\n                <Id>\n                  <IBAN>")
                        .append(l.counterpartyAccount()).append("</IBAN>\n                </Id>\n              </").append(party).append("Acct>\n");
            }
            sb.append("            </RltdPties>\n");
        }
        sb.append("            <RmtInf>\n              <Ustrd>").append(xml(l.remittance())).append("</Ustrd>\n            </RmtInf>\n");
        sb.append("          </TxDtls>\n        </NtryDtls>\n      </Ntry>\n");
        return sb.toString();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** MT940 in its SWIFT envelope, a message per day, :86: in the /KEY/value/ form. */
    static void mt940(Path file, String account, String currency, BigDecimal opening, List<Line> lines) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            BigDecimal balance = opening;
            int seq = 0;
            for (Map.Entry<LocalDate, List<Line>> day : byDay(lines).entrySet()) {
                LocalDate d = day.getKey();
                String date = d.format(YYMMDD);
                seq++;
                w.write("{1:F01NWBKGB2LAXXX0000000000}{2:O940" + "2000" + date + "NWBKGB2LXXXX0000000000" + date + "2000N}{4:\r\n");
                w.write(":20:STMT" + date + "\r\n:25:" + account + "\r\n:28C:" + String.format(Locale.ROOT, "%05d/001", seq) + "\r\n");
                w.write(":60F:" + swiftBalance(balance, date, currency) + "\r\n");
                for (Line l : day.getValue()) {
                    boolean debit = l.amount().signum() < 0;
                    String type = l.code().endsWith("FEES") ? "NCHG" : l.code().endsWith("INTR") ? "NINT" : "NTRF";
                    w.write(":61:" + l.value().format(YYMMDD) + l.booking().format(MMDD) + (debit ? "D" : "C")
                            + swiftAmount(l.amount()) + type + "NONREF//" + l.id() + "\r\n");
                    StringBuilder info = new StringBuilder("/TRTP/" + (debit ? "PAYMENT" : "FASTER PAYMENT RECEIVED"));
                    if (l.counterparty() != null) {
                        info.append("/NAME/").append(swift(l.counterparty()));
                    }
                    if (l.counterpartyAccount() != null) {
                        info.append("/IBAN/").append(l.counterpartyAccount());
                    }
                    info.append("/REMI/USTD//").append(swift(l.remittance())).append('/');
                    w.write(":86:" + wrap(info.toString()) + "\r\n");
                    balance = balance.add(l.amount());
                }
                w.write(":62F:" + swiftBalance(balance, date, currency) + "\r\n-}\r\n");
            }
        }
    }

    static String swiftBalance(BigDecimal amount, String date, String currency) {
        return (amount.signum() < 0 ? "D" : "C") + date + currency + swiftAmount(amount);
    }

    static String swiftAmount(BigDecimal amount) {
        return amount.abs().toPlainString().replace('.', ',');
    }

    /** The SWIFT character set: what it lacks is written as a bank would ('&' as '+'). */
    static String swift(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || " -?:().,'+".indexOf(c) >= 0;
            sb.append(allowed ? c : c == '&' ? '+' : ' ');
        }
        return sb.toString();
    }

    /** An :86: in lines of at most 65 characters, six at most. */
    static String wrap(String text) {
        String t = text.length() > 390 ? text.substring(0, 390) : text;
        StringBuilder sb = new StringBuilder();
        for (int at = 0; at < t.length(); at += 65) {
            sb.append(at == 0 ? "" : "\r\n").append(t, at, Math.min(t.length(), at + 65));
        }
        return sb.toString();
    }
}
