package dev.o2c.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.util.JRLoader;

/** The JasperReports context we render with: the library defaults plus fixed PDF settings. */
final class Jasper {

    private static final JasperReportsContext CONTEXT = create();

    private Jasper() {
    }

    static JasperReportsContext context() {
        return CONTEXT;
    }

    /** A template compiled at build time ({@code name.jasper} beside this class). */
    static JasperReport template(String name) {
        try (InputStream in = Jasper.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build: templates are compiled at process-classes");
            }
            return (JasperReport) JRLoader.loadObject(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JRException e) {
            throw new IllegalStateException("cannot load the report template " + name + ": " + e.getMessage(), e);
        }
    }

    private static JasperReportsContext create() {
        DefaultJasperReportsContext context = DefaultJasperReportsContext.getInstance();
        // Embed every font: a PDF that falls back to a viewer's Helvetica loses characters.
        context.setProperty("net.sf.jasperreports.default.pdf.embedded", "true");
        context.setProperty("net.sf.jasperreports.default.font.name", "DejaVu Sans");
        return context;
    }
}
