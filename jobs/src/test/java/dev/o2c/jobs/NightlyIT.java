package dev.o2c.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code o2c nightly}: load, reconcile, the night's cash-application report and the exceptions
 * mail, through a real SMTP server (GreenMail); the same bytes run after run; figures that agree
 * with the month-end close's for the same bank credits; the alert when it stops.
 */
class NightlyIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @TempDir
    Path tmp;

    private Path config() throws IOException {
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
                        reports: [pdf]
                        to: [controllers@test.example]
                    alert-to: [it@test.example]
                    nightly-to: [ar-team@test.example]
                    retry-delay: 0s
                spring:
                  mail:
                    host: localhost
                    port: %d
                """.formatted(ServerSetupTest.SMTP.getPort()));
        return dir;
    }

    private String store() {
        return "jdbc:h2:file:" + tmp.resolve("store").toAbsolutePath().resolve("o2c");
    }

    private Cli run(String command, Path input, String out) throws IOException {
        return Cli.run(command, "--as-of", TestCompany.AS_OF.toString(), "--input", input.toString(), "--out",
                tmp.resolve(out).toString(), "--db", store(), "--config", config().toString());
    }

    @Test
    void aNightlyReportsTheNightsCreditsAndMailsTheExceptionsToTheTeam() throws Exception {
        Path input = TestCompany.write(tmp.resolve("input"));
        Cli cli = run("nightly", input, "out");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        Matcher id = Pattern.compile("nightly 2025-10-31: run (nightly-2025-10-31-[0-9a-f]{12}) done").matcher(cli.out());
        assertThat(id.find()).as(cli.out()).isTrue();
        assertThat(cli.out()).contains("report     COMPLETED", "cash application: " + tmp.resolve("out/cash-application.csv"));
        Path out = tmp.resolve("out");
        assertThat(Files2.hashes(out)).containsOnlyKeys("cash-application.csv", "cash-application-daily.json", "exceptions.csv",
                "cash-application-2025-10-31.xlsx", "manifest.json");

        // the figures: every bank credit of the statements once, under one status; the statuses add up
        JsonNode daily = CloseJobContract.JSON.readTree(Files.readString(out.resolve("cash-application-daily.json")));
        JsonNode cash = daily.get("cash_application");
        List<CSVRecord> rows = Files2.csv(out.resolve("cash-application.csv"));
        Map<String, List<CSVRecord>> byCredit = new LinkedHashMap<>();
        rows.forEach(r -> byCredit.computeIfAbsent(r.get("bank_transaction_id"), k -> new java.util.ArrayList<>()).add(r));
        long credits = cash.get("bank_credits_count").asLong();
        assertThat(credits).isPositive().isEqualTo(byCredit.size());
        long sum = 0;
        for (String status : List.of("auto", "suggested", "on_account", "unmatched", "reconciled")) {
            sum += cash.get(status + "_count").asLong();
        }
        assertThat(sum).isEqualTo(credits);
        assertThat(daily.get("to_work_count").asLong()).isEqualTo(cash.get("suggested_count").asLong()
                + cash.get("on_account_count").asLong() + cash.get("unmatched_count").asLong());
        assertThat(daily.get("statement_files")).hasSizeGreaterThan(1);
        long exceptionRows = Files2.csv(out.resolve("exceptions.csv")).size();
        assertThat(daily.get("exceptions_count").asLong()).isEqualTo(exceptionRows);

        // the exceptions mail, to the team only, with the report attached as written
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(Arrays.stream(mail.getAllRecipients()).map(Object::toString)).containsExactly("ar-team@test.example");
        assertThat(mail.getSubject()).isEqualTo("Nightly Test Company Ltd as of 2025-10-31: " + credits + " bank credits, "
                + daily.get("to_work_count").asLong() + " to work, " + exceptionRows + " exceptions");
        String html = MailParts.html(mail);
        assertThat(html).contains("AUTO (applied in full)", "<b>" + daily.get("to_work_count").asLong() + "</b> credits wait for a person",
                "Exceptions: " + exceptionRows, "records in = loaded + rejected: invoices.csv",
                "Attached: cash-application-2025-10-31.xlsx (sheets To work, All rows, Exceptions)");
        assertThat(html).doesNotContain("FAILED");
        List<BodyPart> attachments = MailParts.attachments(mail);
        assertThat(attachments).extracting(BodyPart::getFileName).containsExactly("cash-application-2025-10-31.xlsx");
        byte[] xlsx = attachments.get(0).getInputStream().readAllBytes();
        assertThat(xlsx).isEqualTo(Files.readAllBytes(out.resolve("cash-application-2025-10-31.xlsx")));
        // the workbook holds the CSV's rows: all of them, those a person works, and the exceptions
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Summary");
            assertThat(wb.getSheet("All rows").getLastRowNum()).isEqualTo(rows.size());
            long toWork = rows.stream().filter(r -> List.of("SUGGESTED", "ON_ACCOUNT", "UNMATCHED").contains(r.get("status"))).count();
            assertThat(wb.getSheet("To work").getLastRowNum()).isEqualTo(toWork);
            assertThat(wb.getSheet("Exceptions").getLastRowNum()).isEqualTo(exceptionRows);
            assertThat(wb.getSheet("All rows").getRow(1).getCell(0).getStringCellValue()).isEqualTo(rows.get(0).get("bank_transaction_id"));
            assertThat(wb.getSheet("Summary").getRow(9).getCell(0).getStringCellValue()).isEqualTo("Bank credits");
            assertThat(wb.getSheet("Summary").getRow(9).getCell(1).getNumericCellValue()).isEqualTo(credits);
        }

        // again, into another folder: the same bytes; both attempts listed as nightly runs
        Cli again = run("nightly", input, "out-again");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files2.hashes(tmp.resolve("out-again"))).isEqualTo(Files2.hashes(out));
        Cli runs = Cli.run("runs", "--json", "--db", store(), "--config", config().toString());
        JsonNode attempts = CloseJobContract.JSON.readTree(runs.out());
        assertThat(attempts).hasSize(2);
        attempts.forEach(a -> assertThat(a.get("kind").asString()).isEqualTo("nightly"));

        // the month-end close on the same store counts the same credits the same way
        Cli close = run("close", input, "close-out");
        assertThat(close.exitCode()).as(close.err()).isZero();
        JsonNode kpis = CloseJobContract.JSON.readTree(Files.readString(tmp.resolve("close-out/kpis.json"))).get("cash_application");
        Map<String, String> nightlyFigures = new HashMap<>();
        Map<String, String> closeFigures = new HashMap<>();
        for (String key : List.of("bank_credits_count", "bank_credits_amount", "auto_count", "auto_amount", "suggested_count",
                "on_account_count", "unmatched_count", "unmatched_amount", "reconciled_count")) {
            nightlyFigures.put(key, cash.get(key).asString());
            closeFigures.put(key, kpis.get(key).asString());
        }
        assertThat(nightlyFigures).isEqualTo(closeFigures);

        // o2c mail --run ID sends the nightly's mail again
        Cli mailAgain = Cli.run("mail", "--run", id.group(1), "--db", store(), "--config", config().toString());
        assertThat(mailAgain.exitCode()).as(mailAgain.err()).isZero();
        // the first nightly's, the second's, and this one: each the same mail
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).filter(m -> subject(m).startsWith("Nightly")).map(NightlyIT::subject))
                .containsExactly(mail.getSubject(), mail.getSubject(), mail.getSubject());
    }

    @Test
    void theNextNightReportsOnlyItsOwnCreditsAndTheirExceptions() throws Exception {
        Path input = TestCompany.write(tmp.resolve("input"));
        Cli first = run("nightly", input, "night-1");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(Files2.csv(tmp.resolve("night-1/exceptions.csv")).stream().filter(r -> r.get("category").startsWith("CASH_")))
                .isNotEmpty();
        // the next night's folder: the same extracts (already loaded) and one new statement with one credit nobody can place
        Path next = tmp.resolve("input-2");
        Files.createDirectories(next.resolve("bank"));
        Files.copy(input.resolve("customers.csv"), next.resolve("customers.csv"));
        Files.copy(input.resolve("invoices.csv"), next.resolve("invoices.csv"));
        Files.writeString(next.resolve("bank/night-2.csv"), """
                transaction_id,account,currency,booking_date,value_date,amount,counterparty_name,counterparty_account,remittance_info
                NIGHT2-0001,US00NIGHT2,USD,2025-11-01,2025-11-01,1234.56,NOBODY WE KNOW LTD,GB00NOBODY,thanks
                """);
        Cli second = Cli.run("nightly", "--as-of", "2025-11-01", "--input", next.toString(), "--out", tmp.resolve("night-2").toString(),
                "--db", store(), "--config", config().toString());
        assertThat(second.exitCode()).as(second.err()).isZero();
        List<CSVRecord> rows = Files2.csv(tmp.resolve("night-2/cash-application.csv"));
        assertThat(rows).extracting(r -> r.get("bank_transaction_id")).containsOnly("NIGHT2-0001");
        assertThat(rows).extracting(r -> r.get("status")).containsOnly("UNMATCHED");
        List<CSVRecord> exceptions = Files2.csv(tmp.resolve("night-2/exceptions.csv"));
        assertThat(exceptions.stream().filter(r -> r.get("category").startsWith("CASH_")).map(r -> r.get("entity_id")))
                .containsOnly("NIGHT2-0001").isNotEmpty();
        JsonNode daily = CloseJobContract.JSON.readTree(Files.readString(tmp.resolve("night-2/cash-application-daily.json")));
        assertThat(daily.get("cash_application").get("bank_credits_count").asLong()).isEqualTo(1);
        assertThat(daily.get("exceptions_count").asLong()).isEqualTo(exceptions.size());
    }

    @Test
    void aNightlyThatStopsAlertsWithWhatStoppedItAndHowToFinishIt() throws Exception {
        Path input = TestCompany.write(tmp.resolve("input"));
        // a rate the report needs is missing: the nightly stops (an unreadable file would only fail alone)
        Path rates = input.resolve("fx_rates.csv");
        List<String> allRates = Files.readAllLines(rates);
        Files.write(rates, allRates.stream().filter(l -> !l.contains(",GBP,")).toList());
        Cli cli = run("nightly", input, "out");
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
        assertThat(cli.err()).contains("no exchange rate GBP to USD on or before");
        Matcher id = Pattern.compile("run (\\S+) FAILED").matcher(cli.out());
        assertThat(id.find()).as(cli.out()).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(Arrays.stream(received[0].getAllRecipients()).map(Object::toString)).containsExactly("it@test.example");
        assertThat(received[0].getSubject()).isEqualTo("ALERT: nightly Test Company Ltd as of 2025-10-31 FAILED, no report sent");
        assertThat(MailParts.html(received[0])).contains("o2c restart " + id.group(1), "the same nightly command again");

        // the rates mended: the input changed, so the same run is not restarted; a new one finishes
        Files.write(rates, allRates);
        Cli refused = Cli.run("restart", id.group(1), "--db", store(), "--config", config().toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("cannot restart run " + id.group(1), "start a new run with o2c nightly instead");
        Cli fresh = run("nightly", input, "out");
        assertThat(fresh.exitCode()).as(fresh.err()).isZero();
    }

    @Test
    void aRunIdThatIsNoneOfOursIsAUsageError() throws Exception {
        Cli cli = Cli.run("restart", "monthly-2025-10-31-abc", "--db", store(), "--config", config().toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("'monthly-2025-10-31-abc' is not a run id (they start with close- or nightly-)");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
