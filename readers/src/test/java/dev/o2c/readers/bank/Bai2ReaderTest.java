package dev.o2c.readers.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.readers.bank.bai2.Bai2Reader;
import dev.o2c.readers.bank.TextKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Bai2ReaderTest {

    @TempDir
    Path dir;
    Bai2Reader reader;

    List<BankStatement> read(String text) throws IOException {
        return read(text, ReadingRules.STANDARD);
    }

    List<BankStatement> read(String text, ReadingRules rules) throws IOException {
        Path f = Files.writeString(dir.resolve("f.bai"), text);
        Bai2Reader opened = Bai2Reader.open(f, "f.bai", "d".repeat(64), rules);
        reader = opened;
        try (opened) {
            return opened.readAll();
        }
    }

    static final String FILE = String.join("\n",
            "01,BANK,COMPANY,251031,0600,1,80,,2/",
            "02,COMPANY,BANK,1,251030,2400,USD,2/",
            "03,111,USD,010,100000,,,015,+250000,,/",
            "88,040,90000,,,045,230000,,/",
            "16,195,150000,V,251029,1200,BREF-1,CREF-1,PAYMENT INV-7, INV-8/ THANKS/",
            "88,MORE TEXT",
            "16,475,5000,S,1000,2000,2000,BREF-2,CREF-2",
            "88,FEE",
            "16,142,5000,D,2,0,3000,1,2000,BREF-3,,SPLIT",
            "49,830000,8/",
            "03,222,JPY,010,5000,,/",
            "16,699,1200,0,BREF-4,,/",
            "49,6200,3/",
            "98,836200,2,13/",
            "99,836200,1,15/");

    @Test
    void recordsContinuationsTextAndFundsFields() throws IOException {
        List<BankStatement> s = read(FILE);
        assertThat(reader.notices()).isEmpty();
        assertThat(s).hasSize(2);
        BankStatement usd = s.get(0);
        assertThat(usd.account()).isEqualTo("111");
        // no statement number in BAI2: the as-of date (and its modifier) names the report
        assertThat(usd.statementId()).isEqualTo("2025-10-30/2");
        assertThat(usd.openingBalance().amount().toPlainString()).isEqualTo("1000.00");
        assertThat(usd.closingBalance().amount().toPlainString()).isEqualTo("2500.00");
        assertThat(usd.balances()).extracting(b -> b.type()).containsExactly("OPBD", "CLBD", "OPAV", "CLAV");
        BankTransaction first = usd.transactions().get(0);
        assertThat(first.amount().toPlainString()).isEqualTo("1500.00");
        assertThat(first.valueDate()).hasToString("2025-10-29");
        assertThat(first.bookingDate()).hasToString("2025-10-30");
        assertThat(first.bankReference()).isEqualTo("BREF-1");
        assertThat(first.customerReference()).isEqualTo("CREF-1");
        assertThat(first.remittanceInfo()).isEqualTo("PAYMENT INV-7, INV-8/ THANKS MORE TEXT");
        // a debit type code; S skips three amounts; the 88 supplies the rest of the fields
        BankTransaction fee = usd.transactions().get(1);
        assertThat(fee.amount().toPlainString()).isEqualTo("-50.00");
        assertThat(fee.bankReference()).isEqualTo("BREF-2");
        assertThat(fee.remittanceInfo()).isEqualTo("FEE");
        assertThat(usd.transactions().get(2).remittanceInfo()).isEqualTo("SPLIT");
        // implied decimals follow the currency
        assertThat(s.get(1).transactions().get(0).amount().toPlainString()).isEqualTo("-1200");
    }

    @Test
    void controlTotalsOrCountsThatDisagreeRefuseTheFileAtTheTrailer() {
        assertThatThrownBy(() -> read(FILE.replace("49,830000,8/", "49,830001,8/")))
                .hasMessageStartingWith("f.bai:10: account 111 control total is 830001 in the trailer but the records add up to 830000 (refused");
        assertThatThrownBy(() -> read(FILE.replace("99,836200,1,15/", "99,836200,1,16/")))
                .hasMessageStartingWith("f.bai:15: file record count is 16 in the trailer but 15 were read (refused")
                .hasMessageContaining("o2c.inputs.bai2-trailers: notice");
    }

    /** One account with the given 16 and 88 records, its trailers added up. */
    static String account(long total, String... records) {
        List<String> lines = new java.util.ArrayList<>(List.of("01,BANK,COMPANY,251031,0600,1,,,2/", "02,COMPANY,BANK,1,251030,,USD,2/",
                "03,555,USD,010,0,,/"));
        lines.addAll(List.of(records));
        int inAccount = records.length + 2;
        lines.add("49," + total + "," + inAccount + "/");
        lines.add("98," + total + ",1," + (inAccount + 2) + "/");
        lines.add("99," + total + ",1," + (inAccount + 4) + "/");
        return String.join("\n", lines) + "\n";
    }

    @Test
    void theTextsOfUsBanksGiveThePayerItsAccountAndTheEndToEndReference() throws IOException {
        List<BankTransaction> t = read(account(700000,
                // Goldman Sachs: the 16's text with labels, then one 88 per key
                "16,165,100000,,GS1,,ACH Credit Payment,From: ACME HOLDINGS, Entry Description: INV; -, SEC: CCD, GS ID: GS1/",
                "88,EREF: E2E-77",
                "88,DBNM: ACME HOLDINGS INC",
                "88,DACT: 1234509876",
                "88,REMI: INV-1001 INV-1002",
                // J.P. Morgan and Bank of America ACH: labels and values on one line, no separator between them
                "16,165,200000,,JPM2,,ORIG CO NAME:GLOBEX CORPORATION ORIG ID:1234567890 DESC DATE:251030 CO ENTRY DESCR:PAYMENTS "
                        + "SEC:CCD TRACE#:021000021234567 EED:251030 IND ID:INV-2001 IND NAME:DEMO CO/",
                // Fedwire: the originator's account after a slash, OBI what they wrote for us
                "16,195,300000,,FED3,,WIRE IN ORG=/987654321 INITECH LLC OGB=FIRST BANK OBI=INVOICE INV-3001 BNF=DEMO CO/",
                // a debit: the counterparty is who was paid
                "16,495,100000,,OUT4,,Outgoing Wire,To: SUPPLIER LTD, Client Ref ID: P-9/",
                "88,CRNM: SUPPLIER LTD",
                "88,CACT: GB29NWBK60161331926819")).get(0).transactions();
        assertThat(t.get(0).counterpartyName()).isEqualTo("ACME HOLDINGS");
        assertThat(t.get(0).counterpartyAccount()).isEqualTo("1234509876");
        assertThat(t.get(0).customerReference()).isEqualTo("E2E-77");
        assertThat(t.get(0).remittanceInfo()).contains("INV-1001 INV-1002");
        assertThat(t.get(1).counterpartyName()).isEqualTo("GLOBEX CORPORATION");
        assertThat(t.get(1).counterpartyAccount()).isNull();
        assertThat(t.get(2).counterpartyName()).isEqualTo("INITECH LLC");
        assertThat(t.get(2).counterpartyAccount()).isEqualTo("987654321");
        assertThat(t.get(3).counterpartyName()).isEqualTo("SUPPLIER LTD");
        assertThat(t.get(3).counterpartyAccount()).isEqualTo("GB29NWBK60161331926819");
        assertThat(t.get(3).customerReference()).isNull();
    }

    @Test
    void aTextCutAtTheRecordLengthGoesOnMidWordAndOneEndedBeforeItWithABlank() throws IOException {
        // physical records of 80 (the 01 says so): the first 16 is cut inside its label and an invoice number, a blank
        // standing at the cut; the second ends short of 80, so its 88 is a new part of the text
        String cut = "16,195,100000,0,W,,WIRE TRANSFER IN ORG=/987654321 INITECH LLC OBI=INVOICES INV-";
        assertThat(cut).hasSize(80);
        String file = account(200000, cut, "88,013258 INV-013796 ", "88,BNF=DEMO CO/", "16,165,100000,0,A2,,ORIG CO NAME:GLOBEX/",
                "88,ADDENDA:INV-2001").replace("01,BANK,COMPANY,251031,0600,1,,,2/", "01,BANK,COMPANY,251031,0600,1,80,,2/");
        List<BankTransaction> t = read(file).get(0).transactions();
        assertThat(t.get(0).remittanceInfo()).isEqualTo("WIRE TRANSFER IN ORG=/987654321 INITECH LLC OBI=INVOICES INV-013258 INV-013796 BNF=DEMO CO");
        assertThat(t.get(0).counterpartyName()).isEqualTo("INITECH LLC");
        assertThat(t.get(1).remittanceInfo()).isEqualTo("ORIG CO NAME:GLOBEX ADDENDA:INV-2001");
    }

    @Test
    void aBanksOwnWordsAreAddedByConfiguration() throws IOException {
        String file = account(100000, "16,165,100000,,X1,,REMIT PARTY: MUSTER GMBH NOTE: RE 4711/");
        assertThat(read(file).get(0).transactions().get(0).counterpartyName()).isNull();
        ReadingRules rules = new ReadingRules(false, new TextKeys(java.util.Map.of("Remit Party", TextKeys.Role.PAYER_NAME,
                "note", TextKeys.Role.REMITTANCE)));
        assertThat(read(file, rules).get(0).transactions().get(0).counterpartyName()).isEqualTo("MUSTER GMBH");
    }

    @Test
    void aDetailWithoutAmountIsReadAsZeroWithANoticeButAStatusCodeIsNoDetail() throws IOException {
        String file = "01,A,B,251031,0600,1,,,3/\n02,,B,1,251030,,,2/\n03,9,USD,010,0,,/\n16,890,,,,,INFO ONLY/\n49,0,3/\n98,0,1,5/\n99,0,1,7/\n";
        List<BankStatement> s = read(file);
        assertThat(s.get(0).transactions()).singleElement().satisfies(t -> assertThat(t.amount().toPlainString()).isEqualTo("0.00"));
        assertThat(reader.notices()).extracting(ReaderNotice::message).containsExactly("16 of type 890 has no amount: read as 0");
        assertThatThrownBy(() -> read(file.replace("16,890,", "16,001,")))
                .hasMessage("f.bai:4: type code 001 is an account status (001-099), not a transaction detail");
    }

    @Test
    void controlTotalsAndCountsThatDisagreeAreNoticedWhenConfiguredSo() throws IOException {
        read(FILE.replace("49,830000,8/", "49,830001,9/").replace("99,836200,1,15/", "99,836200,2,15/"), new ReadingRules(true));
        assertThat(reader.notices()).as(reader.notices().toString()).extracting(ReaderNotice::category)
                .containsExactly("BAI2_CONTROL_TOTAL", "BAI2_RECORD_COUNT", "BAI2_CONTROL_TOTAL", "BAI2_RECORD_COUNT");
        // totals are compared as written: whole numbers, whatever the accounts' currencies
        assertThat(reader.notices().get(0).message()).isEqualTo("account 111 control total is 830001 in the trailer but the records add up to 830000");
        assertThat(reader.notices().get(0).line()).isEqualTo(10);
    }

    @Test
    void aFileCutShortOrOutOfOrderFails() {
        assertThatThrownBy(() -> read(FILE.substring(0, FILE.indexOf("49,6200"))))
                .hasMessage("f.bai:12: account 222 has no 49 trailer: the file is cut short");
        assertThatThrownBy(() -> read("01,A,B,251031,0600,1,,,2/\n16,195,1,0,,,/\n")).hasMessage("f.bai:2: 16 transaction detail outside an account (03 ... 49)");
        assertThatThrownBy(() -> read("01,A,B,251031,0600,1,,,2/\n02,B,A,1,251332,,USD/\n")).hasMessage("f.bai:2: date '251332' is not a calendar date");
    }

    @Test
    void btrsVersion3TakesTheCurrencyFromThe03AndNeverDefaultsIt() throws IOException {
        String btrs = String.join("\n",
                "01,BANK,COMPANY,251031,0600,1,80,,3/",
                "02,COMPANY,BANK,1,251030,2400,,2/",
                "03,333,GBP,010,100,,/",
                "16,175,250,0,R,,/",
                "49,350,3/",
                "98,350,1,5/",
                "99,350,1,7/");
        assertThat(read(btrs).get(0).transactions().get(0).amount()).hasToString("GBP 2.50");
        assertThat(reader.notices()).isEmpty();
        assertThatThrownBy(() -> read(btrs.replace("03,333,GBP,", "03,333,,")))
                .hasMessage("f.bai:3: 03 account 333 has no currency: BTRS version 3 requires it on the 03 record");
        // BAI2 defaults a missing currency to the group's, else to US dollars
        assertThat(read(btrs.replace("1,80,,3/", "1,80,,2/").replace("03,333,GBP,", "03,333,,")).get(0).transactions().get(0).amount())
                .hasToString("USD 2.50");
    }
}
