package dev.o2c.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ERP extracts through the whole close, on H2 and on PostgreSQL: nightly deltas that change
 * records (the earlier version kept), checks that need the whole file or the store, a file
 * met again under another name, the reject limit, and SAP's own sample extracts read
 * through the shipped profiles.
 */
class ErpExtractsIT {

    /** SAP's sample extracts in the shared samples, found as the other sample tests find them. */
    private static final Path SAP_SAMPLES = Path.of(System.getProperty("o2c.samples", "../../shared/samples")).resolve("erp");

    @TempDir
    Path tmp;

    private String store(String kind) {
        return kind.equals("h2") ? "jdbc:h2:file:" + tmp.resolve("store").toAbsolutePath().resolve("o2c") : TestPostgres.freshDatabase();
    }

    /** The shipped configuration, with another max-rejected-share. */
    private Path config(String inputsSetting) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("config"));
        String shipped = Files.readString(Path.of("../config/application.yml"));
        assertThat(shipped).contains("max-rejected-share: 0.05");
        Files.writeString(dir.resolve("application.yml"), shipped.replace("max-rejected-share: 0.05", inputsSetting));
        Path mappings = Files.createDirectories(dir.resolve("mappings"));
        try (Stream<Path> profiles = Files.list(Path.of("../config/mappings"))) {
            for (Path p : profiles.toList()) {
                Files.copy(p, mappings.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    private Cli close(Path input, Path out, String db, Path config) {
        return Cli.run("close", "--as-of", TestCompany.AS_OF.toString(), "--input", input.toString(), "--out", out.toString(),
                "--db", db, "--config", config.toString());
    }

    private static List<List<String>> query(String db, String sql) throws SQLException {
        try (Connection c = db.startsWith("jdbc:h2:") ? DriverManager.getConnection(db, "", "") : DriverManager.getConnection(db);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row.add(v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v == null ? null : v.toString().trim());
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /**
     * An input directory holding (as links, never copies) one SAP sample set's business partners
     * and sales orders, and an empty invoices file (a close needs one).
     */
    private Path sapInput(String set) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SAP_SAMPLES), "../shared/samples/erp is not here: SAP sample extracts not tested");
        Path input = Files.createDirectories(tmp.resolve("input"));
        for (String extract : List.of("BusinessPartners", "SalesOrders")) {
            String name = "SAP-samples-datasphere-content__" + set + "-" + extract + ".csv";
            Files.createSymbolicLink(input.resolve(name), SAP_SAMPLES.resolve(name).toAbsolutePath());
        }
        Files.writeString(input.resolve("invoices.csv"), "invoice_id,customer_id,invoice_date,due_date,currency,amount\n");
        return input;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDeltaChangesRecordsByKeyKeepsTheEarlierVersionAndIsNeverLoadedTwice(String kind) throws IOException, SQLException {
        Path input = TestCompany.write(tmp.resolve("input"));
        String db = store(kind);
        Path config = config("max-rejected-share: 0.9");
        Cli first = close(input, tmp.resolve("out1"), db, config);
        assertThat(first.exitCode()).as(first.err()).isZero();

        List<String> invoices = Files.readAllLines(input.resolve("invoices.csv"));
        List<String> header = List.of(invoices.get(0).split(",", -1));
        String[] changed = invoices.get(1).split(",", -1);
        String id = changed[header.indexOf("invoice_id")];
        String oldAmount = changed[header.indexOf("amount")];
        changed[header.indexOf("amount")] = new BigDecimal(oldAmount).add(BigDecimal.TEN).toPlainString();
        String[] added = invoices.get(1).split(",", -1);
        added[header.indexOf("invoice_id")] = "NEW-1";
        String[] memo = invoices.get(1).split(",", -1);
        memo[header.indexOf("invoice_id")] = "CM-X";
        memo[header.indexOf("type")] = "CREDIT_MEMO";
        memo[header.indexOf("original_invoice_id")] = "NO-SUCH-INVOICE";
        // a credit memo naming an invoice further down the same file is kept
        String[] memoAbove = memo.clone();
        memoAbove[header.indexOf("invoice_id")] = "CM-ABOVE";
        memoAbove[header.indexOf("original_invoice_id")] = "NEW-BELOW";
        String[] below = added.clone();
        below[header.indexOf("invoice_id")] = "NEW-BELOW";
        String delta = invoices.get(0) + "\n" + String.join(",", changed) + "\n" + String.join(",", added) + "\n"
                + String.join(",", added).replace(oldAmount, "1.00") + "\n" + String.join(",", memo) + "\n"
                + String.join(",", memoAbove) + "\n" + String.join(",", below) + "\n";
        Files.writeString(input.resolve("invoices-delta-2025-11-01.csv"), delta);
        Files.writeString(input.resolve("receipts-delta-2025-11-01.csv"), "receipt_id,customer_id,receipt_date,currency,amount,invoice_id,bank_reference\n"
                + "RX-1," + changed[header.indexOf("customer_id")] + ",2025-10-30," + changed[header.indexOf("currency")] + ",1.00," + id + ",B-1\n"
                + "RX-1," + changed[header.indexOf("customer_id")] + ",2025-10-31," + changed[header.indexOf("currency")] + ",1.00,NEW-1,B-1\n"
                + "RX-2," + changed[header.indexOf("customer_id")] + ",2025-10-31," + changed[header.indexOf("currency")] + ",1.00,GHOST,\n");

        Cli second = close(input, tmp.resolve("out2"), db, config);
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(query(db, "SELECT amount FROM ar_document WHERE document_id = '" + id + "'"))
                .containsExactly(List.of(new BigDecimal(changed[header.indexOf("amount")]).stripTrailingZeros().toPlainString()));
        assertThat(query(db, "SELECT amount FROM ar_document_version WHERE document_id = '" + id + "'"))
                .containsExactly(List.of(new BigDecimal(oldAmount).stripTrailingZeros().toPlainString()));
        assertThat(query(db, "SELECT COUNT(*) FROM ar_document WHERE document_id = 'NEW-1'")).containsExactly(List.of("1"));
        assertThat(query(db, "SELECT document_type, original_invoice_id FROM ar_document WHERE document_id = 'CM-ABOVE'"))
                .containsExactly(List.of("CREDIT_MEMO", "NEW-BELOW"));
        // an unchanged record keeps its version and its source file; only the changed one has a version
        assertThat(query(db, "SELECT COUNT(*) FROM ar_document WHERE source_sha256 = (SELECT sha256 FROM input_file"
                + " WHERE name = 'invoices-delta-2025-11-01.csv')")).containsExactly(List.of("4"));

        List<CSVRecord> rejects = Files2.csv(tmp.resolve("out2/rejects/invoices-delta-2025-11-01.csv"));
        assertThat(rejects).extracting(r -> r.get("line") + ": " + r.get("reason")).containsExactly(
                "4: duplicate invoice_id 'NEW-1': line 4 repeats line 3, which was kept",
                "5: original_invoice_id 'NO-SUCH-INVOICE' is not a known invoice");
        assertThat(Files2.csv(tmp.resolve("out2/rejects/receipts-delta-2025-11-01.csv")))
                .extracting(r -> r.get("line") + ": " + r.get("reason")).containsExactly(
                        "3: receipt RX-1 disagrees with its row at line 2 on customer_id, receipt_date, currency or bank_reference",
                        "4: invoice_id 'GHOST' is not a known invoice");
        String manifest = Files2.read(tmp.resolve("out2/manifest.json"));
        assertThat(manifest).contains("\"file\": \"invoices-delta-2025-11-01.csv\"");

        // the same delta again under another name: recognised by its content, skipped, nothing changes
        Files.copy(input.resolve("invoices-delta-2025-11-01.csv"), input.resolve("invoices-delta-copy.csv"));
        List<List<String>> before = query(db, "SELECT document_id, amount, source_sha256 FROM ar_document ORDER BY document_id");
        Cli third = close(input, tmp.resolve("out3"), db, config);
        assertThat(third.exitCode()).as(third.err()).isZero();
        assertThat(third.err()).contains("invoices-delta-copy.csv: already loaded");
        assertThat(query(db, "SELECT document_id, amount, source_sha256 FROM ar_document ORDER BY document_id")).isEqualTo(before);
        assertThat(query(db, "SELECT COUNT(*) FROM ar_document_version")).containsExactly(List.of("1"));
    }

    @Test
    void aFileWithMoreRejectsThanTheLimitFailsItsControlAndTheCloseExitsThree() throws IOException {
        Path input = TestCompany.write(tmp.resolve("input"));
        Files.writeString(input.resolve("fx_rates-bad.csv"), "date,currency,rate\n2025-10-01,EUR,1.1\n2025-10-02,EUR,x\n");
        Cli result = close(input, tmp.resolve("out"), store("h2"), Path.of("../config"));
        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        assertThat(result.err()).contains("o2c: control failed: rejected records above the 5 % limit: fx_rates-bad.csv (expected 0, actual 1)");
        assertThat(result.out()).contains("at least one control FAILED");
        assertThat(Files2.csv(tmp.resolve("out/rejects/fx_rates-bad.csv"))).hasSize(1);
    }

    @Test
    void sapSampleExtractsLoadThroughTheShippedProfiles() throws IOException {
        Path input = sapInput("SAP_Sample_Content-Sales");
        String db = store("h2");
        // SAP's sample repeats 1,211 order ids with other amounts: 1,467 of 5,166 rows are second occurrences
        Cli strict = close(input, tmp.resolve("out"), db, Path.of("../config"));
        assertThat(strict.exitCode()).as(strict.err()).isEqualTo(3);
        assertThat(strict.err()).contains("rejected records above the 5 % limit: SAP-samples-datasphere-content__SAP_Sample_Content-Sales-SalesOrders.csv");
        String manifest = Files2.read(tmp.resolve("out/manifest.json"));
        assertThat(manifest).contains("\"format\": \"csv:sap-datasphere-business-partners\"", "\"records\": 40", "\"loaded\": 40",
                "\"format\": \"csv:sap-datasphere-sales-orders\"", "\"records\": 5166", "\"loaded\": 3699", "\"rejected\": 1467");
        List<CSVRecord> rejects = Files2.csv(tmp.resolve("out/rejects/SAP-samples-datasphere-content__SAP_Sample_Content-Sales-SalesOrders.csv"));
        assertThat(rejects.get(0).get("reason")).isEqualTo("duplicate order_id '200000018': line 15 repeats line 14, which was kept");
        assertThat(rejects.get(0).get("raw")).startsWith("200000018;1;20150124;").contains("35247,63");

        // a company that accepts such a file says so in its configuration: the same store, nothing loaded again
        Cli lenient = close(input, tmp.resolve("out-lenient"), db, config("max-rejected-share: 0.3"));
        assertThat(lenient.exitCode()).as(lenient.err()).isZero();
        assertThat(lenient.err()).contains("already loaded");
    }

    @Test
    void bikesSampleWithCommasAndLeadingZerosThroughTheSameProfiles() throws IOException {
        Path input = sapInput("Sample_Bikes_Sales_content");
        String db = store("h2");
        Cli result = close(input, tmp.resolve("out"), db, Path.of("../config"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        String manifest = Files2.read(tmp.resolve("out/manifest.json"));
        assertThat(manifest).contains("\"format\": \"csv:sap-datasphere-sales-orders\"", "\"records\": 334", "\"loaded\": 334");
    }
}
