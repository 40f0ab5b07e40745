package dev.o2c.reports;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JasperReportsContext;

/** The JasperReports context we render with: the library defaults plus fixed PDF settings. */
final class Jasper {

    private static final JasperReportsContext CONTEXT = create();

    private Jasper() {
    }

    static JasperReportsContext context() {
        return CONTEXT;
    }

    private static JasperReportsContext create() {
        DefaultJasperReportsContext context = DefaultJasperReportsContext.getInstance();
        // Embed every font: a PDF that falls back to a viewer's Helvetica loses characters.
        context.setProperty("net.sf.jasperreports.default.pdf.embedded", "true");
        context.setProperty("net.sf.jasperreports.default.font.name", "DejaVu Sans");
        return context;
    }
}
