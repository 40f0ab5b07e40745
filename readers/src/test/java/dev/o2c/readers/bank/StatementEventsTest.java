package dev.o2c.readers.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.bank.BankStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the close relies on of every streaming reader: a statement's start already knows its
 * account, id and opening balance (a repeated statement is recognised by them before any of
 * its lines is stored), and its end knows every balance.
 */
class StatementEventsTest {

    @TempDir
    Path dir;

    List<StatementEvent> events(BankFormat format, String name, String text) throws IOException {
        Path f = Files.writeString(dir.resolve(name), text);
        List<StatementEvent> out = new ArrayList<>();
        try (StatementReader r = StatementReaders.open(format, f, name, "c".repeat(64))) {
            StatementEvent e;
            while ((e = r.next()) != null) {
                out.add(e);
            }
        }
        return out;
    }

    static void startKnowsWhatTheEndKnowsOfTheOpening(List<StatementEvent> events) {
        assertThat(events).hasSizeGreaterThanOrEqualTo(3);
        assertThat(events.get(0)).isInstanceOf(StatementEvent.Begin.class);
        assertThat(events.get(1)).isInstanceOf(StatementEvent.Line.class);
        assertThat(events.get(events.size() - 1)).isInstanceOf(StatementEvent.End.class);
        BankStatement begin = ((StatementEvent.Begin) events.get(0)).header();
        BankStatement end = ((StatementEvent.End) events.get(events.size() - 1)).summary();
        assertThat(begin.openingBalance()).isNotNull().isEqualTo(end.openingBalance());
        assertThat(begin.account()).isNotNull().isEqualTo(end.account());
        assertThat(begin.statementId()).isNotNull().isEqualTo(end.statementId());
        assertThat(end.closingBalance()).isNotNull();
    }

    @Test
    void mt940() throws IOException {
        startKnowsWhatTheEndKnowsOfTheOpening(events(BankFormat.MT940, "s.sta", """
                :20:R
                :25:DE44500105175407324931
                :28C:1/1
                :60F:C251030EUR10,00
                :61:251030C1,00NTRFNONREF
                :62F:C251030EUR11,00
                -
                """));
    }

    @Test
    void camt053() throws IOException {
        startKnowsWhatTheEndKnowsOfTheOpening(events(BankFormat.CAMT053, "s.xml", CamtReaderTest.document("camt.053.001.08", "BkToCstmrStmt",
                "<Stmt><Id>S</Id><Acct><Id><IBAN>DE44500105175407324931</IBAN></Id></Acct>"
                        + CamtReaderTest.balance("OPBD", "10.00", "EUR", "CRDT", "2025-10-30")
                        + CamtReaderTest.balance("CLBD", "11.00", "EUR", "CRDT", "2025-10-30")
                        + "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry></Stmt>")));
    }

    @Test
    void bai2() throws IOException {
        startKnowsWhatTheEndKnowsOfTheOpening(events(BankFormat.BAI2, "s.bai", String.join("\n",
                "01,BANK,COMPANY,251031,0600,1,80,,2/",
                "02,COMPANY,BANK,1,251030,2400,USD,2/",
                "03,111,USD,010,1000,,,015,1100,,/",
                "16,165,100,0,REF,,/",
                "49,2200,3/",
                "98,2200,1,5/",
                "99,2200,1,7/")));
    }
}
