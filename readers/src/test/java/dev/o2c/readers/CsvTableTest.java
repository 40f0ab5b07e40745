package dev.o2c.readers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.readers.csv.CsvTable;
import dev.o2c.readers.csv.InputFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    @TempDir
    Path dir;

    Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("t.csv"), text, StandardCharsets.UTF_8);
    }

    List<CsvTable.Row> rows(Path file, List<String> required) {
        List<CsvTable.Row> rows = new ArrayList<>();
        try (CsvTable t = CsvTable.open(file, "t.csv", ',', required)) {
            t.forEach(rows::add);
        }
        return rows;
    }

    @Test
    void aQuoteNeverClosedIsRefusedWithItsLineInBoundedMemory() throws IOException {
        Path f = dir.resolve("t.csv");
        try (java.io.Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("id,name\n1,ok\n2,\"never closed ");
            String block = "x".repeat(1 << 20);
            for (int i = 0; i < 20; i++) {
                w.write(block);
            }
        }
        assertThatThrownBy(() -> rows(f, List.of("id"))).isInstanceOf(InputFormatException.class)
                .hasMessage("t.csv:3: a record longer than 16 MB (a quote never closed, or no line breaks): not read further");
    }

    @Test
    void rowsKnowTheirLineAndRawTextAcrossQuotedLineBreaksAndBlankLines() throws IOException {
        Path f = write("\uFEFFId, Name ,amount\r\n1,\"Acme, Inc.\",10.00\r\n\r\n2,\"two\nlines\",20.00\n3,plain,30\n");
        List<CsvTable.Row> rows = rows(f, List.of("id", "name"));
        assertThat(rows).extracting(CsvTable.Row::line).containsExactly(2L, 4L, 6L);
        assertThat(rows).extracting(CsvTable.Row::raw)
                .containsExactly("1,\"Acme, Inc.\",10.00", "2,\"two\nlines\",20.00", "3,plain,30");
        assertThat(rows.get(0).get("name")).isEqualTo("Acme, Inc.");
        assertThat(rows.get(0).get("unknown")).isNull();
    }

    @Test
    void aMissingFinalLineBreakStillGivesTheLastRow() throws IOException {
        List<CsvTable.Row> rows = rows(write("id,name\n1,a\n2,b"), List.of("id"));
        assertThat(rows).extracting(CsvTable.Row::raw).containsExactly("1,a", "2,b");
    }

    @Test
    void everyMissingColumnIsNamedAtOnceWithTheNearestHeader() throws IOException {
        Path f = write("invoice_no,customer,amt,Belegdatum\n1,a,2,3\n");
        assertThatThrownBy(() -> rows(f, List.of("invoice_id", "customer_id", "amount", "currency")))
                .isInstanceOf(InputFormatException.class).hasMessage("t.csv:1: missing required columns 'invoice_id' (nearest in the"
                        + " file: 'invoice_no'), 'customer_id' (nearest in the file: 'customer'), 'amount' (nearest in the file: 'amt'),"
                        + " 'currency'");
    }

    @Test
    void aMissingRequiredColumnNamesFileAndColumn() throws IOException {
        Path f = write("id,name\n1,a\n");
        assertThatThrownBy(() -> rows(f, List.of("id", "currency")))
                .isInstanceOf(InputFormatException.class).hasMessage("t.csv:1: missing required column 'currency'");
    }

    @Test
    void bytesThatAreNotUtf8FailTheFileWithItsLine() throws IOException {
        Path f = dir.resolve("t.csv");
        Files.write(f, "id,name\n1,ok\n2,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> rows(f, List.of("id")))
                .isInstanceOf(InputFormatException.class).hasMessage("t.csv:3: not valid UTF-8");
    }

    @Test
    void aBadByteFarDownIsReportedAtItsLineAndTheHeaderCheckPasses() throws IOException {
        Path f = dir.resolve("t.csv");
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 1; i <= 2000; i++) {
            text.append(i).append(",row number ").append(i).append('\n');
        }
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = "2001,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(good, good.length + bad.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        Files.write(f, all);
        CsvTable.checkHeader(f, "t.csv", ',', List.of("id", "name"));
        assertThatThrownBy(() -> rows(f, List.of("id")))
                .isInstanceOf(InputFormatException.class).hasMessage("t.csv:2002: not valid UTF-8");
    }

    @Test
    void anEmptyFileHasNoHeader() throws IOException {
        Path f = write("");
        assertThatThrownBy(() -> rows(f, List.of("id"))).isInstanceOf(InputFormatException.class).hasMessageContaining("no header");
    }
}
