package dev.o2c.writers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.writers.out.SafeCsvPrinter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SafeCsvPrinterTest {

    @Test
    void textThatASpreadsheetWouldRunIsNeutralisedButNumbersAreNot() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SafeCsvPrinter csv = new SafeCsvPrinter(out, "a", "b", "c", "d", "e", "f")) {
            csv.text("=HYPERLINK(\"http://x\")").text("+1").text("-2").text("@SUM(A1)").number(new BigDecimal("-12.30"))
                    .date(LocalDate.of(2024, 3, 31)).endRow();
            csv.text("plain, with comma").text(null).text("line\nbreak").text("\"quoted\"").number(null).date(null).endRow();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "a,b,c,d,e,f\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2,'@SUM(A1),-12.30,2024-03-31\r\n"
                + "\"plain, with comma\",,\"line\nbreak\",\"\"\"quoted\"\"\",,\r\n");
    }
}
