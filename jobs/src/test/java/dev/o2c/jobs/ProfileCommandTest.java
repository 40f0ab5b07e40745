package dev.o2c.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code o2c profile FILE}: which profile reads a file and why, its first rows, what would be rejected. */
class ProfileCommandTest {

    @TempDir
    Path dir;

    @Test
    void aFileAProfileReadsShowsWhyItsFirstRowsAndTheRejectsByReason() throws IOException {
        Path file = dir.resolve("open-items.txt");
        Files.write(file, ("Konto;Belegnummer;Belegart;Belegdatum;Nettofälligkeit;Belegwährung;Betrag in Belegwährung;Rechnungsbezug\r\n"
                + "1000;90001234;RV;15.10.2025;14.11.2025;EUR;1.234,56;\r\n"
                + "1000;90001300;DG;20.10.2025;20.10.2025;EUR;234,56-;90001234\r\n"
                + "1000;14000007;DZ;21.10.2025;21.10.2025;EUR;1.000,00-;\r\n"
                + "1000;14000008;DZ;22.10.2025;22.10.2025;EUR;5,00-;\r\n").getBytes(Charset.forName("windows-1252")));
        Cli result = Cli.run("profile", file.toString(), "--config", "../config", "--rows", "2");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("open-items.txt: invoices through the sap-fbl5n profile, by its header, which has all 8"
                        + " columns the profile reads")
                .contains("  line 2: invoice_id=90001234, customer_id=1000, invoice_date=2025-10-15, due_date=2025-11-14, currency=EUR,"
                        + " amount=1234.56, type=INVOICE")
                .contains("  line 3: invoice_id=90001300")
                .doesNotContain("line 4:")
                .contains("2 rows would load, 2 would be rejected:")
                .contains("  2 x Belegart '…' is not one of the codes the profile translates (RV, DR, DG)");
    }

    @Test
    void aFileNoProfileReadsNamesTheNearestAndWhatTheyMiss() throws IOException {
        Path file = Files.writeString(dir.resolve("billing.csv"), "invoice_no,customer_id,date,currency,amt\nA1,C1,2025-10-01,USD,5\n");
        Cli result = Cli.run("profile", file.toString(), "--config", "../config");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("billing.csv: no profile reads it")
                .contains("nearest: generic (invoices), ")
                .contains("'invoice_id' (nearest in the file: 'invoice_no')")
                .contains("'amount' (nearest in the file: 'amt')");
    }
}
