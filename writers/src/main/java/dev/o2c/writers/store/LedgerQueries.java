package dev.o2c.writers.store;

import dev.o2c.domain.ar.Customer;
import dev.o2c.domain.ar.DocumentType;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.ar.OrderStatus;
import dev.o2c.domain.ar.Receipt;
import dev.o2c.domain.ar.SalesOrder;
import dev.o2c.domain.bank.Balance;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.bank.StatementTotals;
import dev.o2c.domain.controls.Reject;
import dev.o2c.domain.money.FxRate;
import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the ledger back from the store as domain values, each list in a fixed order
 * (by natural key) so that what is computed from it does not depend on the store.
 */
public final class LedgerQueries {

    private final JdbcTemplate jdbc;

    public LedgerQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<InputFile> inputFile(String sha256) {
        return jdbc.query("SELECT name, sha256, kind, format, records, loaded, rejected, control_total FROM input_file WHERE sha256 = ?",
                (rs, n) -> new InputFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), totals(rs.getString(8))), sha256).stream().findFirst();
    }

    static Map<String, BigDecimal> totals(String text) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        if (text != null && !text.isEmpty()) {
            for (String part : text.split(";")) {
                String[] kv = part.split("=", 2);
                totals.put(kv[0], new BigDecimal(kv[1]));
            }
        }
        return totals;
    }

    public List<Reject> rejects(String sha256) {
        return jdbc.query("SELECT line_no, reason, raw FROM rejected_record WHERE source_sha256 = ? ORDER BY line_no",
                (rs, n) -> new Reject(rs.getLong(1), rs.getString(2), rs.getString(3)), sha256);
    }

    /** A reject with a category, with the name of the file it came from. */
    public record CategorisedReject(String file, String category, Reject reject) {
    }

    /** A reader's notice, with the name of the file it came from. */
    public record Notice(String file, long line, String category, String message) {
    }

    /** Rejects with a category (duplicates) of the given input files. */
    public List<CategorisedReject> categorisedRejects(java.util.Collection<String> sha256s) {
        List<CategorisedReject> out = new ArrayList<>();
        for (String sha : new java.util.TreeSet<>(sha256s)) {
            out.addAll(jdbc.query("SELECT f.name, r.category, r.line_no, r.reason, r.raw FROM rejected_record r"
                    + " JOIN input_file f ON f.sha256 = r.source_sha256 WHERE r.source_sha256 = ? AND r.category IS NOT NULL ORDER BY r.line_no",
                    (rs, n) -> new CategorisedReject(rs.getString(1), rs.getString(2), new Reject(rs.getLong(3), rs.getString(4), rs.getString(5))), sha));
        }
        return out;
    }

    /** The bank credits (positive lines) the given input files brought, as account NUL transaction id. */
    public Set<String> bankCredits(java.util.Collection<String> sha256s) {
        Set<String> out = new HashSet<>();
        for (String sha : new java.util.TreeSet<>(sha256s)) {
            jdbc.query("SELECT account, transaction_id FROM bank_transaction WHERE source_sha256 = ? AND amount > 0",
                    rs -> {
                        out.add(rs.getString(1) + '\u0000' + rs.getString(2));
                    }, sha);
        }
        return out;
    }

    /** What the readers noticed in the given input files. */
    public List<Notice> notices(java.util.Collection<String> sha256s) {
        List<Notice> out = new ArrayList<>();
        for (String sha : new java.util.TreeSet<>(sha256s)) {
            out.addAll(jdbc.query("SELECT f.name, n.line_no, n.category, n.message FROM input_notice n JOIN input_file f ON f.sha256 = n.source_sha256"
                    + " WHERE n.source_sha256 = ? ORDER BY n.seq", (rs, n) -> new Notice(rs.getString(1), rs.getLong(2), rs.getString(3),
                    rs.getString(4)), sha));
        }
        return out;
    }

    /** Statements loaded (duplicates left out), with their source file's SHA-256 first. */
    public List<Map.Entry<String, StatementTotals>> statements() {
        return jdbc.query("SELECT source_sha256, file_name, statement_index, account, currency, statement_id, sequence_no,"
                + " opening_type, opening_date, opening_amount, closing_type, closing_date, closing_amount, entries, entries_sum"
                + " FROM bank_statement WHERE duplicate_of IS NULL ORDER BY file_name, source_sha256, statement_index", (rs, n) -> {
            var currency = Money.currency(rs.getString(5));
            Balance opening = rs.getString(8) == null ? null
                    : new Balance(rs.getString(8), date(rs, 9), Money.of(rs.getBigDecimal(10), currency));
            Balance closing = rs.getString(11) == null ? null
                    : new Balance(rs.getString(11), date(rs, 12), Money.of(rs.getBigDecimal(13), currency));
            return Map.entry(rs.getString(1), new StatementTotals(rs.getString(2), n, rs.getString(4), rs.getString(6),
                    rs.getString(7), opening, closing, Money.of(rs.getBigDecimal(15), currency), rs.getLong(14)));
        });
    }

    /**
     * The ids of the documents in the store, or of its invoices only, in compact memory: what a
     * load looks references up in (a million ids in about 40 MB).
     */
    public dev.o2c.domain.collections.KeyLines documentIds(boolean invoicesOnly) {
        dev.o2c.domain.collections.KeyLines ids = new dev.o2c.domain.collections.KeyLines(1 << 16);
        StreamedQuery.run(jdbc, "SELECT document_id FROM ar_document" + (invoicesOnly ? " WHERE document_type = 'INVOICE'" : ""),
                rs -> ids.add(rs.getString(1)));
        return ids;
    }

    /** What the ledger was loaded from, as one text: the input files' count and their rows loaded. Changes with every file loaded. */
    public String inputsLoaded() {
        return jdbc.queryForObject("SELECT COUNT(*) || '/' || COALESCE(SUM(loaded), 0) FROM input_file", String.class);
    }

    public Set<String> customerIds() {
        return new HashSet<>(jdbc.queryForList("SELECT customer_id FROM customer", String.class));
    }

    public List<Customer> customers() {
        return jdbc.query("SELECT customer_id, name, currency, credit_limit, payment_terms_days, country, bank_accounts, parent_customer_id"
                + " FROM customer ORDER BY customer_id", (rs, n) -> {
            var currency = Money.currency(rs.getString(3));
            BigDecimal limit = rs.getBigDecimal(4);
            int terms = rs.getInt(5);
            boolean noTerms = rs.wasNull();
            String accounts = rs.getString(7);
            return new Customer(rs.getString(1), rs.getString(2), currency, limit == null ? null : Money.of(limit, currency),
                    noTerms ? null : terms, rs.getString(6),
                    accounts == null ? List.of() : Arrays.asList(accounts.split("\\|")), rs.getString(8));
        });
    }

    public List<SalesOrder> orders() {
        SharedValues shared = new SharedValues();
        return jdbc.query("SELECT order_id, customer_id, order_date, currency, amount, status, fulfilled_date FROM sales_order ORDER BY order_id",
                (rs, n) -> new SalesOrder(rs.getString(1), shared.text(rs, 2), shared.date(rs, 3), money(rs, 5, 4),
                        OrderStatus.valueOf(rs.getString(6)), shared.date(rs, 7)));
    }

    public List<Invoice> documents() {
        SharedValues shared = new SharedValues();
        return jdbc.query("SELECT document_id, customer_id, order_id, document_date, due_date, currency, amount, document_type, original_invoice_id,"
                + " disputed FROM ar_document ORDER BY document_id", (rs, n) -> new Invoice(rs.getString(1), shared.text(rs, 2), rs.getString(3),
                shared.date(rs, 4), shared.date(rs, 5), money(rs, 7, 6), DocumentType.valueOf(rs.getString(8)), rs.getString(9),
                rs.getBoolean(10)));
    }

    /** Receipts with their allocations, by receipt id, allocations by invoice (on account first). */
    public List<Receipt> receipts() {
        List<Receipt> receipts = new ArrayList<>();
        SharedValues shared = new SharedValues();
        jdbc.query("SELECT receipt_id, invoice_id, customer_id, receipt_date, currency, amount, bank_reference"
                + " FROM receipt_line ORDER BY receipt_id, invoice_key", rs -> {
            List<Receipt.Allocation> allocations = new ArrayList<>();
            String id = null;
            String customer = null;
            LocalDate date = null;
            String bankRef = null;
            while (rs.next()) {
                if (id != null && !id.equals(rs.getString(1))) {
                    receipts.add(new Receipt(id, customer, date, bankRef, allocations));
                    allocations = new ArrayList<>();
                }
                id = rs.getString(1);
                customer = shared.text(rs, 3);
                date = shared.date(rs, 4);
                bankRef = rs.getString(7);
                allocations.add(new Receipt.Allocation(rs.getString(2), money(rs, 6, 5)));
            }
            if (id != null) {
                receipts.add(new Receipt(id, customer, date, bankRef, allocations));
            }
            return null;
        });
        return receipts;
    }

    public List<FxRate> fxRates() {
        return jdbc.query("SELECT rate_date, currency, rate FROM fx_rate ORDER BY currency, rate_date",
                (rs, n) -> new FxRate(date(rs, 1), Money.currency(rs.getString(2)), rs.getBigDecimal(3).stripTrailingZeros()));
    }

    /** The bank lines, without the details of batched entries (read those apart where needed). */
    public List<BankTransaction> bankTransactions() {
        return jdbc.query("SELECT transaction_id, account, booking_date, value_date, currency, amount, counterparty_name, counterparty_account,"
                + " remittance_info, structured_reference, type_code, customer_reference, statement_file, line_position,"
                + " bank_reference, reversal, source_line, entry_status FROM bank_transaction ORDER BY account, transaction_id",
                (rs, n) -> BankTransaction.builder().transactionId(rs.getString(1)).account(rs.getString(2))
                        .bookingDate(date(rs, 3)).valueDate(date(rs, 4)).amount(money(rs, 6, 5))
                        .counterpartyName(rs.getString(7)).counterpartyAccount(rs.getString(8)).remittanceInfo(rs.getString(9))
                        .structuredReference(rs.getString(10)).typeCode(rs.getString(11)).customerReference(rs.getString(12))
                        .statementFile(rs.getString(13)).position(rs.getLong(14)).bankReference(rs.getString(15))
                        .reversal(rs.getBoolean(16)).line(rs.getLong(17)).status(rs.getString(18)).build());
    }

    static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static Money money(ResultSet rs, int amountColumn, int currencyColumn) throws SQLException {
        return Money.of(rs.getBigDecimal(amountColumn), Money.currency(rs.getString(currencyColumn)));
    }
}
