package dev.o2c.jobs.close;

import dev.o2c.domain.money.Money;
import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.bank.StatementTotals;
import dev.o2c.readers.bank.BankCsvProfile;
import dev.o2c.readers.bank.BankCsvReader;
import dev.o2c.readers.bank.BankFormat;
import dev.o2c.readers.bank.ReaderNotice;
import dev.o2c.readers.bank.ReadingRules;
import dev.o2c.readers.bank.StatementEvent;
import dev.o2c.readers.bank.StatementReader;
import dev.o2c.readers.bank.StatementReaders;
import dev.o2c.readers.csv.InputFormatException;
import dev.o2c.readers.csv.Outcome;
import dev.o2c.readers.csv.RecordReader;
import dev.o2c.readers.csv.RowMapper;
import dev.o2c.readers.erp.ErpRows;
import dev.o2c.readers.erp.ExtractFiles;
import dev.o2c.writers.store.BankWriter;
import dev.o2c.writers.store.Dialect;
import dev.o2c.writers.store.InputFile;
import dev.o2c.writers.store.LedgerQueries;
import dev.o2c.writers.store.LedgerLoad;
import dev.o2c.writers.store.LedgerTable;
import dev.o2c.writers.store.LedgerWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads one input file into the store: every record loaded (inserted or updated by
 * its natural key) or rejected with its line, reason and raw text, then the file
 * itself recorded with its counts and control totals. The caller runs it inside one
 * transaction, so a file is in the store whole or not at all.
 */
final class InputLoader {

    private final JdbcTemplate jdbc;
    private final Dialect dialect;
    private final LedgerQueries queries;
    private final List<BankCsvProfile> profiles;

    private final boolean warnDueBeforeInvoice;
    private final ReadingRules readingRules;

    InputLoader(JdbcTemplate jdbc, Dialect dialect, LedgerQueries queries, List<BankCsvProfile> profiles, boolean warnDueBeforeInvoice,
                ReadingRules readingRules) {
        this.warnDueBeforeInvoice = warnDueBeforeInvoice;
        this.readingRules = readingRules;
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.queries = queries;
        this.profiles = profiles;
    }

    InputFile load(InputFileRef file) {
        try (LedgerWriter writer = new LedgerWriter(jdbc, dialect, file.sha256())) {
            Counts counts = switch (file.kind()) {
                case CUSTOMERS -> ledger(file, writer, ErpRows.customers(), LedgerTable::row, LedgerTable.CUSTOMER, List.of());
                case ORDERS -> ledger(file, writer, ErpRows.orders(customers()::contains), LedgerTable::row, LedgerTable.SALES_ORDER, List.of());
                case INVOICES -> ledger(file, writer, ErpRows.invoices(customers()::contains, warnDueBeforeInvoice
                                ? (row, category, message) -> writer.notice(row.line(), category, message) : null),
                        LedgerTable::row, LedgerTable.AR_DOCUMENT, LedgerChecks.invoices(queries));
                case RECEIPTS -> ledger(file, writer, ErpRows.receipts(customers()::contains), LedgerTable::row, LedgerTable.RECEIPT_LINE,
                        LedgerChecks.receipts(queries));
                case FX_RATES -> ledger(file, writer, ErpRows.fxRates(), LedgerTable::row, LedgerTable.FX_RATE, List.of());
                case BANK -> bank(file, writer);
            };
            InputFile loaded = new InputFile(file.name(), file.sha256(), file.kind().label(), file.format(),
                    counts.records < 0 ? counts.loaded + counts.rejected : counts.records, counts.loaded, counts.rejected,
                    counts.totals.byCurrency);
            writer.inputFile(loaded);
            return loaded;
        }
    }

    /**
     * A bank statement file: bank CSV row by row (bad rows to rejects), the other formats as a
     * stream of statements (a file that cannot be read fails whole). Lines already loaded from
     * another file, and statements loaded before, are categorised rejects; counts and control
     * totals are taken from what reached the store.
     */
    private Counts bank(InputFileRef file, LedgerWriter writer) {
        Counts counts = new Counts();
        try (BankWriter bank = new BankWriter(jdbc, dialect, writer, file.sha256(), file.name())) {
            if (file.format().startsWith("csv")) {
                CsvAccounts accounts = new CsvAccounts();
                Counts rows = read(BankCsvReader.open(file.path(), file.name(), file.sha256(), InputDirectory.profileOf(file.format(), profiles),
                                readingRules.textKeys()),
                        writer, t -> {
                            bank.line(0, t);
                            accounts.add(t);
                        }, (t, x) -> { });
                accounts.statements(bank);
                counts.rejected = rows.rejected;
                counts.loaded = rows.loaded;
            } else {
                BankFormat format = BankFormat.fromLabel(file.format());
                counts.loaded = statements(file, format, bank, readingRules);
            }
            bank.finish();
            counts.loaded -= bank.duplicates();
            counts.rejected += bank.duplicates();
        }
        jdbc.query("SELECT currency, SUM(amount) FROM bank_transaction WHERE source_sha256 = ? GROUP BY currency ORDER BY currency",
                rs -> {
                    counts.totals.byCurrency.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros().setScale(
                            Money.currency(rs.getString(1)).getDefaultFractionDigits()));
                }, file.sha256());
        return counts;
    }

    /**
     * The statements of a bank CSV file, one per account and currency, gathered as its rows
     * stream by: balances where the layout prints the balance after each line.
     */
    private static final class CsvAccounts {
        private final Map<String, BankTransaction[]> firstAndLast = new java.util.LinkedHashMap<>();
        private final Map<String, long[]> entries = new java.util.HashMap<>();
        private final Map<String, Money> sums = new java.util.HashMap<>();

        void add(BankTransaction t) {
            String key = t.account() + '\u0000' + t.amount().currencyCode();
            firstAndLast.computeIfAbsent(key, k -> new BankTransaction[]{t, t})[1] = t;
            entries.computeIfAbsent(key, k -> new long[1])[0]++;
            sums.merge(key, t.amount(), Money::plus);
        }

        void statements(BankWriter bank) {
            List<BankStatement> grouped = new java.util.ArrayList<>();
            int index = 0;
            for (Map.Entry<String, BankTransaction[]> e : firstAndLast.entrySet()) {
                BankStatement s = dev.o2c.readers.bank.CsvStatements.group(List.of(e.getValue()[0], e.getValue()[1])).get(0);
                bank.statement(++index, s, entries.get(e.getKey())[0], sums.get(e.getKey()), BankWriter.statementKey(s), null);
            }
        }
    }

    /** Reads the statements of a camt, MT940/942 or BAI2 file; returns the lines read. */
    private static long statements(InputFileRef file, BankFormat format, BankWriter bank, ReadingRules rules) {
        long lines = 0;
        try (StatementReader reader = StatementReaders.open(format, file.path(), file.name(), file.sha256(), rules)) {
            int index = 0;
            BankStatement header = null;
            String key = null;
            String duplicateOf = null;
            String unknown = null;
            long entries = 0;
            Money sum = null;
            StatementEvent event;
            while ((event = reader.next()) != null) {
                if (event instanceof StatementEvent.Begin begin) {
                    header = begin.header();
                    unknown = header.account() == null ? BankStatement.unknownAccount(file.name()) : null;
                    if (unknown != null) {
                        header = header.withAccount(unknown);
                    }
                    if (header.currency().equals(Money.NO_CURRENCY)) {
                        throw new InputFormatException(file.name(), begin.line(), "statement " + header.statementId() + " of account "
                                + header.account() + " names no currency");
                    }
                    index++;
                    key = BankWriter.statementKey(header);
                    duplicateOf = bank.duplicateOf(key);
                    entries = 0;
                    sum = Money.zero(header.currency());
                } else if (event instanceof StatementEvent.Line line) {
                    BankTransaction t = unknown == null ? line.transaction() : line.transaction().withAccount(unknown);
                    lines++;
                    entries++;
                    sum = StatementTotals.plusBooked(sum, t); // a pending entry is in no booked balance
                    if (duplicateOf != null) {
                        bank.repeatedStatementLine(t, header, duplicateOf);
                    } else {
                        bank.line(index, t);
                    }
                } else if (event instanceof StatementEvent.End end) {
                    bank.statement(index, unknown == null ? end.summary() : end.summary().withAccount(unknown), entries, sum, key, duplicateOf);
                }
            }
            for (ReaderNotice notice : reader.notices()) {
                bank.notice(notice.line(), notice.category(), notice.message());
            }
        }
        return lines;
    }

    private Set<String> customers() {
        return queries.customerIds();
    }

    /**
     * An ERP extract: each row checked on its own as it is read (rejected with its line and
     * reason), then checked against the rows before it and the store and written by {@link LedgerLoad}.
     */
    private <T> Counts ledger(InputFileRef file, LedgerWriter writer, RowMapper<T> mapper, Function<T, Object[]> row,
                              LedgerTable table, List<LedgerLoad.RowCheck> checks) {
        Counts counts = new Counts();
        long records = 0;
        ProgressWithinFile progress = new ProgressWithinFile(file);
        try (RecordReader<T> reader = new RecordReader<>(ExtractFiles.open(file.path(), file.name(), file.profile()), mapper, null, null);
             LedgerLoad load = new LedgerLoad(jdbc, dialect, table, file.sha256(), writer, checks)) {
            while (reader.hasNext()) {
                Outcome<T> outcome = reader.next();
                records++;
                if (outcome instanceof Outcome.Loaded<T> loaded) {
                    load.add(loaded.line(), loaded.raw(), row.apply(loaded.value()));
                    progress.read(loaded.raw());
                } else if (outcome instanceof Outcome.Rejected<T> rejected) {
                    writer.reject(rejected.reject());
                    progress.read(rejected.reject().raw());
                }
            }
            LedgerLoad.Result result = load.finish();
            counts.records = records;
            counts.loaded = result.loaded();
            // counted where the rejects are, not as records - loaded: the control then catches a row lost between the two
            counts.rejected = jdbc.queryForObject("SELECT COUNT(*) FROM rejected_record WHERE source_sha256 = ?", Long.class, file.sha256());
            result.totals().forEach((currency, total) -> counts.totals.byCurrency.put(currency,
                    total.setScale(Money.currency(currency).getDefaultFractionDigits(), java.math.RoundingMode.UNNECESSARY)));
        }
        return counts;
    }

    private static <T> Counts read(RecordReader<T> reader, LedgerWriter writer, java.util.function.Consumer<T> store,
                                   BiConsumer<T, Totals> total) {
        Counts counts = new Counts();
        try (reader) {
            while (reader.hasNext()) {
                Outcome<T> outcome = reader.next();
                if (outcome instanceof Outcome.Loaded<T> loaded) {
                    store.accept(loaded.value());
                    total.accept(loaded.value(), counts.totals);
                    counts.loaded++;
                } else if (outcome instanceof Outcome.Rejected<T> rejected) {
                    writer.reject(rejected.reject());
                    counts.rejected++;
                }
            }
        }
        return counts;
    }

    /**
     * The progress line within one large extract: the text of the rows read so far, in KB, up to just under the
     * file's size (the load step sets the exact figure when the file is in; an XLSX's rows are more text than its
     * compressed bytes, so they stop at the cap).
     */
    private static final class ProgressWithinFile {
        private final StepProgress progress = StepProgress.get();
        private final long capKb;
        private long chars;
        private long advancedKb;

        ProgressWithinFile(InputFileRef file) {
            long size;
            try {
                size = java.nio.file.Files.size(file.path());
            } catch (java.io.IOException e) {
                size = 0;
            }
            capKb = Math.max(0, (size >> 10) - 1);
        }

        void read(String raw) {
            chars += (raw == null ? 0 : raw.length()) + 1;
            long kb = Math.min(capKb, chars >> 10);
            if (kb > advancedKb) {
                progress.advance(kb - advancedKb);
                advancedKb = kb;
            }
        }
    }

    private static final class Counts {
        /** the rows the reader gave, or -1 where only loaded and rejected are known */
        long records = -1;
        long loaded;
        long rejected;
        final Totals totals = new Totals();
    }

    /** The control total of a file: the sum of its loaded amounts per currency. */
    static final class Totals {
        final Map<String, BigDecimal> byCurrency = new TreeMap<>();

        void add(Money m) {
            byCurrency.merge(m.currencyCode(), m.amount(), BigDecimal::add);
        }
    }

}
