package dev.o2c.jobs.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.o2c.domain.bank.Balance;
import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.bank.TransactionDetail;
import dev.o2c.jobs.close.InputDirectory;
import dev.o2c.jobs.config.BankCsvProfiles;
import dev.o2c.readers.bank.BankCsvProfile;
import dev.o2c.readers.bank.BankCsvReader;
import dev.o2c.readers.bank.BankFormat;
import dev.o2c.readers.bank.CsvStatements;
import dev.o2c.readers.bank.ReadingRules;
import dev.o2c.readers.bank.StatementReader;
import dev.o2c.readers.bank.StatementReaders;
import dev.o2c.readers.csv.InputFormatException;
import dev.o2c.readers.csv.Outcome;
import dev.o2c.readers.csv.RecordReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our bank statement readers against what each real-world sample's own library says of it
 * (../shared/samples: MANIFEST.tsv and the *.expected.* files, never copied here). Positive
 * files must agree on statement count, balances, entry count and each entry's signed amount
 * and dates wherever the expectation states them; NEGATIVE files must fail with
 * {@code FILE:LINE: reason}. The pass table lands in target/statement-conformance.md
 * (copied into docs/formats.md).
 */
class StatementSamplesTest {

    static final Path SAMPLES = Path.of(System.getProperty("o2c.samples", "../../shared/samples"));
    static final List<String> FORMATS = List.of("bai2", "mt940", "mt942", "camt052", "camt053", "camt054", "csv");
    static final JsonMapper JSON = JsonMapper.builder().build();

    record Entry(BigDecimal amount, LocalDate booking, LocalDate value) {
    }

    /**
     * Where the sample's library is demonstrably not reading the file (checked by hand against
     * the file's own lines): reported as such in the table, not counted against us.
     */
    static final Map<String, String> UPSTREAM_MISREADS = Map.of(
            "mt940/wolph-mt940__self-provided-raphaelm.sta",
            "the last :62F: is C020324 95000,00 without a currency; wolph/mt940 takes 950 as the currency and 0.00 as the amount",
            "mt940/OCA-bank-statement-import__base-test-wrong-file.940",
            "a well-formed Rabobank MT940; OCA's test feeds it to a parser set up for another bank's header, which must refuse it");

    /** What a source says of a file; null fields are not stated. */
    static final class Expectation {
        String source;
        Integer statements;
        Integer entries;
        List<Entry> entryList;
        BigDecimal firstOpening;
        BigDecimal lastClosing;
        BigDecimal lastFinalOpening;
        BigDecimal lastFinalClosing;
        List<BigDecimal[]> statementBalances; // per statement {opening, closing}, nulls where not stated
        boolean flattenDetails;
        boolean ocaConventions; // OCA leaves out statements without lines and writes 0.0 for absent balances
        Map<String, List<Entry>> byStatementId;
        Map<String, BigDecimal[]> balancesById;
    }

    record Result(String file, String format, String kind, boolean passed, String note) {
    }

    /**
     * What OCA's own tests assert of their spreadsheet samples (account_statement_import_sheet_file,
     * test_account_statement_import_sheet_file.py): {lines, first amount or null, opening or null, closing or null}.
     * OCA imports into a journal of one currency: multi_currency.csv keeps only its USD line there.
     */
    static final Map<String, String[]> OCA_SHEET_TESTS = Map.of(
            "csv/OCA-bank-statement-import__sample_statement_en.csv", new String[]{"2", null, null, null},
            "csv/OCA-bank-statement-import__original_currency.csv", new String[]{"1", "1525.00", null, null},
            "csv/OCA-bank-statement-import__multi_currency.csv", new String[]{"1", "-33.50", null, null, "USD"},
            "csv/OCA-bank-statement-import__debit_credit.csv", new String[]{"2", null, "10.00", "1510.00"});

    @Test
    void ourReadersAgreeWithEachSamplesOwnLibrary() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES), "../shared/samples is absent: the statement conformance test did not run");
        List<BankCsvProfile> profiles = BankCsvProfiles.load(Path.of("../config/bank-csv"));
        List<Result> results = new ArrayList<>();
        for (String[] row : manifest()) {
            String file = row[0];
            String format = row[1];
            String expectation = row[6];
            if (!FORMATS.contains(format)) {
                continue;
            }
            Path path = SAMPLES.resolve(file);
            // "NEGATIVE (as BTRS v3):", and rows judged here where a strict reader should refuse
            boolean negative = expectation.startsWith("NEGATIVE") || expectation.contains("NEGATIVE:")
                    || expectation.contains("A strict reader should reject it");
            boolean notAStatement = expectation.contains("NOT a raw BAI2 file");
            List<BankStatement> parsed = null;
            String failure = null;
            try {
                parsed = parse(path, file, profiles, ReadingRules.STANDARD);
            } catch (InputFormatException e) {
                failure = e.getMessage();
            }
            String trailers = null;
            if (!negative && failure != null && failure.contains("in the trailer but") && failure.matches(Pattern.quote(file) + ":\\d+: .+")) {
                // BAI2 trailers that do not match the records: refused by default, as the standard
                // asks; these files are judged on what they read with the leniency a user can set
                trailers = failure.substring(file.length() + 1);
                trailers = trailers.substring(0, trailers.indexOf(" (refused"));
                try {
                    parsed = parse(path, file, profiles, new ReadingRules(true));
                    failure = null;
                } catch (InputFormatException e) {
                    failure = e.getMessage();
                }
            }
            if (UPSTREAM_MISREADS.containsKey(file)) {
                results.add(new Result(file, format, "upstream misreads", failure == null,
                        (failure == null ? "read; " : "refused: " + failure + "; ") + UPSTREAM_MISREADS.get(file)));
                continue;
            }
            if (negative || notAStatement) {
                boolean clear = failure != null && failure.matches(Pattern.quote(file) + ":\\d+: .+");
                results.add(new Result(file, format, negative ? "negative" : "not a statement", clear,
                        clear ? "refused: " + failure.substring(file.length() + 1) : failure == null ? "parsed, but must be refused" : "refused without a line: " + failure));
                continue;
            }
            String positive = "positive";
            String prefix = trailers == null ? "" : "refused by default (" + trailers + "); with o2c.inputs.bai2-trailers: notice ";
            if (failure != null) {
                results.add(new Result(file, format, positive, false, prefix + "refused: " + failure.substring(Math.min(failure.length(), file.length() + 1))));
                continue;
            }
            Expectation e = expectation(path, expectation);
            if (e == null) {
                results.add(new Result(file, format, positive, false, prefix + "read " + parsed.size() + " statement(s); its golden is in a layout"
                        + " this test does not read"));
                continue;
            }
            if (OCA_SHEET_TESTS.containsKey(file)) {
                String[] f = OCA_SHEET_TESTS.get(file);
                if (f.length > 4) {
                    // the journal's currency only
                    parsed = parsed.stream().filter(s -> s.currency().getCurrencyCode().equals(f[4])).toList();
                }
                e.source = "OCA's test assertions";
                e.entries = Integer.valueOf(f[0]);
                e.entryList = f[1] == null ? null : List.of(new Entry(new BigDecimal(f[1]), null, null));
                e.firstOpening = f[2] == null ? null : new BigDecimal(f[2]);
                e.lastClosing = f[3] == null ? null : new BigDecimal(f[3]);
            } else if (e.statements == null && e.entries == null && e.entryList == null && e.firstOpening == null
                    && e.lastClosing == null && e.byStatementId == null) {
                results.add(new Result(file, format, "no figures upstream", true,
                        prefix + "read " + parsed.size() + " statement(s), " + parsed.stream().mapToInt(s -> s.transactions().size()).sum()
                        + " lines; the sample's source states no figures to compare"));
                continue;
            }
            List<String> differences = compare(e, parsed);
            results.add(new Result(file, format, positive, differences.isEmpty(),
                    prefix + (differences.isEmpty() ? "agrees with " + e.source : String.join("; ", differences))));
        }
        long positives = results.stream().filter(r -> r.kind().equals("positive")).count();
        long agreeing = results.stream().filter(r -> r.kind().equals("positive") && r.passed()).count();
        String table = table(results, positives, agreeing);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/statement-conformance.md"), table);
        assertThat(results.stream().filter(r -> (r.kind().equals("negative") || r.kind().equals("not a statement")) && !r.passed()).toList())
                .as("every NEGATIVE file fails with FILE:LINE: reason").isEmpty();
        assertThat(agreeing * 100.0 / positives).as("share of positive files that agree, see target/statement-conformance.md")
                .isGreaterThanOrEqualTo(98.0);
    }

    static List<String[]> manifest() throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(SAMPLES.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split("\t", -1));
            }
        }
        rows.sort((a, b) -> a[0].compareTo(b[0]));
        return rows;
    }

    static List<BankStatement> parse(Path path, String name, List<BankCsvProfile> profiles, ReadingRules rules) {
        BankFormat format = BankFormat.detect(path, name);
        String sha = InputDirectory.sha256(path);
        if (format == BankFormat.CSV) {
            BankCsvProfile profile = InputDirectory.csvProfile(path, name, profiles);
            List<BankTransaction> lines = new ArrayList<>();
            try (RecordReader<BankTransaction> reader = BankCsvReader.open(path, name, sha, profile)) {
                while (reader.hasNext()) {
                    Outcome<BankTransaction> o = reader.next();
                    if (o instanceof Outcome.Rejected<BankTransaction> r) {
                        throw new InputFormatException(name, r.line(), r.reject().reason());
                    }
                    lines.add(((Outcome.Loaded<BankTransaction>) o).value());
                }
            }
            return CsvStatements.group(lines);
        }
        try (StatementReader reader = StatementReaders.open(format, path, name, sha, rules)) {
            return reader.readAll();
        }
    }

    // --- expectations -------------------------------------------------------------------

    static Expectation expectation(Path path, String manifestText) throws IOException {
        Path yml = Path.of(path + ".expected.yml");
        Path json = Path.of(path + ".expected.json");
        Path pydata = Path.of(path + ".expected.pydata");
        Expectation e;
        if (Files.exists(yml)) {
            e = wolph(yml);
        } else if (Files.exists(json)) {
            String text = Files.readString(json, StandardCharsets.UTF_8);
            if (text.contains("\"getRecords\"")) {
                e = genkgo(json);
            } else if (text.contains("\"openingBalance\"") || text.contains("\"closingBalance\"")) {
                e = webschik(text);
            } else if (text.contains("\"funds_code\"") || text.contains("\"balance_type\"")) {
                e = myFlow(text);
            } else if (text.contains("\"BTRSfile\"")) {
                e = btrsToJson(text);
            } else {
                return null;
            }
        } else if (Files.exists(pydata)) {
            e = oca(pydata);
        } else {
            e = new Expectation();
            e.source = "the manifest's figures";
        }
        facts(e, manifestText, Files.exists(yml), path.toString().contains("/bai2/") ? bai2Counts(path) : null);
        return e;
    }

    /** wolph/mt940: every transaction (all statements), and the file's last final balances. */
    @SuppressWarnings("unchecked")
    static Expectation wolph(Path yml) throws IOException {
        Map<String, Object> root = (Map<String, Object>) PythonYaml.load(Files.readString(yml, StandardCharsets.UTF_8));
        Expectation e = new Expectation();
        e.source = "wolph/mt940's golden file";
        Map<String, Object> data = (Map<String, Object>) root.get("data");
        e.lastFinalOpening = balance(data.get("final_opening_balance"));
        e.lastFinalClosing = balance(data.get("final_closing_balance"));
        List<Entry> entries = new ArrayList<>();
        for (Object t : (List<Object>) root.getOrDefault("transactions", List.of())) {
            Map<String, Object> d = (Map<String, Object>) ((Map<String, Object>) t).get("data");
            Map<String, Object> amount = (Map<String, Object>) d.get("amount");
            entries.add(new Entry((BigDecimal) amount.get("amount"), (LocalDate) d.get("entry_date"), (LocalDate) d.get("date")));
        }
        e.entryList = entries;
        e.entries = entries.size();
        return e;
    }

    @SuppressWarnings("unchecked")
    static BigDecimal balance(Object b) {
        if (!(b instanceof Map<?, ?> m)) {
            return null;
        }
        return (BigDecimal) ((Map<String, Object>) m.get("amount")).get("amount");
    }

    /** genkgo/camt: records, and every entry with amounts in minor units. */
    static Expectation genkgo(Path json) throws IOException {
        JsonNode root = JSON.readTree(Files.readString(json, StandardCharsets.UTF_8));
        Expectation e = new Expectation();
        e.source = "genkgo/camt's golden file";
        e.statements = root.get("getRecords").size();
        // The dump's message-level entries are those of one record when there are several: compare by record id.
        e.byStatementId = new TreeMap<>();
        e.balancesById = new TreeMap<>();
        for (JsonNode entry : root.get("getEntries")) {
            JsonNode record = entry.get("getRecord");
            String id = record.get("getId").asString();
            e.byStatementId.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(new Entry(minor(entry.get("getAmount")), date(entry.get("getBookingDate")), date(entry.get("getValueDate"))));
            BigDecimal[] balances = new BigDecimal[2];
            JsonNode list = record.get("getBalances");
            for (JsonNode b : list == null ? JSON.createArrayNode() : list) {
                String type = b.get("getType").asString();
                if (type.equals("opening") && balances[0] == null) {
                    balances[0] = minor(b.get("getAmount"));
                } else if (type.equals("closing")) {
                    balances[1] = minor(b.get("getAmount"));
                }
            }
            e.balancesById.put(id, balances);
        }
        return e;
    }

    static BigDecimal minor(JsonNode money) {
        String code = money.get("getCurrency").get("getCode").asString();
        int digits = java.util.Currency.getInstance(code).getDefaultFractionDigits();
        return new BigDecimal(new java.math.BigInteger(money.get("getAmount").asString()), digits);
    }

    static LocalDate date(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDate.parse(node.get("0").asString().substring(0, 10));
    }

    /** webschik/mt940-js: statements with signed balances and entries, amounts as JavaScript numbers. */
    static Expectation webschik(String text) {
        JsonNode root = JSON.readTree(text);
        Expectation e = new Expectation();
        e.source = "webschik/mt940-js's golden file";
        e.statements = root.size();
        e.statementBalances = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (JsonNode s : root) {
            e.statementBalances.add(new BigDecimal[]{signed(s.get("openingBalance")), signed(s.get("closingBalance"))});
            for (JsonNode t : s.get("transactions")) {
                entries.add(new Entry(signed(t), iso(t.get("entryDate")), iso(t.get("valueDate"))));
            }
        }
        e.entryList = entries;
        e.entries = entries.size();
        return e;
    }

    static BigDecimal signed(JsonNode amount) {
        if (amount == null || amount.isNull()) {
            return null;
        }
        BigDecimal v = new BigDecimal((amount.has("value") ? amount.get("value") : amount.get("amount")).asString());
        return amount.get("isCredit").asBoolean() ? v : v.negate();
    }

    static LocalDate iso(JsonNode date) {
        return date == null || date.isNull() || date.asString().isEmpty() ? null : LocalDate.parse(date.asString().substring(0, 10));
    }

    /**
     * my-flow/mt940: per message the library's tag objects (lenient JSON, trailing commas):
     * balances (balance_type, sign, amount; the first is the opening, the last the closing) and
     * entries (funds_code debit or credit, amount, value and entry dates).
     */
    static Expectation myFlow(String text) {
        JsonNode root = tools.jackson.databind.json.JsonMapper.builder()
                .enable(tools.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_COMMA).build().readTree(text);
        Expectation e = new Expectation();
        e.source = "my-flow/mt940's golden file";
        e.statements = root.size();
        e.statementBalances = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (JsonNode message : root) {
            List<BigDecimal> balances = new ArrayList<>();
            for (JsonNode tag : message) {
                if (tag.has("balance_type")) {
                    BigDecimal v = new BigDecimal(tag.get("amount").asString());
                    balances.add(tag.get("sign").asString().equals("debit") ? v.negate() : v);
                } else if (tag.has("funds_code")) {
                    BigDecimal v = new BigDecimal(tag.get("amount").asString());
                    String funds = tag.get("funds_code").asString();
                    entries.add(new Entry(funds.contains("debit") ? v.negate() : v, iso(tag.get("entry_date")), iso(tag.get("value_date"))));
                }
            }
            e.statementBalances.add(new BigDecimal[]{balances.isEmpty() ? null : balances.get(0),
                    balances.size() < 2 ? null : balances.get(balances.size() - 1)});
        }
        e.entryList = entries;
        e.entries = entries.size();
        return e;
    }

    /**
     * ActiveArchitexture's btr3ToJSON: accounts with their 16 details, amounts as strings in
     * minor units, signed here by type code as BAI2 defines it (100-399 credits, 400-699 debits).
     */
    static Expectation btrsToJson(String text) {
        JsonNode bank = JSON.readTree(text).get("BTRSfile").get("Bank");
        Expectation e = new Expectation();
        e.source = "btr3ToJSON's golden file";
        String groupCurrency = bank.get("BankHeader").get("currencyCodeBank").asString();
        LocalDate asOf = LocalDate.parse(bank.get("BankHeader").get("asofDate").asString());
        List<Entry> entries = new ArrayList<>();
        int accounts = 0;
        for (JsonNode a : bank.get("Accounts")) {
            accounts++;
            JsonNode account = a.get("Account");
            String ccy = account.get("AccountHeader").get("currencyCodeAccount").asString();
            int digits = java.util.Currency.getInstance(ccy.isEmpty() ? groupCurrency.isEmpty() ? "USD" : groupCurrency : ccy).getDefaultFractionDigits();
            JsonNode details = account.get("TransactionDetails");
            for (JsonNode d : details == null ? JSON.createArrayNode() : details) {
                JsonNode t = d.get("TransactionDetail");
                int type = Integer.parseInt(t.get("detailTypeCode").asString());
                BigDecimal amount = new BigDecimal(new java.math.BigInteger(t.get("detailAmount").asString()), digits);
                entries.add(new Entry(type >= 400 && type <= 699 ? amount.negate() : amount, asOf, null));
            }
        }
        e.statements = accounts;
        e.entryList = entries;
        e.entries = entries.size();
        return e;
    }

    /** OCA bank-statement-import: statements with balances, transactions (a batched entry's details each). */
    @SuppressWarnings("unchecked")
    static Expectation oca(Path pydata) throws IOException {
        List<Object> root = (List<Object>) PythonLiteral.parse(Files.readString(pydata, StandardCharsets.UTF_8));
        Expectation e = new Expectation();
        e.source = "OCA bank-statement-import's parse";
        e.flattenDetails = true;
        e.ocaConventions = true;
        List<Object> statements = (List<Object>) root.get(2);
        e.statements = statements.size();
        e.statementBalances = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (Object s : statements) {
            Map<String, Object> st = (Map<String, Object>) s;
            e.statementBalances.add(new BigDecimal[]{(BigDecimal) st.get("balance_start"), (BigDecimal) st.get("balance_end_real")});
            for (Object t : (List<Object>) st.getOrDefault("transactions", List.of())) {
                Map<String, Object> tx = (Map<String, Object>) t;
                entries.add(new Entry((BigDecimal) tx.get("amount"), LocalDate.parse((String) tx.get("date")), null));
            }
        }
        e.entryList = entries;
        e.entries = entries.size();
        return e;
    }

    private static final Pattern MT_BLOCKS = Pattern.compile("(\\d+) x :20: blocks, (\\d+) x :61: lines");
    private static final Pattern MT_FIRST = Pattern.compile("first :60: ([FM]) (-?[0-9,]+) [A-Z]{3}");
    private static final Pattern MT_LAST = Pattern.compile("last :62: ([FM]) (-?[0-9,]+) [A-Z]{3}");
    private static final Pattern CAMT_STMT = Pattern.compile("\\[([^:\\]]+): ([^;\\]]*?);? ?(\\d+) Ntry");
    private static final Pattern CAMT_BAL = Pattern.compile("(OPBD|PRCD|CLBD)=(-?[0-9.]+)");
    private static final Pattern BAI2_RECORDS = Pattern.compile("records ([^;]*?); 99 trailer");
    private static final Pattern CSV_AMOUNTS = Pattern.compile("amounts \\[([-0-9., ]+)\\]");
    private static final Pattern CSV_COUNT = Pattern.compile("(\\d+) tx");

    /**
     * Facts the manifest states of a file where the library's own file says nothing: MT940
     * block and line counts and outer balances (when no golden file holds them), camt
     * statements with their booked balances and entry counts, BAI2 accounts and details,
     * and the figures some upstream tests assert.
     */
    static void facts(Expectation e, String text, boolean wolph, int[] bai2) {
        String computed = text.contains("computed here") ? text.substring(text.indexOf("computed here")) : "";
        Matcher m = MT_BLOCKS.matcher(computed);
        if (m.find() && !wolph) {
            int blocks = Integer.parseInt(m.group(1));
            if (blocks > 0 && e.statements == null) {
                e.statements = blocks;
            }
            if (e.entries == null) {
                e.entries = Integer.parseInt(m.group(2));
            }
            Matcher first = MT_FIRST.matcher(computed);
            if (first.find()) {
                e.firstOpening = comma(first.group(2));
            }
            Matcher last = MT_LAST.matcher(computed);
            if (last.find()) {
                e.lastClosing = comma(last.group(2));
            }
        }
        if (computed.contains(" Stmt [") || computed.contains(" Rpt [") || computed.contains(" Ntfctn [")) {
            Matcher s = CAMT_STMT.matcher(computed);
            List<BigDecimal[]> balances = new ArrayList<>();
            int statements = 0;
            int entries = 0;
            while (s.find()) {
                statements++;
                entries += Integer.parseInt(s.group(3));
                BigDecimal opening = null;
                BigDecimal closing = null;
                Matcher b = CAMT_BAL.matcher(s.group(2));
                while (b.find()) {
                    if (b.group(1).equals("CLBD")) {
                        closing = new BigDecimal(b.group(2));
                    } else if (opening == null) {
                        opening = new BigDecimal(b.group(2));
                    }
                }
                balances.add(new BigDecimal[]{opening, closing});
            }
            if (statements > 0) {
                if (e.statements == null) {
                    e.statements = statements;
                }
                if (e.entries == null && !e.flattenDetails) {
                    e.entries = entries;
                }
                if (e.statementBalances == null) {
                    e.statementBalances = balances;
                }
            }
        }
        if (BAI2_RECORDS.matcher(computed).find() && bai2 != null) {
            // counted here from the file by record code, records that follow on one line included
            e.statements = bai2[0];
            e.entries = bai2[1];
            e.source = "the file's own 03 and 16 records";
        }
        Matcher startEnd = Pattern.compile("start (-?\\d+(?:\\.\\d+)?), end (-?\\d+(?:\\.\\d+)?)").matcher(text);
        if (startEnd.find() && !wolph) {
            // the upstream test's own figures beat the manifest's count of the file
            e.firstOpening = new BigDecimal(startEnd.group(1));
            e.lastClosing = new BigDecimal(startEnd.group(2));
        }
        Matcher amounts = CSV_AMOUNTS.matcher(text);
        if (amounts.find() && e.entryList == null) {
            List<Entry> list = new ArrayList<>();
            for (String a : amounts.group(1).split(",")) {
                list.add(new Entry(new BigDecimal(a.strip()), null, null));
            }
            e.entryList = list;
            e.entries = list.size();
            e.source = "the upstream test's figures";
        } else if (text.contains("first amount ") && e.entryList == null) {
            Matcher first = Pattern.compile("first amount (-?\\d+(?:\\.\\d+)?)").matcher(text);
            if (first.find()) {
                e.entryList = List.of(new Entry(new BigDecimal(first.group(1)), null, null));
                e.source = "the upstream test's figures";
            }
        }
    }

    /** {03 records, 16 records} of a BAI2 file, by their record codes. */
    static int[] bai2Counts(Path path) throws IOException {
        int[] counts = new int[2];
        for (String line : Files.readAllLines(path, StandardCharsets.ISO_8859_1)) {
            for (String record : line.split("/\\s*(?=\\d\\d,)")) {
                String r = record.stripLeading();
                if (r.startsWith("03,")) {
                    counts[0]++;
                } else if (r.startsWith("16,")) {
                    counts[1]++;
                }
            }
        }
        return counts;
    }

    static BigDecimal comma(String amount) {
        String a = amount.replace(',', '.');
        return new BigDecimal(a.endsWith(".") ? a + "0" : a);
    }

    // --- comparison ---------------------------------------------------------------------

    static List<String> compare(Expectation e, List<BankStatement> all) {
        List<String> d = new ArrayList<>();
        List<BankStatement> parsed = e.ocaConventions ? all.stream().filter(s -> !s.transactions().isEmpty()).toList() : all;
        if (e.statements != null && e.statements != parsed.size()) {
            d.add("statements: expected " + e.statements + ", read " + parsed.size());
        }
        List<Entry> ours = new ArrayList<>();
        List<Boolean> reversals = new ArrayList<>();
        for (BankStatement s : parsed) {
            for (BankTransaction t : s.transactions()) {
                List<TransactionDetail> withAmounts = t.details().stream().filter(x -> x.amount() != null).toList();
                if (e.flattenDetails && withAmounts.size() > 1) {
                    withAmounts.forEach(x -> {
                        ours.add(new Entry(x.amount().amount(), t.bookingDate(), t.valueDate()));
                        reversals.add(t.reversal());
                    });
                } else {
                    ours.add(new Entry(t.amount().amount(), t.bookingDate(), t.valueDate()));
                    reversals.add(t.reversal());
                }
            }
        }
        if (e.entries != null && e.entries != ours.size()) {
            d.add("entries: expected " + e.entries + ", read " + ours.size());
        }
        if (e.entryList != null) {
            for (int i = 0; i < Math.min(e.entryList.size(), ours.size()); i++) {
                Entry x = e.entryList.get(i);
                Entry o = ours.get(i);
                // wolph/mt940 signs RC as a credit; CONTRACTS.md section 4 makes it a debit (and RD a credit)
                boolean reversalSign = reversals.get(i) && x.amount().compareTo(o.amount().negate()) == 0 && e.source.startsWith("wolph");
                if (x.amount().compareTo(o.amount()) != 0 && !reversalSign) {
                    d.add("entry " + (i + 1) + " amount: expected " + x.amount().toPlainString() + ", read " + o.amount().toPlainString());
                }
                if (x.booking() != null && !x.booking().equals(o.booking())) {
                    d.add("entry " + (i + 1) + " booking date: expected " + x.booking() + ", read " + o.booking());
                }
                if (x.value() != null && !x.value().equals(o.value())) {
                    d.add("entry " + (i + 1) + " value date: expected " + x.value() + ", read " + o.value());
                }
            }
        }
        if (e.byStatementId != null) {
            e.byStatementId.forEach((id, expected) -> {
                List<BankTransaction> lines = parsed.stream().filter(s -> id.equals(s.statementId()))
                        .flatMap(s -> s.transactions().stream()).toList();
                if (lines.size() != expected.size()) {
                    d.add("statement " + id + " entries: expected " + expected.size() + ", read " + lines.size());
                    return;
                }
                for (int i = 0; i < expected.size(); i++) {
                    Entry x = expected.get(i);
                    BankTransaction t = lines.get(i);
                    if (x.amount().compareTo(t.amount().amount()) != 0) {
                        d.add("statement " + id + " entry " + (i + 1) + " amount: expected " + x.amount().toPlainString() + ", read " + t.amount().toPlainString());
                    }
                    if (x.booking() != null && !x.booking().equals(t.bookingDate())) {
                        d.add("statement " + id + " entry " + (i + 1) + " booking date: expected " + x.booking() + ", read " + t.bookingDate());
                    }
                    if (x.value() != null && !x.value().equals(t.valueDate())) {
                        d.add("statement " + id + " entry " + (i + 1) + " value date: expected " + x.value() + ", read " + t.valueDate());
                    }
                }
                BankStatement first = parsed.stream().filter(s -> id.equals(s.statementId())).findFirst().orElse(null);
                if (first != null) {
                    check(d, "statement " + id + " opening", e.balancesById.get(id)[0], first.openingBalance());
                    check(d, "statement " + id + " closing", e.balancesById.get(id)[1], first.closingBalance());
                }
            });
        }
        // the manifest counts balances through the whole file: its first :60: and its last :62:
        Balance firstOpening = parsed.stream().map(BankStatement::openingBalance).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        Balance lastClosing = null;
        for (BankStatement s : parsed) {
            if (s.closingBalance() != null) {
                lastClosing = s.closingBalance();
            }
        }
        boolean noBalances = parsed.stream().allMatch(s -> s.balances().isEmpty());
        check(d, "first opening", e.ocaConventions && noBalances && zero(e.firstOpening) ? null : e.firstOpening, firstOpening);
        check(d, "last closing", e.ocaConventions && noBalances && zero(e.lastClosing) ? null : e.lastClosing, lastClosing);
        if (e.lastFinalOpening != null || e.lastFinalClosing != null) {
            check(d, "final opening (last :60F:)", e.lastFinalOpening, last(parsed, "OPBD"));
            check(d, "final closing (last :62F:)", e.lastFinalClosing, last(parsed, "CLBD"));
        }
        if (e.statementBalances != null && e.statementBalances.size() == parsed.size()) {
            for (int i = 0; i < parsed.size(); i++) {
                BigDecimal[] expected = e.statementBalances.get(i);
                BankStatement s = parsed.get(i);
                // OCA writes 0.0 where a file has no balance
                boolean absent = e.ocaConventions && s.balances().isEmpty();
                check(d, "statement " + (i + 1) + " opening", absent && expected[0] != null && expected[0].signum() == 0 ? null : expected[0], s.openingBalance());
                check(d, "statement " + (i + 1) + " closing", absent && expected[1] != null && expected[1].signum() == 0 ? null : expected[1], s.closingBalance());
            }
        }
        return d;
    }

    static boolean zero(BigDecimal b) {
        return b != null && b.signum() == 0;
    }

    static Balance last(List<BankStatement> parsed, String type) {
        Balance found = null;
        for (BankStatement s : parsed) {
            for (Balance b : s.balances()) {
                if (b.type().equals(type)) {
                    found = b;
                }
            }
        }
        return found;
    }

    static void check(List<String> d, String what, BigDecimal expected, Balance read) {
        if (expected == null) {
            return;
        }
        if (read == null) {
            d.add(what + ": expected " + expected.toPlainString() + ", read none");
        } else if (expected.compareTo(read.amount().amount()) != 0) {
            d.add(what + ": expected " + expected.toPlainString() + ", read " + read.amount().amount().toPlainString());
        }
    }

    static String table(List<Result> results, long positives, long agreeing) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "%d of %d positive files agree (%.1f %%); %d of %d files that must be refused are refused with FILE:LINE.%n%n",
                agreeing, positives, agreeing * 100.0 / positives,
                results.stream().filter(r -> (r.kind().equals("negative") || r.kind().equals("not a statement")) && r.passed()).count(),
                results.stream().filter(r -> r.kind().equals("negative") || r.kind().equals("not a statement")).count()));
        sb.append("| file | format | kind | result | note |\n| --- | --- | --- | --- | --- |\n");
        for (Result r : results) {
            sb.append("| ").append(r.file().substring(r.file().indexOf('/') + 1)).append(" | ").append(r.format()).append(" | ")
                    .append(r.kind()).append(" | ").append(r.passed() ? "pass" : "**FAIL**").append(" | ")
                    .append(r.note().replace("|", "\\|").replace("\n", " ")).append(" |\n");
        }
        return sb.toString();
    }
}
