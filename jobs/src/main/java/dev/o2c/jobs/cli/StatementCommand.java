package dev.o2c.jobs.cli;

import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.jobs.close.InputDirectory;
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
 * {@code FILE:LINE: reason} per problem on standard error. The file is read whole first;
 * the close's load streams instead, so statement size there is not bounded by memory.
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
            description = "the configuration folder whose bank-csv/ holds bank CSV profiles; default $O2C_CONFIG, else ./config")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new InputFormatException(name, "file not found");
        }
        BankFormat detected = "auto".equals(format) ? BankFormat.detect(file, name) : BankFormat.fromLabel(format);
        String sha = InputDirectory.sha256(file);
        // Parsed whole before anything is printed: a file that fails prints nothing on standard output.
        List<BankStatement> statements;
        if (detected == BankFormat.CSV) {
            List<BankTransaction> lines = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            BankCsvProfile profile = InputDirectory.csvProfile(file, name, ConfigDirectory.bankCsvProfiles(ConfigDirectory.resolve(config)));
            try (RecordReader<BankTransaction> reader = BankCsvReader.open(file, name, sha, profile)) {
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
                return O2cCommand.USAGE;
            }
            statements = CsvStatements.group(lines);
        } else {
            try (StatementReader reader = StatementReaders.open(detected, file, name, sha)) {
                statements = reader.readAll();
                reader.notices().forEach(n -> spec.commandLine().getErr().println("o2c: notice: " + name + ":" + n.line() + ": " + n.message()));
                detected = reader.format();
            }
        }
        if (json) {
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            try (StatementJson out = new StatementJson(buffer, file.getFileName().toString(), detected.label())) {
                statements.forEach(out::statement);
            }
            spec.commandLine().getOut().print(buffer.toString(java.nio.charset.StandardCharsets.UTF_8));
        } else {
            for (BankStatement s : statements) {
                long credits = s.transactions().stream().filter(BankTransaction::isCredit).count();
                spec.commandLine().getOut().printf("%s %s %s: %d transactions (%d credits, %d debits), opening %s, closing %s%n",
                        s.account(), s.currency().getCurrencyCode(), s.statementId() == null ? "" : s.statementId(),
                        s.transactions().size(), credits, s.transactions().size() - credits,
                        s.openingBalance() == null ? "-" : s.openingBalance().amount().toPlainString(),
                        s.closingBalance() == null ? "-" : s.closingBalance().amount().toPlainString());
            }
        }
        spec.commandLine().getOut().flush();
        return O2cCommand.OK;
    }
}
