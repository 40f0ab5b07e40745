package dev.o2c.jobs.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Synthetic bank statements of a given size for the benchmarks: camt.053.001.08 as banks
 * indent it, MT940 with SEPA {@code ?NN} narratives wrapped at 65 characters, and BAI2.
 * Every statement's balances tie (opening + entries = closing), so what is measured is a
 * read of valid files. The same seed gives the same bytes.
 */
final class StatementFiles {

    static final String IBAN = "DE89370400440532013000";
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 10, 1);

    private StatementFiles() {
    }

    /** The amount of entry {@code i} of a statement, in cents: credits mostly, some debits. */
    static long cents(SplittableRandom random) {
        long amount = 100 + random.nextLong(2_500_000);
        return random.nextInt(10) < 8 ? amount : -amount;
    }

    /** What the {@code n} entries of the statement seeded {@code seed} add up to, in cents. */
    static long statementSum(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += cents(random);
        }
        return sum;
    }

    static String decimal(long cents, char separator) {
        long abs = Math.abs(cents);
        return (abs / 100) + String.valueOf(separator) + String.format("%02d", abs % 100);
    }

    /** Statements of {@code perStatement} entries until the file holds about {@code bytes}. */
    static void camt053(Path file, long bytes, int perStatement) throws IOException {
        try (CountingWriter w = new CountingWriter(Files.newOutputStream(file))) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            w.write("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\n  <BkToCstmrStmt>\n");
            w.write("    <GrpHdr>\n      <MsgId>BENCH-1</MsgId>\n      <CreDtTm>2025-10-31T18:00:00+01:00</CreDtTm>\n    </GrpHdr>\n");
            long balance = 1_000_000;
            long entry = 0;
            for (int s = 0; w.count() < bytes; s++) {
                LocalDate day = FIRST_DAY.plusDays(s % 28);
                long seed = s;
                long sum = statementSum(seed, perStatement);
                w.write("    <Stmt>\n      <Id>STMT-" + s + "</Id>\n      <ElctrncSeqNb>" + (s + 1) + "</ElctrncSeqNb>\n");
                w.write("      <CreDtTm>" + day + "T18:00:00+01:00</CreDtTm>\n");
                w.write("      <Acct>\n        <Id>\n          <IBAN>" + IBAN + "</IBAN>\n        </Id>\n        <Ccy>EUR</Ccy>\n      </Acct>\n");
                w.write(camtBalance("OPBD", balance, day));
                w.write(camtBalance("CLBD", balance + sum, day));
                SplittableRandom random = new SplittableRandom(seed);
                for (int i = 0; i < perStatement; i++) {
                    long cents = cents(random);
                    entry++;
                    String sign = cents < 0 ? "DBIT" : "CRDT";
                    String amount = decimal(cents, '.');
                    w.write("      <Ntry>\n        <NtryRef>" + entry + "</NtryRef>\n        <Amt Ccy=\"EUR\">" + amount + "</Amt>\n");
                    w.write("        <CdtDbtInd>" + sign + "</CdtDbtInd>\n        <Sts>\n          <Cd>BOOK</Cd>\n        </Sts>\n");
                    w.write("        <BookgDt>\n          <Dt>" + day + "</Dt>\n        </BookgDt>\n");
                    w.write("        <ValDt>\n          <Dt>" + day + "</Dt>\n        </ValDt>\n");
                    w.write("        <AcctSvcrRef>2025" + String.format("%012d", entry) + "</AcctSvcrRef>\n");
                    w.write("        <BkTxCd>\n          <Domn>\n            <Cd>PMNT</Cd>\n            <Fmly>\n              <Cd>RCDT</Cd>\n"
                            + "              <SubFmlyCd>ESCT</SubFmlyCd>\n            </Fmly>\n          </Domn>\n        </BkTxCd>\n");
                    w.write("        <NtryDtls>\n          <TxDtls>\n            <Refs>\n              <EndToEndId>E2E-" + entry
                            + "</EndToEndId>\n            </Refs>\n");
                    w.write("            <Amt Ccy=\"EUR\">" + amount + "</Amt>\n            <CdtDbtInd>" + sign + "</CdtDbtInd>\n");
                    w.write("            <RltdPties>\n              <Dbtr>\n                <Pty>\n                  <Nm>Customer " + (entry % 5000)
                            + " GmbH</Nm>\n                </Pty>\n              </Dbtr>\n");
                    w.write("              <DbtrAcct>\n                <Id>\n                  <IBAN>DE02120300000000202051</IBAN>\n"
                            + "                </Id>\n              </DbtrAcct>\n            </RltdPties>\n");
                    w.write("            <RmtInf>\n              <Ustrd>INV-2025-" + String.format("%06d", entry % 1_000_000)
                            + " Rechnung vom " + day + "</Ustrd>\n            </RmtInf>\n          </TxDtls>\n        </NtryDtls>\n      </Ntry>\n");
                }
                w.write("    </Stmt>\n");
                balance += sum;
            }
            w.write("  </BkToCstmrStmt>\n</Document>\n");
        }
    }

    private static String camtBalance(String type, long cents, LocalDate day) {
        return "      <Bal>\n        <Tp>\n          <CdOrPrtry>\n            <Cd>" + type + "</Cd>\n          </CdOrPrtry>\n        </Tp>\n"
                + "        <Amt Ccy=\"EUR\">" + decimal(cents, '.') + "</Amt>\n        <CdtDbtInd>" + (cents < 0 ? "DBIT" : "CRDT")
                + "</CdtDbtInd>\n        <Dt>\n          <Dt>" + day + "</Dt>\n        </Dt>\n      </Bal>\n";
    }

    /** MT940 statements, each in its {1:}{2:}{4: ... -} envelope, CRLF as SWIFT writes it. */
    static void mt940(Path file, long bytes, int perStatement) throws IOException {
        try (CountingWriter w = new CountingWriter(Files.newOutputStream(file))) {
            long balance = 1_000_000;
            long entry = 0;
            for (int s = 0; w.count() < bytes; s++) {
                LocalDate day = FIRST_DAY.plusDays(s % 28);
                String date = day.format(YYMMDD);
                long sum = statementSum(s, perStatement);
                w.write("{1:F01COBADEFFAXXX0000000000}{2:O9401800" + date + "COBADEFFXXXX00000000002510311800N}{4:\r\n");
                w.write(":20:STARTUMS" + s + "\r\n:25:37040044/0532013000\r\n:28C:" + (s + 1) + "/1\r\n");
                w.write(":60F:" + (balance < 0 ? "D" : "C") + date + "EUR" + decimal(balance, ',') + "\r\n");
                SplittableRandom random = new SplittableRandom(s);
                for (int i = 0; i < perStatement; i++) {
                    long cents = cents(random);
                    entry++;
                    w.write(":61:" + date + date.substring(2) + (cents < 0 ? "D" : "C") + decimal(cents, ',') + "NTRFE2E-" + entry
                            + "//2025" + String.format("%012d", entry) + "\r\n");
                    String narrative = (cents < 0 ? "177?00SEPA-UEBERWEISUNG" : "166?00SEPA-GUTSCHRIFT") + "?10931?20EREF+E2E-" + entry
                            + "?21SVWZ+INV-2025-" + String.format("%06d", entry % 1_000_000) + " Rechnung vom " + day
                            + "?30DEUTDEFF?31DE02120300000000202051?32CUSTOMER " + (entry % 5000) + " GMBH";
                    w.write(":86:");
                    for (int at = 0; at < narrative.length(); at += 65) {
                        w.write((at == 0 ? "" : "\r\n") + narrative.substring(at, Math.min(narrative.length(), at + 65)));
                    }
                    w.write("\r\n");
                }
                balance += sum;
                w.write(":62F:" + (balance < 0 ? "D" : "C") + date + "EUR" + decimal(balance, ',') + "\r\n-}\r\n");
            }
        }
    }

    /** One BAI2 file: a group per day, one account each, with 88 continuations. */
    static void bai2(Path file, long bytes, int perStatement) throws IOException {
        try (CountingWriter w = new CountingWriter(Files.newOutputStream(file))) {
            w.write("01,BANK,COMPANY,251031,1800,1,80,,2/\n");
            long fileTotal = 0;
            long fileRecords = 2;
            int groups = 0;
            long balance = 1_000_000;
            long entry = 0;
            for (int s = 0; w.count() < bytes; s++) {
                LocalDate day = FIRST_DAY.plusDays(s % 28);
                String date = day.format(YYMMDD);
                long sum = statementSum(s, perStatement);
                w.write("02,COMPANY,BANK,1," + date + ",2400,USD," + (s + 1) + "/\n");
                long closing = balance + sum;
                w.write("03,0532013000,USD,010," + balance + ",,,015," + closing + ",,/\n");
                long accountTotal = balance + closing;
                long records = 1;
                SplittableRandom random = new SplittableRandom(s);
                for (int i = 0; i < perStatement; i++) {
                    long cents = cents(random);
                    entry++;
                    w.write("16," + (cents < 0 ? "475" : "165") + "," + Math.abs(cents) + ",0,2025" + String.format("%012d", entry)
                            + ",E2E-" + entry + ",PAYMENT INV-2025-" + String.format("%06d", entry % 1_000_000) + ", CUSTOMER/\n");
                    w.write("88," + (entry % 5000) + " GMBH REMITTANCE ADVICE/\n");
                    accountTotal += Math.abs(cents);
                    records += 2;
                }
                records++;
                w.write("49," + accountTotal + "," + records + "/\n");
                w.write("98," + accountTotal + ",1," + (records + 2) + "/\n");
                fileTotal += accountTotal;
                fileRecords += records + 2;
                groups++;
                balance = closing;
            }
            w.write("99," + fileTotal + "," + groups + "," + fileRecords + "/\n");
        }
    }

    /** A writer that knows how many bytes it has written (ASCII text only). */
    private static final class CountingWriter implements AutoCloseable {
        private final BufferedWriter out;
        private long count;

        CountingWriter(OutputStream out) {
            this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        }

        void write(String s) throws IOException {
            out.write(s);
            count += s.length();
        }

        long count() {
            return count;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
