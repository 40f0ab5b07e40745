package dev.o2c.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Mailing the pack through a real SMTP server (GreenMail) started by the test. */
class MailIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @TempDir
    Path tmp;

    private Path config(String extra, int port) throws IOException {
        Path dir = tmp.resolve("config");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("application.yml"), """
                o2c:
                  entity: Test Company Ltd
                  mail:
                    enabled: true
                    from: o2c@test.example
                    routes:
                      - run-type: month-end
                        reports: [pdf, xlsx]
                        to: [controllers@test.example, cfo@test.example]
                      - run-type: flash
                        reports: [pdf]
                        to: [flash@test.example]
                    alert-to: [it@test.example]
                    retry-delay: 0s
                %s
                spring:
                  mail:
                    host: localhost
                    port: %d
                """.formatted(extra, port));
        return dir;
    }

    private Cli close(Path config) {
        Path input = TestCompany.write(tmp.resolve("input"));
        return Cli.run("close", "--as-of", TestCompany.AS_OF.toString(), "--input", input.toString(), "--out",
                tmp.resolve("out").toString(), "--db", store(), "--config", config.toString());
    }

    private String store() {
        return "jdbc:h2:file:" + tmp.resolve("store").toAbsolutePath().resolve("o2c");
    }

    private static String runId(Cli cli) {
        Matcher m = Pattern.compile("run (\\S+) done").matcher(cli.out());
        assertThat(m.find()).as(cli.out() + cli.err()).isTrue();
        return m.group(1);
    }

    @Test
    void aClosedMonthEndMailsThePackToEveryRecipientWithAttachmentsThatOpen() throws Exception {
        Cli cli = close(config("", ServerSetupTest.SMTP.getPort()));
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("mailed 'Month-end pack Test Company Ltd as of 2025-10-31");
        MimeMessage[] received = SMTP.getReceivedMessages();
        // one mail, one copy per recipient; the flash route does not match a month-end
        assertThat(received).hasSize(2);
        MimeMessage mail = received[0];
        assertThat(Arrays.stream(mail.getAllRecipients()).map(Object::toString))
                .containsExactlyInAnyOrder("controllers@test.example", "cfo@test.example");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("o2c@test.example");
        assertThat(mail.getSubject()).matches("Month-end pack Test Company Ltd as of 2025-10-31: (\\d+) of \\1 controls passed");

        String kpis = Files.readString(tmp.resolve("out/kpis.json"));
        String total = dev.o2c.writers.out.Json.parse(kpis).get("aging").get("total_open").asString();
        String formatted = new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.US))
                .format(new java.math.BigDecimal(total));
        String html = MailParts.html(mail);
        assertThat(html).contains("<h2>Month-end pack Test Company Ltd as of 2025-10-31</h2>", "Total open AR", formatted,
                "records in = loaded + rejected: invoices.csv", "passed", "Attached: ar-aging-summary-2025-10-31.pdf, ar-aging-2025-10-31.xlsx");
        assertThat(html).doesNotContain("FAILED");

        List<BodyPart> attachments = MailParts.attachments(mail);
        assertThat(attachments).extracting(BodyPart::getFileName)
                .containsExactly("ar-aging-summary-2025-10-31.pdf", "ar-aging-2025-10-31.xlsx");
        byte[] pdf = attachments.get(0).getInputStream().readAllBytes();
        assertThat(pdf).isEqualTo(Files.readAllBytes(tmp.resolve("out/ar-aging-summary-2025-10-31.pdf")));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Month-end pack — Test Company Ltd");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(attachments.get(1).getInputStream().readAllBytes()))) {
            assertThat(wb.getSheet("Summary")).isNotNull();
        }

        // o2c mail --run ID sends the same mail again, from the run's outputs
        Cli again = Cli.run("mail", "--run", runId(cli), "--db", store(), "--config", tmp.resolve("config").toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(4);
        assertThat(SMTP.getReceivedMessages()[2].getSubject()).isEqualTo(mail.getSubject());
    }

    @Test
    void pastTheSizeLimitTheMailSaysWhereTheOutputsAreInstead() throws Exception {
        Cli cli = close(config("    max-attachment-bytes: 1000\n    output-link: https://files.test.example/packs",
                ServerSetupTest.SMTP.getPort()));
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(MailParts.attachments(mail)).isEmpty();
        assertThat(MailParts.html(mail)).contains("The pack is not attached (too large for mail). The outputs are in <b>https://files.test.example/packs/out</b>");
    }

    @Test
    void aMailThatCannotBeSentLosesNothingAndSaysHowToSendItAgain() throws Exception {
        int nothingListens = ServerSetupTest.SMTP.getPort() + 7;
        Cli cli = close(config("    attempts: 2", nothingListens));
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(4);
        assertThat(cli.err()).contains("o2c: mail not sent: 'Month-end pack Test Company Ltd", "controllers@test.example",
                "send again with: o2c mail --run " + runId(cli));
        assertThat(tmp.resolve("out/ar-aging-summary-2025-10-31.pdf")).exists();
        assertThat(tmp.resolve("out/manifest.json")).exists();
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        // the server is back (the configured one): o2c mail --run sends it
        Path good = config("", ServerSetupTest.SMTP.getPort());
        Cli again = Cli.run("mail", "--run", runId(cli), "--db", store(), "--config", good.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
    }

    @Test
    void whenAControlFailsNoPackGoesOutButAnAlertNamingEveryFailedControl() throws Exception {
        Cli cli = close(config("", ServerSetupTest.SMTP.getPort()));
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        SMTP.reset();
        // the same run's outputs, as they would be had a control failed: the manifest says so
        Path manifest = tmp.resolve("out/manifest.json");
        String text = Files.readString(manifest);
        Matcher first = Pattern.compile("\"name\"\\s*:\\s*\"(records in = loaded \\+ rejected: invoices.csv)\",\\s*\"expected\"\\s*:\\s*\"(\\d+)\",\\s*\"actual\"\\s*:\\s*\"(\\d+)\"")
                .matcher(text);
        assertThat(first.find()).as(text).isTrue();
        Files.writeString(manifest, text.substring(0, first.start(3)) + "1" + text.substring(first.end(3)));

        Cli again = Cli.run("mail", "--run", runId(cli), "--db", store(), "--config", tmp.resolve("config").toString());
        assertThat(again.exitCode()).as(again.err()).isEqualTo(3);
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage alert = received[0];
        assertThat(alert.getAllRecipients()[0].toString()).isEqualTo("it@test.example");
        assertThat(alert.getSubject()).startsWith("ALERT: close Test Company Ltd as of 2025-10-31: 1 of ").endsWith("controls FAILED, no pack sent");
        assertThat(MailParts.html(alert)).contains("<h3>Failed controls</h3>", "<li>records in = loaded + rejected: invoices.csv: expected "
                + first.group(2) + ", actual 1</li>", "<b>FAILED</b>");
        assertThat(MailParts.attachments(alert)).isEmpty();
    }

    @Test
    void aCloseThatStopsSendsTheAlertWithWhatStoppedItAndHowToFinishIt() throws Exception {
        Path config = config("", ServerSetupTest.SMTP.getPort());
        Path input = TestCompany.write(tmp.resolve("input"));
        // a rate the figures need is missing: the close stops (an unreadable file would only fail alone)
        Path rates = input.resolve("fx_rates.csv");
        Files.write(rates, Files.readAllLines(rates).stream().filter(l -> !l.contains(",GBP,")).toList());
        Cli cli = Cli.run("close", "--as-of", TestCompany.AS_OF.toString(), "--input", input.toString(), "--out",
                tmp.resolve("out").toString(), "--db", store(), "--config", config.toString());
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
        Matcher run = Pattern.compile("run (\\S+) FAILED").matcher(cli.out());
        assertThat(run.find()).as(cli.out()).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1); // the alert only: no pack
        assertThat(Arrays.stream(received[0].getAllRecipients()).map(Object::toString)).containsExactly("it@test.example");
        assertThat(received[0].getSubject()).isEqualTo("ALERT: close Test Company Ltd as of 2025-10-31 FAILED, no pack sent");
        assertThat(MailParts.html(received[0])).contains("no exchange rate GBP to USD on or before", "o2c restart " + run.group(1));
    }

    @Test
    void aRecipientThatIsNotAnAddressStopsTheCloseBeforeAnythingIsLoaded() throws Exception {
        Path config = config("", ServerSetupTest.SMTP.getPort());
        Files.writeString(config.resolve("application.yml"),
                Files.readString(config.resolve("application.yml")).replace("cfo@test.example", "the CFO"));
        Cli cli = close(config);
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("o2c: configuration o2c.mail.routes[0].to: 'the CFO' is not a mail address");
        assertThat(tmp.resolve("out")).doesNotExist();
    }
}
