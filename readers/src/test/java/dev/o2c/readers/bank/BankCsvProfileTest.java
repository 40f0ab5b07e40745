package dev.o2c.readers.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.readers.csv.Outcome;
import dev.o2c.readers.csv.RecordReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankCsvProfileTest {

    @TempDir
    Path dir;

    static BankCsvProfile.Columns columns(String amount, String debit, String credit, String direction, String balance) {
        return new BankCsvProfile.Columns("Ref", null, null, "Datum", null, amount, debit, credit, direction,
                List.of("S", "D"), List.of("H", "C"), null, null, List.of("Text", "Zweck"), null, null, null, balance);
    }

    static BankCsvProfile german(BankCsvProfile.Columns columns) {
        return new BankCsvProfile("german", List.of("Datum"), ';', Charset.forName("windows-1252"), "dd.MM.yyyy", ',', '.',
                columns, "DE89370400440532013000", "EUR");
    }

    List<Outcome<BankTransaction>> read(BankCsvProfile p, String text) throws IOException {
        Path f = Files.write(dir.resolve("b.csv"), text.getBytes(p.encoding()));
        List<Outcome<BankTransaction>> out = new ArrayList<>();
        try (RecordReader<BankTransaction> r = BankCsvReader.open(f, "b.csv", "e".repeat(64), p)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    static String amount(Outcome<BankTransaction> o) {
        return ((Outcome.Loaded<BankTransaction>) o).value().amount().toPlainString();
    }

    @Test
    void numbersAsBanksWriteThem() {
        BankCsvProfile p = german(columns("Betrag", null, null, null, null));
        assertThat(p.number("x", "1.234,56").toPlainString()).isEqualTo("1234.56");
        assertThat(p.number("x", "1.234,56-").toPlainString()).isEqualTo("-1234.56");
        assertThat(p.number("x", "(12,30)").toPlainString()).isEqualTo("-12.30");
        assertThat(p.number("x", "+7").toPlainString()).isEqualTo("7");
        assertThatThrownBy(() -> p.number("Betrag", "12.30")).hasMessage("Betrag '12.30' is not a decimal number like 1.234,50 as the german profile writes them");
    }

    @Test
    void signedDirectedAndDebitCreditLayouts() throws IOException {
        var signed = read(german(columns("Betrag", null, null, null, "Saldo")),
                "Datum;Text;Zweck;Betrag;Saldo;Ref\n01.10.2025;Miete;Oktober;-1.000,00;500,00;R1\n02.10.2025;M\u00fcller;INV-7;250,00;750,00;R2\n");
        assertThat(signed).extracting(BankCsvProfileTest::amount).containsExactly("-1000.00", "250.00");
        BankTransaction mueller = ((Outcome.Loaded<BankTransaction>) signed.get(1)).value();
        assertThat(mueller.remittanceInfo()).isEqualTo("M\u00fcller INV-7");
        assertThat(mueller.account()).isEqualTo("DE89370400440532013000");
        BankStatement s = CsvStatements.group(signed.stream().map(o -> ((Outcome.Loaded<BankTransaction>) o).value()).toList()).get(0);
        assertThat(s.openingBalance().amount().toPlainString()).isEqualTo("1500.00");
        assertThat(s.closingBalance().amount().toPlainString()).isEqualTo("750.00");

        var directed = read(german(columns("Betrag", null, null, "S/H", null)),
                "Datum;Betrag;S/H;Text;Ref\n01.10.2025;10,00;S;a;1\n01.10.2025;-20,00;H;b;2\n01.10.2025;5,00;X;c;3\n");
        assertThat(directed.subList(0, 2)).extracting(BankCsvProfileTest::amount).containsExactly("-10.00", "20.00");
        assertThat(((Outcome.Rejected<?>) directed.get(2)).reject().reason()).isEqualTo("S/H 'X' is not one of H, C, S, D");

        var split = read(german(columns(null, "Soll", "Haben", null, null)),
                "Datum;Soll;Haben;Text;Ref\n01.10.2025;10,00;;a;1\n01.10.2025;;20,00;b;2\n01.10.2025;1,00;2,00;c;3\n");
        assertThat(split.subList(0, 2)).extracting(BankCsvProfileTest::amount).containsExactly("-10.00", "20.00");
        assertThat(((Outcome.Rejected<?>) split.get(2)).reject().reason()).isEqualTo("exactly one of Soll and Haben must hold the amount");
    }

    @Test
    void theFirstProfileWhoseColumnsTheHeaderHasIsChosen() {
        BankCsvProfile g = german(columns("Betrag", null, null, null, null));
        assertThat(BankCsvProfile.choose(List.of(g, BankCsvProfile.GENERIC), List.of("datum", "Betrag"))).isSameAs(g);
        assertThat(BankCsvProfile.choose(List.of(g, BankCsvProfile.GENERIC), List.of("account", "currency", "booking_date", "amount")))
                .isSameAs(BankCsvProfile.GENERIC);
        assertThat(BankCsvProfile.choose(List.of(g), List.of("x"))).isNull();
    }
}
