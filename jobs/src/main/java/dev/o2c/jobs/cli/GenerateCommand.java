package dev.o2c.jobs.cli;

import dev.o2c.jobs.generate.CompanyGenerator;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code o2c generate}: a synthetic input directory plus {@code truth/}. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a realistic synthetic input directory (CONTRACTS.md section 2) plus truth/ with the true cash applications.")
final class GenerateCommand implements Callable<Integer> {

    /** The month the demo closes; fixed so that every generated company is the same. */
    static final LocalDate DEFAULT_END = LocalDate.of(2025, 10, 31);

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where to write")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--customers", defaultValue = "150", description = "number of customers (default: ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--invoices", defaultValue = "4000", description = "number of invoices (default: ${DEFAULT-VALUE})")
    int invoices;

    @Option(names = "--months", defaultValue = "13", description = "months of history (default: ${DEFAULT-VALUE})")
    int months;

    @Option(names = "--end", paramLabel = "DATE", description = "last day of the history, a month end (default: 2025-10-31)")
    LocalDate end = DEFAULT_END;

    @Option(names = "--statement-format", paramLabel = "FORMAT", description = "every account's statement as camt, mt940 (free-text :86:,"
            + " as banks without subfields write it), bai2 (US banks' detail text) or csv (default: camt for EUR, MT940 with /KEY/"
            + " fields for GBP, bank CSV for USD)")
    String statementFormat;

    @Option(names = "--noise", paramLabel = "LEVEL", defaultValue = "standard", description = "standard, or hard: a quarter of the"
            + " payments clean, twice the reference variants, typos, name variants, partial, short and unlisted payments, names cut"
            + " as ACH prints them (default: ${DEFAULT-VALUE})")
    String noise;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!end.equals(end.withDayOfMonth(end.lengthOfMonth()))) {
            throw new IllegalArgumentException("--end " + end + ": must be the last day of a month");
        }
        CompanyGenerator.Summary s = new CompanyGenerator(new CompanyGenerator.Settings(seed, customers, invoices, months, end, statementFormat, noise)).writeTo(out);
        spec.commandLine().getOut().printf("generated %s: %d customers, %d invoices, %d credit memos, %d receipt rows, "
                        + "%d bank lines (%d credits) for %s; close it with --as-of %s%n",
                out, s.customers(), s.invoices(), s.creditMemos(), s.receiptRows(), s.bankLines(), s.bankCredits(),
                end.toString().substring(0, 7), end);
        spec.commandLine().getOut().flush();
        return O2cCommand.OK;
    }
}
