package dev.o2c.writers.store;

import dev.o2c.domain.bank.Balance;
import dev.o2c.domain.bank.BankFindings;
import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.bank.TransactionDetail;
import dev.o2c.domain.controls.Reject;
import dev.o2c.domain.money.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes one bank statement file's statements and lines, in batches, and keeps out what
 * is there already: a line whose account and bank reference were loaded from another
 * file, or a whole statement loaded before (same account, statement id and opening
 * balance). Each becomes a categorised reject, so records in = loaded + rejected still
 * holds and the close can show them as exceptions. A reference a bank repeats within one
 * file is told apart by the line's position instead. Memory holds one batch.
 *
 * <p>The caller owns the transaction. Not thread-safe; one instance per file.
 */
public final class BankWriter implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final Dialect dialect;
    private final LedgerWriter ledger;
    private final String sourceSha256;
    private final String fileName;
    private final List<Pending> pending = new ArrayList<>();
    private final RowSink lines;
    private final RowSink details;
    private long sent;
    private final Set<String> statementKeys = new HashSet<>();
    private long duplicates;
    private int notices;

    public BankWriter(JdbcTemplate jdbc, Dialect dialect, LedgerWriter ledger, String sourceSha256, String fileName) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.ledger = ledger;
        this.sourceSha256 = sourceSha256;
        this.fileName = fileName;
        // COPY on PostgreSQL: a multi-row INSERT of a thousand lines took the server 25 ms to parse and plan
        this.lines = RowSink.of(dialect, jdbc, "bank_transaction", List.of("account", "transaction_id", "booking_date", "value_date",
                "currency", "amount", "counterparty_name", "counterparty_account", "remittance_info", "structured_reference", "type_code",
                "customer_reference", "statement_file", "line_position", "source_sha256", "bank_reference", "reversal", "statement_index",
                "source_line", "entry_status"), this::suspendDetails);
        this.details = RowSink.of(dialect, jdbc, "bank_transaction_detail", List.of("account", "transaction_id", "seq", "amount",
                "currency", "end_to_end_id", "bank_reference", "counterparty_name", "counterparty_account", "remittance_info",
                "structured_reference", "reference_type", "reference_valid", "transaction_ref", "instruction_id"), this::suspendLines);
        ledger.beforeWrite(this::sync);
    }

    private void suspendDetails() {
        details.suspend();
    }

    private void suspendLines() {
        lines.suspend();
    }

    /** Sends the lines written so far: the next statement on the connection sees them. */
    private void sync() {
        lines.flush();
        details.flush();
    }

    /** Lines kept out as duplicates so far. */
    public long duplicates() {
        return duplicates;
    }

    /**
     * The key a statement is recognised by when loaded twice, or null when the file gives it
     * no id (camt notifications and bank CSV are then told apart line by line only).
     */
    public static String statementKey(BankStatement s) {
        if (s.statementId() == null || s.account() == null) {
            return null;
        }
        Balance o = s.openingBalance();
        return s.account() + "|" + s.statementId() + "|" + (o == null ? "" : o.date() + " " + o.amount());
    }

    /**
     * The file a statement was loaded from before, or null when it is new: asked at its start
     * with the key of its header, so a repeated statement's lines never reach the store.
     */
    public String duplicateOf(String key) {
        if (key == null) {
            return null;
        }
        if (statementKeys.contains(key)) {
            return fileName + " (earlier in the same file)";
        }
        sync();
        List<String> found = jdbc.queryForList("SELECT file_name FROM bank_statement WHERE statement_key = ? AND duplicate_of IS NULL",
                String.class, key);
        return found.isEmpty() ? null : found.get(0);
    }

    /** One line of statement {@code statementIndex} (0 for bank CSV, which has no statements). */
    public void line(int statementIndex, BankTransaction t) {
        pending.add(new Pending(statementIndex, t));
        if (pending.size() == LedgerWriter.BATCH) {
            flush();
        }
    }

    /** A line of a statement that repeats one loaded before: rejected, with its reason. */
    public void repeatedStatementLine(BankTransaction t, BankStatement header, String original) {
        duplicates++;
        ledger.reject(new Reject(t.line(), "statement " + header.statementId() + " of account " + header.account()
                + " was loaded from " + original + " already; its lines are skipped", describe(t)), BankFindings.DUPLICATE_STATEMENT);
    }

    /**
     * Records a statement once its lines are written, under the key its start was looked up by
     * (the end may know more balances than the start did: the key must not change in between).
     */
    public void statement(int statementIndex, BankStatement summary, long entries, Money entriesSum, String key, String duplicateOf) {
        flush();
        if (key != null && duplicateOf == null) {
            statementKeys.add(key);
        }
        Balance o = summary.openingBalance();
        Balance c = summary.closingBalance();
        sync();
        jdbc.update("INSERT INTO bank_statement (source_sha256, statement_index, file_name, account, currency, statement_id,"
                        + " sequence_no, opening_type, opening_date, opening_amount, closing_type, closing_date, closing_amount,"
                        + " entries, entries_sum, statement_key, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                sourceSha256, statementIndex, fileName, summary.account(), summary.currency().getCurrencyCode(),
                summary.statementId(), summary.sequence(),
                o == null ? null : o.type(), o == null ? null : o.date(), o == null ? null : o.amount().amount(),
                c == null ? null : c.type(), c == null ? null : c.date(), c == null ? null : c.amount().amount(),
                entries, entriesSum.amount(), key == null ? "" : key, duplicateOf);
    }

    /** Something the reader found wrong in the file but could read past. */
    public void notice(long line, String category, String message) {
        sync();
        jdbc.update("INSERT INTO input_notice (source_sha256, seq, line_no, category, message) VALUES (?, ?, ?, ?, ?)",
                sourceSha256, ++notices, line, category, message);
    }

    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        sync();
        Map<String, Loaded> existing = existing(pending);
        Set<String> seen = new HashSet<>();
        for (Pending p : pending) {
            BankTransaction t = p.line();
            int statementIndex = p.statementIndex();
            String key = t.account() + '\u0000' + t.transactionId();
            String id = t.transactionId();
            Loaded loaded = existing.get(key);
            if (loaded != null && !loaded.sourceSha256().equals(sourceSha256)) {
                duplicates++;
                ledger.reject(new Reject(t.line(), "bank line " + t.transactionId() + " of account " + t.account()
                        + " was loaded from " + loaded.file() + " already", describe(t)), BankFindings.DUPLICATE_LINE);
                continue;
            }
            if (loaded != null || !seen.add(key)) {
                // the bank repeats a reference within the file: the position tells the lines apart
                id = t.transactionId() + "/" + t.position();
            }
            sent++;
            lines.add(new Object[]{t.account(), id, t.bookingDate(), t.valueDate(), t.amount().currencyCode(), t.amount().amount(),
                t.counterpartyName(), t.counterpartyAccount(), t.remittanceInfo(), t.structuredReference(), t.typeCode(),
                t.customerReference(), t.statementFile(), t.position(), sourceSha256, t.bankReference(), t.reversal(),
                statementIndex, t.line(), t.status()});
            int seq = 0;
            for (TransactionDetail d : t.details()) {
                details.add(new Object[]{t.account(), id, ++seq, d.amount() == null ? null : d.amount().amount(),
                    d.amount() == null ? null : d.amount().currencyCode(), d.endToEndId(), d.bankReference(), d.counterpartyName(),
                    d.counterpartyAccount(), d.remittanceInfo(), d.structuredReference(), d.referenceType(), d.referenceValid(),
                    d.transactionRef(), d.instructionId()});
            }
        }
        pending.clear();
    }

    /** A line waiting for the next batch, with the statement it belongs to. */
    private record Pending(int statementIndex, BankTransaction line) {
    }

    /** Where a line id was loaded from before. */
    private record Loaded(String sourceSha256, String file) {
    }

    /** Which of the lines' ids are in the store already, by account and id. */
    private Map<String, Loaded> existing(List<Pending> lines) {
        Map<String, List<String>> idsByAccount = new LinkedHashMap<>();
        for (Pending p : lines) {
            BankTransaction t = p.line();
            idsByAccount.computeIfAbsent(t.account(), a -> new ArrayList<>()).add(t.transactionId());
        }
        Map<String, Loaded> found = new HashMap<>();
        // The ids as one array, not an IN list of a thousand parameters. H2 looks an IN list (and
        // = ANY) up by the account alone and tests every line of the account against the whole
        // list, which grew with the square of a statement's lines (61,350 lines of one account took
        // 48 s); it looks each id up by the key when the array is a table joined to ours.
        // PostgreSQL, whose statistics of a table filled in the same transaction are stale, hashed
        // that join against every line of the account; it looks = ANY(array) up by the key.
        String sql = dialect == Dialect.H2
                ? "SELECT t.transaction_id, t.source_sha256, t.statement_file FROM UNNEST(CAST(? AS VARCHAR ARRAY)) AS x(id)"
                        + " JOIN bank_transaction t ON t.account = ? AND t.transaction_id = x.id"
                : "SELECT t.transaction_id, t.source_sha256, t.statement_file FROM bank_transaction t"
                        + " WHERE t.transaction_id = ANY(?) AND t.account = ?";
        idsByAccount.forEach((account, ids) -> jdbc.query(sql,
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("VARCHAR", ids.toArray()));
                    ps.setString(2, account);
                },
                rs -> {
                    found.put(account + '\u0000' + rs.getString(1), new Loaded(rs.getString(2), rs.getString(3)));
                }));
        return found;
    }

    private static String describe(BankTransaction t) {
        return "account=" + t.account() + " id=" + t.transactionId() + " booking_date=" + t.bookingDate()
                + " amount=" + t.amount().toPlainString() + " " + t.amount().currencyCode()
                + (t.remittanceInfo() == null ? "" : " remittance=" + t.remittanceInfo());
    }

    /** Writes what is pending and checks that every line sent reached the table; call once the file is read. */
    public void finish() {
        flush();
        lines.finish(sent, "bank_transaction", "the file");
        details.finish();
    }

    @Override
    public void close() {
        ledger.beforeWrite(() -> { });
        lines.abort();
        details.abort();
    }
}
