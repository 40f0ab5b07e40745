package dev.o2c.jobs.cli;

import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.bank.StatementChecks;
import dev.o2c.domain.bank.StatementTotals;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.money.Money;
import dev.o2c.readers.bank.ReadingRules;
import dev.o2c.readers.bank.TextKeys;
import dev.o2c.jobs.close.InputDirectory;
import dev.o2c.jobs.O2cProperties;
import dev.o2c.jobs.config.ConfigDirectory;
import dev.o2c.readers.bank.BankCsvProfile;
import dev.o2c.readers.bank.BankCsvReader;
import dev.o2c.readers.bank.BankFormat;
import dev.o2c.readers.bank.CsvStatements;
import dev.o2c.readers.bank.StatementReader;
import dev.o2c.readers.bank.StatementReaders;
import dev.o2c.readers.csv.InputFormatException;
import dev.o2c.readers.csv.Outcome;
import dev.o2c.readers.csv.RecordReader;
import dev.o2c.writers.out.StatementJson;
import dev.o2c.readers.bank.StatementEvent;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code o2c statement FILE [--format ...] --json}: parses one bank statement (camt.052/053/054,
 * MT940/942, BAI2, bank CSV) and prints the normalized JSON. A file that cannot be parsed,
 * or a bank CSV with a line that cannot, prints nothing on standard output and one
 * {@code FILE:LINE: reason} per problem on standard error. camt, MT940/942 and BAI2 are read
 * twice in flat memory (to the end, then printing as they stream); a bank CSV is read whole.
 */
@Command(name = "statement", mixinStandardHelpOptions = true,
        description = "Parse one bank statement file and print the normalized statement JSON.")
final class StatementCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the statement file")
    Path file;

    @Option(names = "--format", defaultValue = "auto",
            description = "auto, bai2, mt940, mt942, camt052, camt053, camt054 or csv (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--json", description = "print the normalized JSON (CONTRACTS.md section 4)")
    boolean json;

    @Option(names = "--config", paramLabel = "DIR",
            description = "the configuration folder: its bank-csv/ profiles, and its application.yml's o2c.inputs (text keys, BAI2 trailers); default $O2C_CONFIG, else ./config")
    Path config;

    @Option(names = "--bai2-trailers",
            description = "refuse or notice: a BAI2 file whose 49/98/99 totals or counts do not match its records (default: the"
                    + " configuration folder's o2c.inputs.bai2-trailers, else refuse)")
    String bai2Trailers;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new InputFormatException(name, "file not found");
        }
        // the words a bank writes before a detail's parts and how its BAI2 trailers are taken, as the close reads them
        ReadingRules configured = O2cProperties.readingRules(ConfigDirectory.inputs(ConfigDirectory.resolve(config)));
        ReadingRules rules;
        try {
            rules = bai2Trailers == null ? configured
                    : new ReadingRules(ReadingRules.trailersAsNotices(bai2Trailers), configured.textKeys());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bai2-trailers " + e.getMessage());
        }
        BankFormat detected = "auto".equals(format) ? BankFormat.detect(file, name) : BankFormat.fromLabel(format);
        String sha = InputDirectory.sha256(file);
        PrintWriter out = spec.commandLine().getOut();
        if (detected == BankFormat.CSV) {
            List<BankStatement> statements = csv(name, sha, rules.textKeys());
            if (statements == null) {
                return O2cCommand.USAGE;
            }
            List<StatementTotals> totals = new ArrayList<>();
            for (BankStatement s : statements) {
                Money sum = Money.zero(s.currency());
                for (BankTransaction t : s.transactions()) {
                    sum = StatementTotals.plusBooked(sum, t);
                }
                long first = s.transactions().isEmpty() ? 1 : s.transactions().get(0).line();
                totals.add(new StatementTotals(name, first, s.account(), s.statementId(), null, s.openingBalance(), s.closingBalance(),
                        sum, s.transactions().size()));
            }
            balanceNotices(name, totals);
            Printer printer = json ? new JsonPrinter(out, file, detected) : new SummaryPrinter(out);
            for (BankStatement s : statements) {
                printer.begin(s);
                s.transactions().forEach(printer::line);
                printer.end(s);
            }
            printer.close();
        } else {
            // Read twice, in flat memory however big the file: first to the end, so that a file
            // that fails prints nothing on standard output, then to print as it streams.
            BankFormat read;
            List<StatementTotals> totals = new ArrayList<>();
            try (StatementReader reader = StatementReaders.open(detected, file, name, sha, rules)) {
                // only to its end (an error is thrown before anything is printed), adding up each statement
                StatementEvent e;
                long begun = 0;
                Money sum = null;
                long entries = 0;
                while ((e = reader.next()) != null) {
                    if (e instanceof StatementEvent.Begin begin) {
                        begun = begin.line();
                        sum = Money.zero(begin.header().currency());
                        entries = 0;
                    } else if (e instanceof StatementEvent.Line line) {
                        sum = StatementTotals.plusBooked(sum, line.transaction());
                        entries++;
                    } else if (e instanceof StatementEvent.End end) {
                        BankStatement s = end.summary();
                        totals.add(new StatementTotals(name, begun, s.account() == null ? "(unknown account)" : s.account(), s.statementId(), null, s.openingBalance(),
                                s.closingBalance(), sum, entries));
                    }
                }
                reader.notices().forEach(n -> spec.commandLine().getErr().println("o2c: notice: " + name + ":" + n.line() + ": " + n.message()));
                read = reader.format();
            }
            balanceNotices(name, totals);
            Printer printer = json ? new JsonPrinter(out, file, read) : new SummaryPrinter(out);
            try (StatementReader reader = StatementReaders.open(detected, file, name, sha, rules)) {
                StatementEvent e;
                while ((e = reader.next()) != null) {
                    if (e instanceof StatementEvent.Begin begin) {
                        printer.begin(begin.header());
                    } else if (e instanceof StatementEvent.Line line) {
                        printer.line(line.transaction());
                    } else if (e instanceof StatementEvent.End end) {
                        printer.end(end.summary());
                    }
                }
            }
            printer.close();
        }
        out.flush();
        return O2cCommand.OK;
    }

    /**
     * Every statement whose balances do not add up (opening + entries = closing), or that does
     * not open where the account's statement before it in the file closed, says so on standard
     * error, whatever the format: the same checks, in the same words, as the close's exceptions.
     */
    private void balanceNotices(String name, List<StatementTotals> totals) {
        for (ExceptionItem x : StatementChecks.check(totals)) {
            long line = totals.stream().filter(t -> t.label().equals(x.entityId())).mapToLong(StatementTotals::order).findFirst().orElse(1);
            spec.commandLine().getErr().println("o2c: notice: " + name + ":" + line + ": statement " + x.entityId().substring(name.length()).strip()
                    + ": " + x.reason());
        }
    }

    /** A bank CSV's statements, or null when a line is wrong (each said on standard error). */
    private List<BankStatement> csv(String name, String sha, TextKeys textKeys) {
        // grouped by account and currency, so read whole: bank CSV exports are small
        List<BankTransaction> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        BankCsvProfile profile = InputDirectory.csvProfile(file, name, ConfigDirectory.bankCsvProfiles(ConfigDirectory.resolve(config)));
        try (RecordReader<BankTransaction> reader = BankCsvReader.open(file, name, sha, profile, textKeys)) {
            while (reader.hasNext()) {
                Outcome<BankTransaction> o = reader.next();
                if (o instanceof Outcome.Loaded<BankTransaction> loaded) {
                    lines.add(loaded.value());
                } else if (o instanceof Outcome.Rejected<BankTransaction> rejected) {
                    problems.add(name + ":" + rejected.line() + ": " + rejected.reject().reason());
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(spec.commandLine().getErr()::println);
            return null;
        }
        return CsvStatements.group(lines);
    }

    /** Prints statements as they stream: begin, each line, end. */
    private interface Printer {
        void begin(BankStatement header);

        void line(BankTransaction t);

        void end(BankStatement summary);

        void close();
    }

    /** The normalized JSON of CONTRACTS.md section 4. */
    private static final class JsonPrinter implements Printer {
        private final StatementJson json;

        JsonPrinter(PrintWriter out, Path file, BankFormat format) {
            this.json = new StatementJson(out, file.getFileName().toString(), format.label());
        }

        @Override
        public void begin(BankStatement header) {
            json.begin(header);
        }

        @Override
        public void line(BankTransaction t) {
            json.line(t);
        }

        @Override
        public void end(BankStatement summary) {
            json.end(summary);
        }

        @Override
        public void close() {
            json.close();
        }
    }

    /** One line per statement for a person: account, id, counts and balances. */
    private static final class SummaryPrinter implements Printer {
        private final PrintWriter out;
        private long lines;
        private long credits;

        SummaryPrinter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void begin(BankStatement header) {
            lines = 0;
            credits = 0;
        }

        @Override
        public void line(BankTransaction t) {
            lines++;
            credits += t.isCredit() ? 1 : 0;
        }

        @Override
        public void end(BankStatement s) {
            out.printf("%s %s %s: %d transactions (%d credits, %d debits), opening %s, closing %s%n",
                    s.account(), s.currency().getCurrencyCode(), s.statementId() == null ? "" : s.statementId(),
                    lines, credits, lines - credits,
                    s.openingBalance() == null ? "-" : s.openingBalance().amount().toPlainString(),
                    s.closingBalance() == null ? "-" : s.closingBalance().amount().toPlainString());
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
