package dev.o2c.readers.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.readers.bank.bai2.Bai2Reader;
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
