package dev.o2c.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statements as banks send them, through the close: MT940, camt.053 and BAI2 files written
 * here, applied to the generated company's invoices, with their balance checks and duplicates.
 */
class BankStatementsIT {

    @TempDir
    Path tmp;
    Path input;
    String invoice;
    String amount;
    String amountComma;

    @BeforeEach
    void company() throws IOException {
        input = TestCompany.write(tmp.resolve("input"));
        // an open EUR invoice of the company, to pay from the statements below
        List<CSVRecord> invoices = Files2.csv(input.resolve("invoices.csv"));
        java.util.Set<String> touched = new java.util.HashSet<>();
        Files2.csv(input.resolve("receipts.csv")).forEach(r -> touched.add(r.get("invoice_id")));
        invoices.forEach(r -> touched.add(r.get("original_invoice_id")));
        Files2.csv(input.resolve("truth/cash-application.csv")).forEach(r -> touched.add(r.get("invoice_id")));
        CSVRecord open = invoices.stream().filter(r -> r.get("currency").equals("EUR") && r.get("type").equals("INVOICE")
                && r.get("invoice_date").startsWith("2025-10") && !touched.contains(r.get("invoice_id"))).findFirst().orElseThrow();
        invoice = open.get("invoice_id");
        amount = open.get("amount");
        amountComma = amount.replace('.', ',');
    }

    /** The store: embedded H2 unless a test names another. */
    String db;

    Cli close() {
        return Cli.run("close", "--as-of", "2025-10-31", "--input", input.toString(), "--out", tmp.resolve("out").toString(),
                "--db", db != null ? db : "jdbc:h2:file:" + tmp.resolve("store").toAbsolutePath().resolve("o2c"));
    }

    String mt940(String reference, String opening, String closing) {
        return ":20:" + reference + "\r\n:25:DE44500105175407324931\r\n:28C:00017/001\r\n"
                + ":60F:C251030EUR" + opening + "\r\n"
                + ":61:2510301030C" + amountComma + "NTRFNONREF//BK" + reference + "\r\n"
                + ":86:166?00GUTSCHRIFT?20EREF+E2E-1?21SVWZ+Zahlung " + invoice + "?32ACME\r\n"
                + ":62F:C251030EUR" + closing + "\r\n-\r\n";
    }

    List<CSVRecord> rows(String file) {
        return Files2.csv(tmp.resolve("out").resolve(file));
    }

    @Test
    void anMt940CreditNamingAnInvoiceIsAppliedAndItsBalancesTie() throws IOException {
        String closing = new java.math.BigDecimal("1000.00").add(new java.math.BigDecimal(amount)).toPlainString().replace('.', ',');
        Files.writeString(input.resolve("bank/hausbank.sta"), mt940("STMT1", "1000,00", closing));
        Cli result = close();
        assertThat(result.exitCode()).as(result.err()).isZero();
        CSVRecord row = rows("cash-application.csv").stream().filter(r -> r.get("bank_transaction_id").equals("BKSTMT1")).findFirst().orElseThrow();
        assertThat(row.get("status")).isEqualTo("AUTO");
        assertThat(row.get("invoice_id")).isEqualTo(invoice);
        assertThat(row.get("statement_file")).isEqualTo("bank/hausbank.sta");
        assertThat(rows("exceptions.csv")).noneMatch(r -> r.get("category").startsWith("STATEMENT_"));
        assertThat(Files2.read(tmp.resolve("out/manifest.json"))).contains("\"format\": \"mt940\"");
    }

    @Test
    void aBalanceThatDoesNotTieIsAnExceptionNotACrash() throws IOException {
        Files.writeString(input.resolve("bank/hausbank.sta"), mt940("STMT1", "1000,00", "1,00"));
        Cli result = close();
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(rows("exceptions.csv")).anySatisfy(r -> {
            assertThat(r.get("category")).isEqualTo("STATEMENT_BALANCE_BREAK");
            assertThat(r.get("entity_id")).contains("bank/hausbank.sta");
            assertThat(r.get("reason")).contains("but the closing balance is 1.00");
        });
        // and a line in the report, for the controller who reads only the PDF
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(tmp.resolve("out/ar-aging-summary-2025-10-31.pdf").toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(text).contains("1 balance break (exceptions.csv)").contains("but the closing balance is 1.00");
        }
    }

    /** The same on PostgreSQL, where bank lines go in by COPY and a duplicate's reject is written between two COPYs. */
    @Test
    void aStatementLoadedTwiceIsSkippedAndASharedLineIsFlaggedOnPostgres() throws IOException {
        db = TestPostgres.freshDatabase();
        aStatementLoadedTwiceIsSkippedAndASharedLineIsFlagged();
    }

    @Test
    void aStatementLoadedTwiceIsSkippedAndASharedLineIsFlagged() throws IOException {
        String closing = new java.math.BigDecimal("1000.00").add(new java.math.BigDecimal(amount)).toPlainString().replace('.', ',');
        Files.writeString(input.resolve("bank/a.sta"), mt940("STMT1", "1000,00", closing));
        // the same statement again in another file (other bytes: a comment line of the bank's envelope)
        Files.writeString(input.resolve("bank/b.sta"), "{1:F01BANKDEFFXXXX0000000000}{2:O9401200251030BANKDEFFXXXX00000000002510301200N}{4:\r\n"
                + mt940("STMT1", "1000,00", closing).replace("-\r\n", "-}\r\n"));
        // a camt.053 of another statement that books the same bank reference again
        Files.writeString(input.resolve("bank/c.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
                <GrpHdr><MsgId>M1</MsgId><CreDtTm>2025-10-31T10:00:00</CreDtTm></GrpHdr>
                <Stmt><Id>CAMT-2</Id><Acct><Id><IBAN>DE44500105175407324931</IBAN></Id><Ccy>EUR</Ccy></Acct>
                <Ntry><Amt Ccy="EUR">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2025-10-31</Dt></BookgDt>
                <AcctSvcrRef>BKSTMT1</AcctSvcrRef></Ntry>
                </Stmt></BkToCstmrStmt></Document>
                """);
        Cli result = close();
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(rows("exceptions.csv")).anySatisfy(r -> {
            assertThat(r.get("category")).isEqualTo("DUPLICATE_STATEMENT");
            assertThat(r.get("entity_id")).startsWith("bank/b.sta:");
            assertThat(r.get("reason")).contains("was loaded from bank/a.sta already");
        });
        assertThat(rows("exceptions.csv")).anySatisfy(r -> {
            assertThat(r.get("category")).isEqualTo("DUPLICATE_BANK_LINE");
            assertThat(r.get("entity_id")).isEqualTo("bank/c.xml:5");
        });
        assertThat(rows("rejects/bank/b.sta.csv")).hasSize(1);
        assertThat(rows("rejects/bank/c.xml.csv")).singleElement().satisfies(r -> assertThat(r.get("line")).isEqualTo("5"));
        assertThat(rows("cash-application.csv").stream().filter(r -> r.get("bank_transaction_id").equals("BKSTMT1"))).hasSize(1);
        // every control ties, the duplicates counted as rejected
        assertThat(Files2.read(tmp.resolve("out/manifest.json"))).contains("\"controls_passed\": true");
    }

    @Test
    void aNotificationWithoutAccountLoadsAndItsPendingEntryIsShownButNotApplied() throws IOException {
        Files.writeString(input.resolve("bank/avis.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
                <GrpHdr><MsgId>M</MsgId><CreDtTm>2025-10-31T18:00:00</CreDtTm></GrpHdr>
                <Ntfctn><Id>AVIS-1</Id>
                <Ntry><Amt Ccy="EUR">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts><ValDt><Dt>2025-10-31</Dt></ValDt>
                <AcctSvcrRef>PEND-1</AcctSvcrRef>
                <NtryDtls><TxDtls><RmtInf><Ustrd>PAYMENT %s</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                </Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
                """.formatted(amount, invoice));
        Cli result = close();
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(rows("cash-application.csv")).filteredOn(r -> r.get("bank_transaction_id").equals("PEND-1")).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("status")).isEqualTo("UNMATCHED");
                    assertThat(r.get("rule")).isEqualTo("not-booked");
                    assertThat(r.get("statement_file")).isEqualTo("bank/avis.xml");
                });
        assertThat(rows("exceptions.csv")).anySatisfy(r -> {
            assertThat(r.get("category")).isEqualTo("CASH_NOT_BOOKED");
            assertThat(r.get("entity_id")).isEqualTo("PEND-1");
        });
        assertThat(rows("exceptions.csv")).anySatisfy(r -> assertThat(r.get("reason"))
                .isEqualTo("statement AVIS-1 names no account (Acct/Id): read with its account unknown"));
        // the invoice is still open
        assertThat(rows("aging.csv")).anySatisfy(r -> assertThat(r.get("document_id")).isEqualTo(invoice));
        assertThat(CloseJobContract.count("jdbc:h2:file:" + tmp.resolve("store").toAbsolutePath().resolve("o2c"),
                "SELECT COUNT(*) FROM bank_transaction WHERE account = '(unknown account) bank/avis.xml' AND entry_status = 'PDNG'")).isEqualTo(1);
    }

    String lockbox(long fileTotal) {
        String cents = amount.replace(".", "");
        long total = 100000 + 100000 + Long.parseLong(cents) + Long.parseLong(cents);
        return String.join("\n",
                "01,BANK,COMPANY,251031,0600,1,,,2/",
                "02,COMPANY,BANK,1,251030,,EUR,2/",
                "03,DE44500105175407324931,EUR,010,100000,,,015," + (100000 + Long.parseLong(cents)) + ",,/",
                "16,165," + cents + ",0,BAI-REF-1,,PAYMENT " + invoice + ", THANK YOU/",
                "49," + total + ",3/",
                "98," + total + ",1,5/",
                "99," + (fileTotal < 0 ? total : fileTotal) + ",1,7/") + "\n";
    }

    @Test
    void aBai2FileLoadsWithItsControlTotalsChecked() throws IOException {
        Files.writeString(input.resolve("bank/lockbox.bai"), lockbox(-1));
        Cli result = close();
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(rows("cash-application.csv")).anySatisfy(r -> {
            assertThat(r.get("bank_transaction_id")).isEqualTo("BAI-REF-1");
            assertThat(r.get("status")).isEqualTo("AUTO");
        });
    }

    @Test
    void aBai2FileWhoseTrailersDoNotAddUpIsRefusedAloneUnlessConfiguredToNoticeThem() throws IOException {
        Files.writeString(input.resolve("bank/lockbox.bai"), lockbox(1));
        Cli refused = close();
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(3);
        assertThat(refused.err()).contains("o2c: bank/lockbox.bai:7: file control total is 1 in the trailer but the records add up to");
        assertThat(rows("cash-application.csv")).noneSatisfy(r -> assertThat(r.get("bank_transaction_id")).isEqualTo("BAI-REF-1"));

        // a bank known to send wrong trailers: read, each difference an exception
        Path config = Files.createDirectories(tmp.resolve("config"));
        try (java.util.stream.Stream<Path> shipped = Files.walk(Path.of("../config"))) {
            for (Path p : shipped.toList()) {
                Path to = config.resolve(Path.of("../config").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path yml = config.resolve("application.yml");
        String text = Files.readString(yml);
        assertThat(text).contains("bai2-trailers: refuse");
        Files.writeString(yml, text.replace("bai2-trailers: refuse", "bai2-trailers: notice"));
        Cli noticed = Cli.run("close", "--as-of", "2025-10-31", "--input", input.toString(), "--out", tmp.resolve("out").toString(),
                "--db", "jdbc:h2:file:" + tmp.resolve("store").toAbsolutePath().resolve("o2c"), "--config", config.toString());
        assertThat(noticed.exitCode()).as(noticed.err()).isZero();
        assertThat(rows("cash-application.csv")).anySatisfy(r -> assertThat(r.get("bank_transaction_id")).isEqualTo("BAI-REF-1"));
        assertThat(rows("exceptions.csv")).anySatisfy(r -> {
            assertThat(r.get("category")).isEqualTo("BAI2_CONTROL_TOTAL");
            assertThat(r.get("entity_id")).isEqualTo("bank/lockbox.bai:7");
        });
        assertThat(Files2.read(tmp.resolve("out/manifest.json"))).contains("\"bai2_trailers\": \"notice\"");

        // o2c statement reads the file as the close does with the same configuration folder, and the option still wins
        Path file = input.resolve("bank/lockbox.bai");
        Cli shown = Cli.run("statement", file.toString(), "--config", config.toString());
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("1 transactions (1 credits, 0 debits)");
        assertThat(shown.err()).contains("file control total is 1 in the trailer");
        Cli strict = Cli.run("statement", file.toString(), "--config", config.toString(), "--bai2-trailers", "refuse");
        assertThat(strict.exitCode()).isNotZero();
        assertThat(strict.err()).contains(":7: file control total is 1 in the trailer");
    }
}
