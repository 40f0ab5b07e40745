package dev.o2c.writers.store;

import static dev.o2c.writers.store.LedgerQueries.date;
import static dev.o2c.writers.store.LedgerQueries.money;

import dev.o2c.domain.aging.AgedItem;
import dev.o2c.domain.cashapp.ApplicationStatus;
import dev.o2c.domain.cashapp.CashAllocation;
import dev.o2c.domain.controls.Control;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.controls.Severity;
import dev.o2c.domain.money.Money;
import dev.o2c.domain.openitems.OpenItem;
import dev.o2c.domain.openitems.OpenItemType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one close run derived, kept by run id so that each step can be re-run on its
 * own: a step replaces its own rows (delete, then insert) inside its transaction,
 * so a restarted step never leaves a row twice.
 */
public final class RunStore {

    private final JdbcTemplate jdbc;
    private final Dialect dialect;

    public RunStore(JdbcTemplate jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** The run's inputs, as file name to SHA-256. */
    public void replaceInputs(String runId, Map<String, String> shaByName) {
        jdbc.update("DELETE FROM run_input WHERE run_id = ?", runId);
        List<Object[]> rows = new ArrayList<>();
        shaByName.forEach((name, sha) -> rows.add(new Object[]{runId, name, sha}));
        jdbc.batchUpdate("INSERT INTO run_input (run_id, name, sha256) VALUES (?, ?, ?)", rows);
    }

    /** The run's inputs as recorded, by name. */
    public List<InputFile> inputs(String runId) {
        // The same bytes may sit under another name in this run's directory: report this run's name.
        return jdbc.query("SELECT r.name, f.sha256, f.kind, f.format, f.records, f.loaded, f.rejected, f.control_total"
                + " FROM run_input r JOIN input_file f ON f.sha256 = r.sha256 WHERE r.run_id = ? ORDER BY r.name",
                (rs, n) -> new InputFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), LedgerQueries.totals(rs.getString(8))), runId);
    }

    public void replaceCashAllocations(String runId, List<CashAllocation> rows) {
        jdbc.update("DELETE FROM cash_allocation WHERE run_id = ?", runId);
        try (RowSink sink = RowSink.of(dialect, jdbc, "cash_allocation", List.of("run_id", "seq", "bank_transaction_id", "account",
                "statement_file", "value_date", "credit_amount", "currency", "customer_id", "invoice_id", "applied_amount", "status",
                "rule_name", "confidence", "explanation"), () -> { })) {
            int seq = 0;
            for (CashAllocation a : rows) {
                sink.add(new Object[]{runId, ++seq, a.bankTransactionId(), a.account(), a.statementFile(), a.valueDate(),
                    a.creditAmount().amount(), a.creditAmount().currencyCode(), a.customerId(), a.invoiceId(), a.applied().amount(),
                    a.status().name(), a.rule(), a.confidence(), a.explanation()});
            }
            sink.finish(seq, "cash_allocation", "the step");
        }
    }

    public List<CashAllocation> cashAllocations(String runId) {
        return jdbc.query("SELECT bank_transaction_id, account, statement_file, value_date, credit_amount, currency, customer_id,"
                + " invoice_id, applied_amount, status, rule_name, confidence, explanation FROM cash_allocation WHERE run_id = ? ORDER BY seq",
                (rs, n) -> new CashAllocation(rs.getString(1), rs.getString(2), rs.getString(3), date(rs, 4), money(rs, 5, 6),
                        rs.getString(7), rs.getString(8), money(rs, 9, 6), ApplicationStatus.valueOf(rs.getString(10)),
                        rs.getString(11), rs.getBigDecimal(12).setScale(2), rs.getString(13)), runId);
    }

    public void replaceOpenItems(String runId, List<AgedItem> items) {
        jdbc.update("DELETE FROM open_item WHERE run_id = ?", runId);
        try (RowSink sink = RowSink.of(dialect, jdbc, "open_item", List.of("run_id", "seq", "customer_id", "document_id", "document_type",
                "document_date", "due_date", "age_days", "bucket", "bucket_label", "open_amount", "currency", "functional_amount",
                "functional_currency", "disputed"), () -> { })) {
            int seq = 0;
            for (AgedItem a : items) {
                OpenItem i = a.item();
                sink.add(new Object[]{runId, ++seq, i.customerId(), i.documentId(), i.type().name(), i.documentDate(), i.dueDate(),
                    a.age(), a.bucket(), a.bucketLabel(), i.open().amount(), i.open().currencyCode(), a.functional().amount(),
                    a.functional().currencyCode(), i.disputed()});
            }
            sink.finish(seq, "open_item", "the step");
        }
    }

    /**
     * Streams the run's aged open items in their published order; memory stays flat. Safe from any thread:
     * one with no transaction gets its own connection and a read-only transaction for the query.
     */
    public void forEachOpenItem(String runId, Consumer<AgedItem> consumer) {
        StreamedQuery.run(jdbc, "SELECT customer_id, document_id, document_type, document_date, due_date, age_days, bucket, bucket_label,"
                + " open_amount, currency, functional_amount, functional_currency, disputed FROM open_item WHERE run_id = ? ORDER BY seq", rs -> {
            consumer.accept(new AgedItem(new OpenItem(rs.getString(1), rs.getString(2), OpenItemType.valueOf(rs.getString(3)),
                    date(rs, 4), date(rs, 5), money(rs, 9, 10), rs.getBoolean(13)), rs.getLong(6), rs.getInt(7), rs.getString(8),
                    money(rs, 11, 12)));
        }, runId);
    }

    /** How many aged open items the run has: what {@link #forEachOpenItem} gives. */
    public long openItemCount(String runId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM open_item WHERE run_id = ?", Long.class, runId);
        return n == null ? 0 : n;
    }

    public void replaceExceptions(String runId, String step, List<ExceptionItem> items) {
        jdbc.update("DELETE FROM run_exception WHERE run_id = ? AND step = ?", runId, step);
        List<Object[]> batch = new ArrayList<>();
        int seq = 0;
        for (ExceptionItem e : items) {
            batch.add(new Object[]{runId, step, ++seq, e.category(), e.severity().name(), e.entityType(), e.entityId(),
                    e.amount() == null ? null : e.amount().amount(), e.amount() == null ? null : e.amount().currencyCode(), e.reason()});
        }
        jdbc.batchUpdate("INSERT INTO run_exception (run_id, step, seq, category, severity, entity_type, entity_id, amount, currency, reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
    }

    /** Every exception of the run, in {@link ExceptionItem#PUBLISHED_ORDER}. */
    public List<ExceptionItem> exceptions(String runId) {
        List<ExceptionItem> items = new ArrayList<>(jdbc.query("SELECT category, severity, entity_type, entity_id, amount, currency, reason"
                + " FROM run_exception WHERE run_id = ?", (rs, n) -> {
            BigDecimal amount = rs.getBigDecimal(5);
            return new ExceptionItem(rs.getString(1), Severity.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                    amount == null ? null : Money.of(amount, Money.currency(rs.getString(6))), rs.getString(7));
        }, runId));
        items.sort(ExceptionItem.PUBLISHED_ORDER);
        return items;
    }

    public void replaceControls(String runId, String step, List<Control> controls) {
        jdbc.update("DELETE FROM run_control WHERE run_id = ? AND step = ?", runId, step);
        List<Object[]> batch = new ArrayList<>();
        int seq = 0;
        for (Control c : controls) {
            batch.add(new Object[]{runId, step, ++seq, c.name(), c.expected().toPlainString(), c.actual().toPlainString()});
        }
        jdbc.batchUpdate("INSERT INTO run_control (run_id, step, seq, name, expected, actual) VALUES (?, ?, ?, ?, ?, ?)", batch);
    }

    /** The controls of the given steps, in step order then their own. */
    public List<Control> controls(String runId, List<String> steps) {
        List<Control> all = new ArrayList<>();
        for (String step : steps) {
            all.addAll(jdbc.query("SELECT name, expected, actual FROM run_control WHERE run_id = ? AND step = ? ORDER BY seq",
                    (rs, n) -> new Control(rs.getString(1), new BigDecimal(rs.getString(2)), new BigDecimal(rs.getString(3))), runId, step));
        }
        return all;
    }

    /** A month-end's snapshot: the run that recorded it and its kpis.json. */
    public record Snapshot(LocalDate asOf, String runId, String kpisJson) {
    }

    /** The snapshot of this month-end, or null. */
    public Snapshot snapshot(LocalDate asOf) {
        List<Snapshot> found = jdbc.query("SELECT as_of, run_id, kpis_json FROM month_end_snapshot WHERE as_of = ?",
                (rs, n) -> new Snapshot(date(rs, 1), rs.getString(2), rs.getString(3)), asOf);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Snapshots of month-ends from {@code from} to before {@code until}, oldest first. */
    public List<Snapshot> snapshots(LocalDate from, LocalDate until) {
        return jdbc.query("SELECT as_of, run_id, kpis_json FROM month_end_snapshot WHERE as_of >= ? AND as_of < ? ORDER BY as_of",
                (rs, n) -> new Snapshot(date(rs, 1), rs.getString(2), rs.getString(3)), from, until);
    }

    /** Records (or replaces) a month-end's figures. */
    public void saveSnapshot(LocalDate asOf, String runId, String kpisJson) {
        jdbc.update("DELETE FROM month_end_snapshot WHERE as_of = ?", asOf);
        jdbc.update("INSERT INTO month_end_snapshot (as_of, run_id, kpis_json) VALUES (?, ?, ?)", asOf, runId, kpisJson);
    }

    /** Whether a later month-end has a snapshot: then this one is history. */
    public boolean hasSnapshotAfter(LocalDate asOf) {
        Long later = jdbc.queryForObject("SELECT COUNT(*) FROM month_end_snapshot WHERE as_of > ?", Long.class, asOf);
        return later != null && later > 0;
    }

    public void saveFigures(String runId, String kpisJson) {
        jdbc.update("DELETE FROM run_figures WHERE run_id = ?", runId);
        jdbc.update("INSERT INTO run_figures (run_id, kpis_json) VALUES (?, ?)", runId, kpisJson);
    }

    public String figures(String runId) {
        return jdbc.queryForObject("SELECT kpis_json FROM run_figures WHERE run_id = ?", String.class, runId);
    }
}
