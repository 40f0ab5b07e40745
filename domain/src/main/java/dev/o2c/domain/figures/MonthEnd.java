package dev.o2c.domain.figures;

import dev.o2c.domain.aging.Aging;
import dev.o2c.domain.controls.Control;
import dev.o2c.domain.controls.ExceptionItem;
import java.util.List;

/** The result of the figures step: the published figures, the aging behind them, controls and exceptions. */
public record MonthEnd(MonthEndFigures figures, Aging aging, List<Control> controls, List<ExceptionItem> exceptions) {
    public MonthEnd {
        controls = List.copyOf(controls);
        exceptions = List.copyOf(exceptions);
    }
}
