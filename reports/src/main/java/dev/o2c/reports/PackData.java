package dev.o2c.reports;

import dev.o2c.domain.aging.CustomerAging;
import dev.o2c.domain.controls.Control;
import dev.o2c.domain.figures.MonthEndFigures;
import java.util.List;

/**
 * What the pack shows besides the item detail: who and when, the figures, aging by
 * customer (top lines, the rest, the total) and the controls.
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
        List<Control> controls) {

    public PackData {
        customerLines = List.copyOf(customerLines);
        controls = List.copyOf(controls);
    }

    public long controlsPassed() {
        return controls.stream().filter(Control::passed).count();
    }
}
