package dev.o2c.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The month-end pack PDF, read back as text and checked for what a reader needs. */
class PackPdfTest {

    static byte[] render() {
        return render(SamplePack.data());
    }

    static byte[] render(PackData data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PackPdf.write(data, out);
        return out.toByteArray();
    }

    @Test
    void showsTheFiguresAndEveryCustomerLineWithTotals() throws IOException {
        byte[] pdf = render();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/sample-pack-short.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("AR aging summary — Sample Co", "As of 2024-03-31", "aged on due_date",
                    "Aging by customer", "All other customers (4)", "Total", "Current", "1-30", ">120",
                    "Controls: 1 of 1 passed", "Page 1 of " + doc.getNumberOfPages(), "Page 2 of " + doc.getNumberOfPages());
            assertThat(text).contains("Überseehandel");
            // the bank statements' checks: a sentence, then each finding
            assertThat(text).contains("Bank statements: 2 statements of 1 account: 1 balance break (exceptions.csv).",
                    "• bank/march.sta DE89370400440532013000 00042/001: opening 1000.00 + 3 entries 50.00 = 1050.00, but the closing balance is 1050.01");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Month-end pack Sample Co as of 2024-03-31");
        }
    }

    @Test
    void everySectionOfAFullPackWithPageNumbersOverTheWhole() throws IOException {
        byte[] pdf = render(SamplePack.fullData());
        Files.write(Path.of("target/sample-pack.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(8);
            for (int p = 1; p <= pages; p++) {
                assertThat(text).contains("Page " + p + " of " + pages);
            }
            assertThat(text).contains("Month-end pack — Sample Co", "Headline figures", "Total open AR", "31,680.50",
                    "Controls: 1 of 1 passed", "Inputs", "customers.csv", "0f3a5c9e2b7d", "invoices.csv");
            assertThat(text).contains("Aging: the most overdue items", "The 25 most pressing of 25 overdue invoices",
                    "C002  Customer Number 2", "99.00");
            assertThat(text).contains("DSO family, CEI and the allowance", "DSO (standard)", "41.23", "Quarter 2024-01-01 to 2024-03-31",
                    "79.10", "Required allowance", "Month-end trend", "2024-02-29");
            assertThat(text).contains("Cash application", "AUTO: applied in full", "60.00 %", "10,000.00", "Unidentified (unmatched)",
                    "Time to apply", "4.50");
            assertThat(text).contains("Reconciliation exceptions", "RECEIPT_WITHOUT_BANK_LINE", "Bank against ERP receipts (2)",
                    "Orders against invoices (1)", "=HYPERLINK");
            assertThat(text).contains("Roll-forward, credit exposure and collections", "Opening AR", "9,000.00", "FX revaluation",
                    "Per document currency", "EUR", "C014  Customer Number 14 (+1)", "2,000.00 EUR", "381.89 %", "Level 3", "855.00");
            assertThat(text).contains("Definitions", "standard = ending AR / credit sales x days");
        }
    }

    @Test
    void largestExceptionsAreRankedByTheirFunctionalAmount() throws IOException {
        try (PDDocument doc = Loader.loadPDF(render(SamplePack.fullData()))) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("largest by amount in USD at the as-of rate");
            assertThat(text.indexOf("receipt R-78 · 120.00 EUR")).as("EUR 120.00 = USD 132.00").isPositive()
                    .isLessThan(text.indexOf("receipt R-77 · 125.00 USD"));
        }
    }

    @Test
    void failedControlsComeFirstAndMarkEveryPage() throws IOException {
        PackData base = SamplePack.data();
        PackData failing = new PackData(base.entity(), base.runId(), base.codeVersion(), base.figures(), base.customerLines(),
                base.topN(), base.customerCount(), java.util.List.of(dev.o2c.domain.controls.Control.of("records", 3, 3),
                dev.o2c.domain.controls.Control.of("aging.csv: sum of functional_amount = total open AR", 10, 9)), base.bank());
        try (PDDocument doc = Loader.loadPDF(render(failing))) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("NOT FOR DISTRIBUTION: 1 of 2 controls failed", "Controls: 1 of 2 passed");
            assertThat(text.indexOf("aging.csv: sum of functional_amount")).isLessThan(text.indexOf("records"));
            assertThat(text.split("CONTROLS FAILED: not for distribution", -1)).hasSize(doc.getNumberOfPages() + 1);
        }
    }

    @Test
    void everyFontIsEmbedded() throws IOException {
        try (PDDocument doc = Loader.loadPDF(render(SamplePack.fullData()))) {
            int fonts = 0;
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                    fonts++;
                }
            }
            assertThat(fonts).isPositive();
        }
    }

    @Test
    void theSameDataGivesTheSameBytes() throws IOException {
        byte[] first = render(SamplePack.fullData());
        byte[] second = render(SamplePack.fullData());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/determinism-1.pdf"), first);
        Files.write(Path.of("target/determinism-2.pdf"), second);
        assertThat(sha256(second)).as("second rendering, see target/determinism-*.pdf").isEqualTo(sha256(first));
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
