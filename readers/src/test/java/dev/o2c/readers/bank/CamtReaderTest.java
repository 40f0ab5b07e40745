package dev.o2c.readers.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.bank.TransactionDetail;
import dev.o2c.readers.bank.camt.CamtReader;
import dev.o2c.readers.csv.InputFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CamtReaderTest {

    static final String SHA = "a".repeat(64);

    @TempDir
    Path dir;

    List<BankStatement> read(String xml) throws IOException {
        Path f = Files.writeString(dir.resolve("s.xml"), xml);
        try (CamtReader r = CamtReader.open(f, "s.xml", SHA)) {
            return r.readAll();
        }
    }

    static String document(String ns, String message, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document" + (ns == null ? "" : " xmlns=\"urn:iso:std:iso:20022:tech:xsd:" + ns + "\"")
                + "><" + message + "><GrpHdr><MsgId>M</MsgId><CreDtTm>2025-10-31T18:00:00+01:00</CreDtTm></GrpHdr>" + body
                + "</" + message + "></Document>\n";
    }

    static String balance(String type, String amount, String ccy, String sign, String date) {
        return "<Bal><Tp><CdOrPrtry><Cd>" + type + "</Cd></CdOrPrtry></Tp><Amt Ccy=\"" + ccy + "\">" + amount + "</Amt><CdtDbtInd>" + sign
                + "</CdtDbtInd><Dt><Dt>" + date + "</Dt></Dt></Bal>";
    }

    static final String BATCH = """
            <Ntry><Amt Ccy="EUR">150.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><RvslInd>false</RvslInd><Sts><Cd>BOOK</Cd></Sts>
            <BookgDt><DtTm>2025-10-02T23:30:00+02:00</DtTm></BookgDt><ValDt><Dt>2025-10-03</Dt></ValDt>
            <AcctSvcrRef>REF-1</AcctSvcrRef><NtryRef>NTRY-1</NtryRef>
            <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
            <NtryDtls><Btch><NbOfTxs>2</NbOfTxs></Btch>
            <TxDtls><Refs><EndToEndId>E2E-1</EndToEndId></Refs><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
              <RltdPties><Dbtr><Pty><Nm>Acme GmbH</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct></RltdPties>
              <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>
            <TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">50.00</Amt></TxAmt></AmtDtls>
              <RltdPties><Dbtr><Nm>Globex Ltd</Nm></Dbtr></RltdPties>
              <RmtInf><Ustrd>INV-1 and</Ustrd><Ustrd>INV-2</Ustrd></RmtInf></TxDtls>
            </NtryDtls></Ntry>
            """;

    @Test
    void aBatchedEntryKeepsEveryTransactionInItsDetails() throws IOException {
        String body = "<Stmt><Id>S-1</Id><ElctrncSeqNb>17</ElctrncSeqNb><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id><Ccy>EUR</Ccy></Acct>"
                + balance("OPBD", "1000.00", "EUR", "CRDT", "2025-10-01") + balance("CLBD", "1150.00", "EUR", "CRDT", "2025-10-03")
                + BATCH + "</Stmt>";
        BankStatement s = read(document("camt.053.001.08", "BkToCstmrStmt", body)).get(0);
        assertThat(s.account()).isEqualTo("NL91ABNA0417164300");
        assertThat(s.statementId()).isEqualTo("S-1");
        assertThat(s.sequence()).isEqualTo("17");
        assertThat(s.openingBalance().amount().toPlainString()).isEqualTo("1000.00");
        assertThat(s.closingBalance().type()).isEqualTo("CLBD");
        BankTransaction t = s.transactions().get(0);
        assertThat(t.amount().toPlainString()).isEqualTo("150.00");
        assertThat(t.bankReference()).isEqualTo("REF-1");
        assertThat(t.transactionId()).isEqualTo("REF-1");
        // the date the bank wrote, not converted to another zone
        assertThat(t.bookingDate()).hasToString("2025-10-02");
        assertThat(t.valueDate()).hasToString("2025-10-03");
        assertThat(t.typeCode()).isEqualTo("PMNT-RCDT-ESCT");
        assertThat(t.details()).hasSize(2);
        TransactionDetail first = t.details().get(0);
        assertThat(first.amount().toPlainString()).isEqualTo("100.00");
        assertThat(first.endToEndId()).isEqualTo("E2E-1");
        assertThat(first.counterpartyName()).isEqualTo("Acme GmbH");
        assertThat(first.counterpartyAccount()).isEqualTo("DE89370400440532013000");
        assertThat(first.structuredReference()).isEqualTo("RF18539007547034");
        assertThat(first.referenceType()).isEqualTo("RF");
        assertThat(first.referenceValid()).isTrue();
        TransactionDetail second = t.details().get(1);
        assertThat(second.amount().toPlainString()).isEqualTo("50.00");
        assertThat(second.endToEndId()).isNull();
        assertThat(second.remittanceInfo()).isEqualTo("INV-1 and INV-2");
        // a batch has no one counterparty
        assertThat(t.counterpartyName()).isNull();
    }

    @Test
    void debitsReversalsAndTheEntryReferenceWhenTheServicerGivesNone() throws IOException {
        String body = "<Stmt><Id>S-2</Id><Acct><Id><Othr><Id>12345678</Id></Othr></Id></Acct>"
                + balance("PRCD", "10.00", "CHF", "DBIT", "2025-10-01")
                + "<Ntry><Amt Ccy=\"CHF\">25.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd><BookgDt><Dt>2025-10-02</Dt></BookgDt>"
                + "<NtryRef>N-9</NtryRef><BkTxCd><Prtry><Cd>XYZ</Cd></Prtry></BkTxCd>"
                + "<NtryDtls><TxDtls><RltdPties><Cdtr><Nm>Supplier AG</Nm></Cdtr><CdtrAcct><Id><IBAN>CH9300762011623852957</IBAN></Id></CdtrAcct></RltdPties>"
                + "<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Prtry>QRR</Prtry></CdOrPrtry></Tp><Ref>210000000003139471430009017</Ref></CdtrRefInf></Strd></RmtInf>"
                + "</TxDtls></NtryDtls></Ntry></Stmt>";
        BankStatement s = read(document("camt.053.001.02", "BkToCstmrStmt", body)).get(0);
        assertThat(s.account()).isEqualTo("12345678");
        assertThat(s.currency().getCurrencyCode()).isEqualTo("CHF");
        assertThat(s.openingBalance().type()).isEqualTo("PRCD");
        assertThat(s.openingBalance().amount().toPlainString()).isEqualTo("-10.00");
        BankTransaction t = s.transactions().get(0);
        assertThat(t.amount().toPlainString()).isEqualTo("-25.50");
        assertThat(t.reversal()).isTrue();
        assertThat(t.bankReference()).isEqualTo("N-9");
        assertThat(t.typeCode()).isEqualTo("XYZ");
        assertThat(t.valueDate()).isEqualTo(t.bookingDate());
        assertThat(t.counterpartyName()).isEqualTo("Supplier AG");
        assertThat(t.details().get(0).referenceType()).isEqualTo("QRR");
        assertThat(t.details().get(0).referenceValid()).isTrue();
    }

    @Test
    void anyNamespaceOrNoneSeveralStatementsAndPagination() throws IOException {
        String stmt = "<Stmt><Id>P</Id><StmtPgntn><PgNb>%d</PgNb><LastPgInd>%s</LastPgInd></StmtPgntn>"
                + "<Acct><Id><IBAN>GB29NWBK60161331926819</IBAN></Id></Acct>%s</Stmt>";
        String body = String.format(stmt, 1, "false", balance("OPBD", "1.00", "GBP", "CRDT", "2025-10-01") + balance("ITBD", "2.00", "GBP", "CRDT", "2025-10-01"))
                + String.format(stmt, 2, "true", balance("ITBD", "2.00", "GBP", "CRDT", "2025-10-02") + balance("CLBD", "3.00", "GBP", "CRDT", "2025-10-02")
                        + balance("CLAV", "3.00", "GBP", "CRDT", "2025-10-02"));
        for (String ns : new String[]{null, "camt.053.001.04", "camt.053.001.05"}) {
            List<BankStatement> pages = read(document(ns, "BkToCstmrStmt", body));
            assertThat(pages).extracting(BankStatement::sequence).containsExactly("1", "2");
            assertThat(pages.get(1).balances()).extracting(b -> b.type()).containsExactly("ITBD", "CLBD", "CLAV");
        }
    }

    @Test
    void anIntradayReportClosesOnItsInterimBalanceAndANotificationWithoutDatesTakesItsOwn() throws IOException {
        String report = "<Rpt><Id>R</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>"
                + balance("ITBD", "9.00", "EUR", "CRDT", "2025-10-01") + "</Rpt>";
        assertThat(read(document("camt.052.001.06", "BkToCstmrAcctRpt", report)).get(0).closingBalance().type()).isEqualTo("ITBD");
        String notification = "<Ntfctn><Id>N</Id><CreDtTm>2025-10-05T08:00:00</CreDtTm><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>"
                + "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry></Ntfctn>";
        BankTransaction t = read(document("camt.054.001.08", "BkToCstmrDbtCdtNtfctn", notification)).get(0).transactions().get(0);
        assertThat(t.bookingDate()).hasToString("2025-10-05");
        assertThat(t.transactionId()).isEqualTo("aaaaaaaaaaaa-1");
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsEverExpanded() throws IOException {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<Document><BkToCstmrStmt><Stmt><Id>&x;</Id></Stmt></BkToCstmrStmt></Document>";
        assertThatThrownBy(() -> read(xml)).isInstanceOf(InputFormatException.class)
                .hasMessage("s.xml:2: a DOCTYPE is not allowed in a camt message");
        // an external DTD is refused as it is, never fetched (it does not exist: a fetch would fail otherwise)
        String external = "<?xml version=\"1.0\"?>\n<!DOCTYPE Document SYSTEM \"file:///nonexistent/camt.dtd\">\n<Document/>";
        assertThatThrownBy(() -> read(external)).hasMessage("s.xml:2: a DOCTYPE is not allowed in a camt message");
        // an entity without a DOCTYPE is not XML
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?>\n<Document><BkToCstmrStmt>\n<Stmt><Id>&x;</Id></Stmt></BkToCstmrStmt></Document>"))
                .isInstanceOf(InputFormatException.class).hasMessageStartingWith("s.xml:3: not well-formed XML");
    }

    @Test
    void pendingAndInformationEntriesAreKeptWithTheirStatusAndAStatementWithoutAccountIsRead() throws IOException {
        String entries = """
                <Ntry><Amt Ccy="CHF">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2025-10-30</Dt></BookgDt></Ntry>
                <Ntry><Amt Ccy="CHF">20.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts><ValDt><Dt>2025-10-31</Dt></ValDt></Ntry>
                <Ntry><Amt Ccy="CHF">30.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>INFO</Sts>
                <NtryDtls><TxDtls><Refs><AcctSvcrRef>SVC-3</AcctSvcrRef><InstrId>INSTR-3</InstrId><EndToEndId>E2E-3</EndToEndId>
                <TxId>TX-3</TxId></Refs></TxDtls></NtryDtls></Ntry>
                """;
        // no Acct, as some banking systems write their camt.054
        String body = "<Ntfctn><Id>N-1</Id>" + entries + "</Ntfctn>";
        Path f = Files.writeString(dir.resolve("n.xml"), document("camt.054.001.08", "BkToCstmrDbtCdtNtfctn", body));
        try (CamtReader r = CamtReader.open(f, "n.xml", SHA)) {
            BankStatement s = r.readAll().get(0);
            assertThat(s.account()).isNull();
            assertThat(s.transactions()).extracting(BankTransaction::status).containsExactly(null, "PDNG", "INFO");
            assertThat(s.transactions()).extracting(BankTransaction::booked).containsExactly(true, false, false);
            TransactionDetail d = s.transactions().get(2).details().get(0);
            assertThat(d.bankReference()).isEqualTo("SVC-3");
            assertThat(d.endToEndId()).isEqualTo("E2E-3");
            assertThat(d.transactionRef()).isEqualTo("TX-3");
            assertThat(d.instructionId()).isEqualTo("INSTR-3");
            assertThat(r.notices()).singleElement().satisfies(n -> assertThat(n.message())
                    .isEqualTo("statement N-1 names no account (Acct/Id): read with its account unknown"));
        }
    }

    @Test
    void aPayerWrittenIntoTheTextIsThePayerWhenTheEntryNamesNone() throws IOException {
        String body = "<Stmt><Id>S-1</Id><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>"
                + "<Ntry><Amt Ccy=\"EUR\">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2025-10-31</Dt></BookgDt>"
                + "<NtryDtls><TxDtls><RmtInf><Ustrd>Auftraggeber: Muster GmbH Verwendungszweck: RE 4711</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>"
                + "</Stmt>";
        BankTransaction t = read(document("camt.053.001.08", "BkToCstmrStmt", body)).get(0).transactions().get(0);
        assertThat(t.counterpartyName()).isEqualTo("Muster GmbH");
        assertThat(t.remittanceInfo()).isEqualTo("Auftraggeber: Muster GmbH Verwendungszweck: RE 4711");
    }

    @Test
    void aTruncatedMessageFailsWithOneLineNamingWhereItStops() {
        String whole = document("camt.053.001.08", "BkToCstmrStmt", "<Stmt><Id>S-1</Id><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>\n"
                + BATCH + "</Stmt>");
        assertThatThrownBy(() -> read(whole.substring(0, whole.indexOf("<TxDtls><Refs><EndToEndId>NOTPROVIDED"))))
                .hasMessageMatching("s\\.xml:\\d+: not well-formed XML: Unexpected EOF[^\\n]*");
    }

    @Test
    void aTextPastTheCapFailsWithItsLineInBoundedMemory() {
        String body = "<Stmt><Id>S-1</Id><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>\n<Ntry><Amt Ccy=\"EUR\">1.00</Amt>"
                + "<CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2025-10-31</Dt></BookgDt><AddtlNtryInf>" + "x".repeat(17 << 20)
                + "</AddtlNtryInf></Ntry></Stmt>";
        assertThatThrownBy(() -> read(document("camt.053.001.08", "BkToCstmrStmt", body)))
                .hasMessageMatching("s\\.xml:3: not well-formed XML: Text size limit \\(16777216\\) exceeded.*");
    }

    @Test
    void brokenMessagesFailWithTheirLine() {
        assertThatThrownBy(() -> read(document("camt.053.001.02", "BkToCstmrStmt", "")))
                .hasMessageStartingWith("s.xml:2: BkToCstmrStmt holds no statement");
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?>\n<Document><BkToCstmrStmt><Stmt><Id>S</Id><Acct><Id><IBAN>X</IBAN></Id></Acct>\n"
                + "<Ntry><Amt Ccy=\"EUR\">1,00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry></Stmt></BkToCstmrStmt></Document>"))
                .hasMessage("s.xml:3: amount '1,00' is not a decimal number");
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?>\n<Document><BkToCstmrStmt>\n<Stmt><Id>S</Stmt></BkToCstmrStmt></Document>"))
                .isInstanceOf(InputFormatException.class).hasMessageStartingWith("s.xml:3: not well-formed XML");
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?>\n<Document><Other/></Document>"))
                .hasMessageContaining("not a camt.052, camt.053 or camt.054 message");
    }
}
