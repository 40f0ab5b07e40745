package dev.o2c.reports;

import dev.o2c.domain.aging.CustomerAging;
import dev.o2c.domain.controls.Control;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.figures.CollectionsWorklist;
import dev.o2c.domain.figures.MonthEndFigures;
import dev.o2c.domain.money.FxRates;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What the pack shows besides the item detail: who and when, the figures, aging by
 * customer (top lines, the rest, the total), the controls, the bank statements' checks,
 * every exception of the run and the collections worklist.
 *
 * @param customerLines from {@link CustomerAging#lines}, the total line last
 * @param exceptions every exception of the run, in their published order (exceptions.csv)
 * @param worklist the collections worklist, most pressing first (collections.csv)
 * @param customerNames customer id to name, for the lists that name customers
 * @param inputs the files the run loaded, as the manifest lists them
 * @param rates the run's exchange rates, to rank amounts of different currencies by their
 *        functional value at the as-of date; null when there are none to hand
 */
public record PackData(
        String entity,
        String runId,
        String codeVersion,
        MonthEndFigures figures,
        List<CustomerAging.Line> customerLines,
        int topN,
        int customerCount,
        List<Control> controls,
        Bank bank,
        List<ExceptionItem> exceptions,
        List<CollectionsWorklist.Item> worklist,
        Map<String, String> customerNames,
        List<Input> inputs,
        FxRates rates) {

    public PackData {
        customerLines = List.copyOf(customerLines);
        controls = List.copyOf(controls);
        exceptions = List.copyOf(exceptions);
        worklist = Collections.unmodifiableList(worklist); // a million items: not copied
        customerNames = Collections.unmodifiableMap(customerNames);
        inputs = List.copyOf(inputs);
    }

    /** One input file: its name in the input directory, what it is, its rows and the start of its SHA-256. */
    public record Input(String name, String kind, long records, long loaded, long rejected, String sha256) {
    }

    /** A pack without exception and worklist lists. */
    public PackData(String entity, String runId, String codeVersion, MonthEndFigures figures, List<CustomerAging.Line> customerLines,
                    int topN, int customerCount, List<Control> controls, Bank bank) {
        this(entity, runId, codeVersion, figures, customerLines, topN, customerCount, controls, bank, List.of(), List.of(), Map.of(),
                List.of(), null);
    }

    /**
     * The run's bank statements: how many, of how many accounts, and what their checks
     * found (balance and chain breaks, statements and lines loaded twice, BAI2 totals).
     */
    public record Bank(int statements, int accounts, List<ExceptionItem> findings) {
        public Bank {
            findings = List.copyOf(findings);
        }

        public static final Bank NONE = new Bank(0, 0, List.of());
    }

    public long controlsPassed() {
        return controls.stream().filter(Control::passed).count();
    }
}
