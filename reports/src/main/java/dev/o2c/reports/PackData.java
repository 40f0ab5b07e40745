package dev.o2c.reports;

import dev.o2c.domain.aging.CustomerAging;
import dev.o2c.domain.controls.Control;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.figures.MonthEndFigures;
import java.util.List;

/**
 * What the pack shows besides the item detail: who and when, the figures, aging by
 * customer (top lines, the rest, the total), the controls and the bank statements' checks.
 *
 * @param customerLines from {@link CustomerAging#lines}, the total line last
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
        Bank bank) {

    public PackData {
        customerLines = List.copyOf(customerLines);
        controls = List.copyOf(controls);
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
