package dev.o2c.readers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.money.Money;
import dev.o2c.readers.bank.BankCsvReader;
import dev.o2c.readers.bank.BankFormat;
import dev.o2c.readers.csv.Outcome;
import dev.o2c.readers.csv.RecordReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankCsvReaderTest {

    static final String SHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    List<Outcome<BankTransaction>> read(String text) throws IOException {
        Path f = Files.writeString(dir.resolve("stmt.csv"), text);
        List<Outcome<BankTransaction>> out = new ArrayList<>();
        try (RecordReader<BankTransaction> r = BankCsvReader.open(f, "bank/stmt.csv", SHA)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    static BankTransaction loaded(Outcome<BankTransaction> o) {
        return ((Outcome.Loaded<BankTransaction>) o).value();
    }

    @Test
    void signedAmountsWithoutATypeColumn() throws IOException {
        var out = read("""
                transaction_id,account,currency,booking_date,value_date,amount,counterparty_name,remittance_info
                T1,NL91ABNA0417164300,EUR,2024-03-01,2024-03-02,1234.56,ACME,INV-1
                T2,NL91ABNA0417164300,EUR,2024-03-01,,-12.30,BANK,fee
                """);
        assertThat(loaded(out.get(0)).amount()).isEqualTo(Money.of("1234.56", "EUR"));
        assertThat(loaded(out.get(0)).valueDate()).hasToString("2024-03-02");
        assertThat(loaded(out.get(1)).amount()).isEqualTo(Money.of("-12.30", "EUR"));
        assertThat(loaded(out.get(1)).valueDate()).isEqualTo(loaded(out.get(1)).bookingDate());
        assertThat(loaded(out.get(0)).statementFile()).isEqualTo("bank/stmt.csv");
    }

    @Test
    void aPayerWrittenIntoTheTextIsThePayerWhenTheCounterpartyIsBlank() throws IOException {
        var out = read("""
                transaction_id,account,currency,booking_date,amount,counterparty_name,remittance_info
                T1,NL91ABNA0417164300,EUR,2024-03-01,10.00,,ORDERING PARTY: ACME TRADING LTD IBAN: GB29NWBK60161331926819 REF: INV-1
                T2,NL91ABNA0417164300,EUR,2024-03-01,20.00,GLOBEX,NAME: SOMEONE ELSE
                """);
        assertThat(loaded(out.get(0)).counterpartyName()).isEqualTo("ACME TRADING LTD");
        assertThat(loaded(out.get(0)).counterpartyAccount()).isEqualTo("GB29NWBK60161331926819");
        // a named counterparty is the bank's word: the text does not override it
        assertThat(loaded(out.get(1)).counterpartyName()).isEqualTo("GLOBEX");
    }

    @Test
    void aTypeColumnGivesTheSignAndLinesWithoutIdGetAStableOne() throws IOException {
        var out = read("""
                account,currency,booking_date,amount,type
                A1,USD,2024-03-01,100.00,CREDIT
                A1,USD,2024-03-01,40.00,debit
                A1,USD,2024-03-01,-40.00,DEBIT
                A1,USD,2024-03-01,40.00,
                """);
        assertThat(loaded(out.get(0)).amount()).isEqualTo(Money.of("100.00", "USD"));
        assertThat(loaded(out.get(0)).transactionId()).isEqualTo("0123456789ab-1");
        assertThat(loaded(out.get(1)).amount()).isEqualTo(Money.of("-40.00", "USD"));
        assertThat(loaded(out.get(1)).transactionId()).isEqualTo("0123456789ab-2");
        assertThat(out.get(2)).isInstanceOf(Outcome.Rejected.class);
        assertThat(((Outcome.Rejected<?>) out.get(3)).reject().reason()).contains("type is required");
    }

    @Test
    void formatsAreRecognisedByContent() throws IOException {
        assertThat(BankFormat.detect(Files.writeString(dir.resolve("a"), "account,currency\n"), "a")).isEqualTo(BankFormat.CSV);
        assertThat(BankFormat.detect(Files.writeString(dir.resolve("b"), ":20:STARTUMS\r\n:25:123\r\n"), "b")).isEqualTo(BankFormat.MT940);
        assertThat(BankFormat.detect(Files.writeString(dir.resolve("c"), "01,121000358,123,240101,0000,1,,,2/\n"), "c")).isEqualTo(BankFormat.BAI2);
        assertThat(BankFormat.detect(Files.writeString(dir.resolve("d"),
                "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">"), "d")).isEqualTo(BankFormat.CAMT053);
    }
}
