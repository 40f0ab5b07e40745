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

class AgingSummaryPdfTest {

    static byte[] render() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AgingSummaryPdf.write(SamplePack.data(), out);
        return out.toByteArray();
    }

    @Test
    void showsTheFiguresAndEveryCustomerLineWithTotals() throws IOException {
        byte[] pdf = render();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/sample-aging-summary.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("AR aging summary — Sample Co", "As of 2024-03-31", "aged on due_date",
                    "Aging by customer", "All other customers (4)", "Total", "Current", "1-30", ">120",
                    "Controls: 1 of 1 passed", "Page 1 of");
            assertThat(text).contains("Überseehandel");
            // the bank statements' checks: a sentence, then each finding
            assertThat(text).contains("Bank statements: 2 statements of 1 account: 1 balance break (exceptions.csv).",
                    "• bank/march.sta DE89370400440532013000 00042/001: opening 1000.00 + 3 entries 50.00 = 1050.00, but the closing balance is 1050.01");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("AR aging summary Sample Co as of 2024-03-31");
        }
    }

    @Test
    void everyFontIsEmbedded() throws IOException {
        try (PDDocument doc = Loader.loadPDF(render())) {
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
        byte[] first = render();
        byte[] second = render();
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
