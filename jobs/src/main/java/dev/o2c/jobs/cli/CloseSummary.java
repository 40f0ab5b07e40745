package dev.o2c.jobs.cli;

import dev.o2c.domain.controls.Control;
import dev.o2c.jobs.close.StepSummary;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The table a close ends with: what each step of this attempt did, then every control and whether it tied out. */
final class CloseSummary {

    private static final String ROW = "%-10s %-10s %10s %10s %10s %10s%n";

    private CloseSummary() {
    }

    static void print(PrintWriter out, List<StepSummary> steps, List<Control> controls) {
        if (!steps.isEmpty()) {
            out.printf(Locale.ROOT, ROW, "step", "status", "read", "written", "rejected", "duration");
            for (StepSummary s : steps) {
                out.printf(Locale.ROOT, ROW, s.step(), s.status(), s.read(), s.written(), s.rejected(), duration(s.duration()));
            }
        }
        if (!controls.isEmpty()) {
            long passed = controls.stream().filter(Control::passed).count();
            out.printf(Locale.ROOT, "controls: %d of %d tied out%n", passed, controls.size());
            for (Control c : controls) {
                out.printf(Locale.ROOT, "  %-6s %s%s%n", c.passed() ? "ok" : "FAILED", c.name(),
                        c.passed() ? "" : " (expected " + c.expected().toPlainString() + ", actual " + c.actual().toPlainString() + ")");
            }
        }
    }

    /** 1:02:03, 4:05 or 12.3 s. */
    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
