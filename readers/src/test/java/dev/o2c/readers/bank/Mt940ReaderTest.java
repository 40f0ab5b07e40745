package dev.o2c.readers.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.readers.bank.mt940.Mt940Reader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mt940ReaderTest {

    @TempDir
    Path dir;

    List<BankStatement> read(byte[] bytes) throws IOException {
        Path f = Files.write(dir.resolve("s.sta"), bytes);
        try (Mt940Reader r = Mt940Reader.open(f, "s.sta", "b".repeat(64))) {
            return r.readAll();
        }
    }

    List<BankStatement> read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everySubfieldOfTheStatementLine() throws IOException {
        BankStatement s = read("""
                {1:F01BANKDEFFAXXX0000000000}{2:O9401200251030BANKDEFFXXXX00000000002510301200N}{4:
                :20:REF0001
                :25:DE44500105175407324931
                :28C:00017/002
                :60F:C251229EUR1000,00
                :61:2512300102DR123,45NTRFINV-77//BANK-1
                SUPPLEMENTARY TEXT
                :86:/TRTP/SEPA OVERBOEKING/IBAN/NL44RABO0123456789/BIC/RABONL2U/NAME/J DOE/REMI/USTD//Invoice 2025/123/EREF/E2E-9
                :61:251230RC5,N062NONREF
                :61:251230RD0,5NMSCNONREF
                :62F:C251231EUR871,05
                :64:C251231EUR871,05
                :65:C260101EUR871,05
                -}
                """).get(0);
        assertThat(s.account()).isEqualTo("DE44500105175407324931");
        assertThat(s.statementId()).isEqualTo("00017/002");
        assertThat(s.balances()).extracting(b -> b.type()).containsExactly("OPBD", "CLBD", "CLAV", "FWAV");
        BankTransaction t = s.transactions().get(0);
        assertThat(t.valueDate()).hasToString("2025-12-30");
        // the entry date's year: across the turn of the year
        assertThat(t.bookingDate()).hasToString("2026-01-02");
        assertThat(t.amount().toPlainString()).isEqualTo("-123.45");
        assertThat(t.typeCode()).isEqualTo("NTRF");
        assertThat(t.customerReference()).isEqualTo("INV-77");
        assertThat(t.bankReference()).isEqualTo("BANK-1");
        assertThat(t.remittanceInfo()).isEqualTo("Invoice 2025/123");
        assertThat(t.counterpartyName()).isEqualTo("J DOE");
        assertThat(t.counterpartyAccount()).isEqualTo("NL44RABO0123456789");
        // RC reverses a credit: a debit; RD reverses a debit: a credit
        assertThat(s.transactions().get(1).amount().toPlainString()).isEqualTo("-5.00");
        assertThat(s.transactions().get(1).reversal()).isTrue();
        assertThat(s.transactions().get(2).amount().toPlainString()).isEqualTo("0.50");
    }

    @Test
    void germanSubfieldsAndSepaTagsIn86() throws IOException {
        BankTransaction t = read("""
                :20:STARTUMS
                :25:10020030/1234567
                :28C:1/1
                :60F:C251030EUR100,00
                :61:2510301030CR30,00N062NONREF
                :86:166?00GUTSCHR. UEBERWEISUNG?10931?20EREF+END2END-7?21SVWZ+Rechnung INV-0
                001 danke?30DEUTDEFF?31DE89370400440532013000?32MAX MUSTERMANN?33 GMBH
                :62F:C251030EUR130,00
                """).get(0).transactions().get(0);
        assertThat(t.remittanceInfo()).isEqualTo("Rechnung INV-0001 danke");
        assertThat(t.customerReference()).isEqualTo("END2END-7");
        assertThat(t.counterpartyName()).isEqualTo("MAX MUSTERMANN GMBH");
        assertThat(t.counterpartyAccount()).isEqualTo("DE89370400440532013000");
    }

    @Test
    void severalStatementsIntermediateBalancesAndWhatRealBanksWrite() throws IOException {
        String text = "ABNANL2A\r\n940\r\n:20:A\r\n:25:123\r\n:28:1/1\r\n:60F:C251030EUR100,\r\n"
                // the amount moved to the next line; a tag cut from its colon
                + ":61:2510301030C\r\n30,00N062NONREF\r\n:\r\n86:Zahlung f\u00fcr Rechnung\r\n:62M:C251030EUR130,00\r\n"
                + ":20:A\r\n:25:123\r\n:28:1/2\r\n:60M:C251030EUR130,00\r\n"
                // 30 February, as some banks write
                + ":61:2502300302D10,00NMSCNONREF\r\n:62F:C251031EUR120,00";
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
        List<BankStatement> statements = read(latin1);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).closingBalance().type()).isEqualTo("ITBD");
        assertThat(statements.get(1).openingBalance().type()).isEqualTo("ITBD");
        assertThat(statements.get(0).transactions().get(0).amount().toPlainString()).isEqualTo("30.00");
        assertThat(statements.get(0).transactions().get(0).remittanceInfo()).isEqualTo("Zahlung f\u00fcr Rechnung");
        assertThat(statements.get(1).transactions().get(0).valueDate()).hasToString("2025-02-28");
        assertThat(statements.get(1).closingBalance().amount().toPlainString()).isEqualTo("120.00");
    }

    @Test
    void anMt942WithoutBalancesTakesItsCurrencyFromTheFloorLimit() throws IOException {
        Path f = Files.writeString(dir.resolve("i.sta"), ":20:INTRA\n:25:PL29114010810000267002001002\n:28C:1\n:34F:PLN0,\n"
                + ":13D:2510301200+0100\n:61:2510301030C12,00NTRFNONREF\n:90C:1PLN12,00\n");
        try (Mt940Reader r = Mt940Reader.open(f, "i.sta", "c".repeat(64))) {
            List<BankStatement> s = r.readAll();
            assertThat(r.format()).isEqualTo(BankFormat.MT942);
            assertThat(s.get(0).currency().getCurrencyCode()).isEqualTo("PLN");
            assertThat(s.get(0).openingBalance()).isNull();
        }
    }

    @Test
    void anUnknownTagOrATagOutOfOrderIsRefused() {
        String good = ":20:X\n:25:NL01BANK0123456789\n:28C:1\n:60F:C251030EUR1,00\n:61:2510301030C1,00NTRFNONREF\n:86:PAY\n:62F:C251030EUR2,00\n";
        assertThatThrownBy(() -> read(good.replace(":28C:1\n", ":28C:1\n:99X:WHAT\n")))
                .hasMessage("s.sta:4: :99X: is not a field of MT940 or MT942");
        assertThatThrownBy(() -> read(good.replace(":60F:C251030EUR1,00\n:61:2510301030C1,00NTRFNONREF\n",
                ":61:2510301030C1,00NTRFNONREF\n:60F:C251030EUR1,00\n")))
                .hasMessage("s.sta:5: :60F: out of order: it belongs before :61:");
        assertThatThrownBy(() -> read(good + ":61:2510301030C1,00NTRFNONREF\n"))
                .hasMessage("s.sta:8: :61: out of order: it belongs before :62F:");
    }

    @Test
    void whatRealFilesDoWithTagsIsReadAsTheyMeanIt() throws IOException {
        // an :86: wrapped just before a colon of its own text; a DOS end-of-file byte glued to
        // the next :20:; a :25: where the :86: belongs (read as its text, with a notice); and a
        // trailing :61: after the message's end, which belongs to the statement before
        String text = ":20:A\n:25:111\n:60F:C251030EUR1,00\n:61:2510301030C1,00NTRFNONREF\n:86:PAID 2025-10-30T13\n:12:11 INV-1\n"
                + ":62F:C251030EUR2,00\n\u001a:20:B\n:25:222\n:60F:C251030EUR5,00\n:61:2510301030C3,00NTRFNONREF\n:25:166?00GUTSCHRIFT?20INV-2\n"
                + ":62F:C251030EUR8,00\n-\n:61:2510311031C4,00NTRFNONREF\n";
        Path f = Files.writeString(dir.resolve("r.sta"), text);
        try (Mt940Reader r = Mt940Reader.open(f, "r.sta", "e".repeat(64))) {
            List<BankStatement> s = r.readAll();
            assertThat(s).hasSize(2);
            assertThat(s.get(0).transactions().get(0).remittanceInfo()).contains(":12:11 INV-1");
            assertThat(s.get(1).account()).isEqualTo("222");
            assertThat(s.get(1).transactions()).extracting(t -> t.amount().toPlainString()).containsExactly("3.00", "4.00");
            assertThat(s.get(1).transactions().get(0).remittanceInfo()).contains("INV-2");
            assertThat(r.notices()).singleElement().satisfies(n -> {
                assertThat(n.line()).isEqualTo(12);
                assertThat(n.message()).startsWith(":25: right after a :61:, where its :86: belongs");
            });
        }
    }

    @Test
    void anAmountWithoutItsCommaOrALineWithoutReferenceIsReadWithANoticeOncePerFile() throws IOException {
        String text = ":20:A\n:25:111\n:60F:C251030EUR1,00\n:61:2510301030C100NTRF\n:61:2510301030C200NTRF//B2\n"
                + ":61:2510301030D5,00\n:62F:C251030EUR296,00\n";
        Path f = Files.writeString(dir.resolve("n.sta"), text);
        try (Mt940Reader r = Mt940Reader.open(f, "n.sta", "f".repeat(64))) {
            List<BankStatement> s = r.readAll();
            assertThat(s.get(0).transactions()).extracting(t -> t.amount().toPlainString()).containsExactly("100.00", "200.00", "-5.00");
            assertThat(r.notices()).extracting(n -> n.line() + " " + n.message()).containsExactly(
                    "4 :61: amount '100' is written without its decimal comma: read as 100 (and so every later line like it in this file)",
                    "4 :61: has no customer reference (SWIFT writes NONREF when there is none): read without one (and so every later line like it in this file)",
                    "6 :61: ends after its amount, without the transaction type and reference SWIFT requires: read with its date, mark and amount (and so every later line like it in this file)");
        }
    }

    @Test
    void freeTextGivesThePayerAndTheirAccountWhereItNamesThem() throws IOException {
        List<BankStatement> s = read(":20:A\n:25:GB82WEST12345698765432\n:60F:C251030GBP0,00\n"
                // labelled, the name running to the account, the reference wrapped in the middle (at 35 characters)
                + ":61:2510301030C100,00NTRFNONREF\n:86:ORDERING PARTY: ACME TRADING LTD GB29 NWBK 6016 1331 9268 19\nREF: IN\nV-045415\n"
                // unlabelled: the account found by its check digits, no name guessed
                + ":61:2510301030C50,00NTRFNONREF\n:86:FASTER PAYMENT GLOBEX LTD DE89370400440532013000 INV-045416\n"
                // a number that only looks like an IBAN is not one
                + ":61:2510301030C25,00NTRFNONREF\n:86:PAYMENT GB00NWBK60161331926819 INV-045417\n"
                + ":62F:C251030GBP175,00\n");
        List<BankTransaction> t = s.get(0).transactions();
        assertThat(t.get(0).counterpartyName()).isEqualTo("ACME TRADING LTD");
        assertThat(t.get(0).counterpartyAccount()).isEqualTo("GB29NWBK60161331926819");
        assertThat(t.get(0).remittanceInfo()).contains("IN V-045415");
        assertThat(t.get(1).counterpartyName()).isNull();
        assertThat(t.get(1).counterpartyAccount()).isEqualTo("DE89370400440532013000");
        assertThat(t.get(2).counterpartyAccount()).isNull();
    }

    @Test
    void finTsLinesJoinedByDoubleAtSignsAreLines() throws IOException {
        BankStatement s = read("@@:20:STARTUMS@@:25:72090900/9876543219@@:28C:0@@:34F:EUR0,@@:13:1604202255@@"
                + ":61:160421D0,02NMSCKREF+@@:86:177?00UEBERWEISUNG?20SVWZ+RE 42@@:90D:1EUR0,02@@:90C:0EUR0,00@@").get(0);
        assertThat(s.account()).isEqualTo("72090900/9876543219");
        assertThat(s.transactions()).singleElement().satisfies(t -> assertThat(t.amount().toPlainString()).isEqualTo("-0.02"));
    }

    @Test
    void aSwiftMessageCutOffBeforeTheNextOneIsRefused() {
        assertThatThrownBy(() -> read("{1:F01BANK}{2:I940BANK}{4:\n:20:A\n:25:1\n:60F:C251030EUR1,00\n"
                + "{1:F01BANK}{2:I940BANK}{4:\n:20:B\n:25:1\n:60F:C251030EUR1,00\n:62F:C251030EUR1,00\n-}\n"))
                .hasMessage("s.sta:5: a new SWIFT message starts before the message of line 1 ended with -}: that message is cut off");
    }

    @Test
    void aFileWithoutLineBreaksIsRefusedInBoundedMemory() throws IOException {
        // 20 MB on one line: refused at the cap, never read whole into the heap
        Path f = dir.resolve("huge.sta");
        try (java.io.OutputStream out = Files.newOutputStream(f)) {
            out.write(":20:X\n:86:".getBytes(StandardCharsets.US_ASCII));
            byte[] block = "A".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 20; i++) {
                out.write(block);
            }
        }
        try (Mt940Reader r = Mt940Reader.open(f, "huge.sta", "d".repeat(64))) {
            assertThatThrownBy(r::readAll)
                    .hasMessage("huge.sta:2: a line longer than 16 MB: not a statement file, or one whose line breaks are missing");
        }
    }

    @Test
    void malformedFieldsFailWithTheirLine() {
        assertThatThrownBy(() -> read(":20:X\n:25:1\n:60F:C251301EUR1,00\n")).hasMessage("s.sta:3: date '251301' has no month 13");
        assertThatThrownBy(() -> read(":20:X\n:25:1\n:60F:C251030EUR1,00\n:61:2510301030X1,00NTRF\n"))
                .hasMessageStartingWith("s.sta:4: :61: '2510301030X1,00NTRF' has no debit/credit mark");
        assertThatThrownBy(() -> read("1\n2\n3\n")).hasMessageContaining("no MT940 statement");
    }
}
