package dev.o2c.reports;

import dev.o2c.domain.figures.MonthEndFigures;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JRStyle;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.base.JRBasePrintText;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.type.HorizontalTextAlignEnum;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * The month-end pack as one PDF: a cover (headline figures, every control and whether it
 * passed, the inputs with their hashes), the aging summary and the most overdue items, the
 * figures with their 12-month trend, cash application, reconciliation exceptions, the
 * roll-forward with credit exposure and collections, and the definitions. Each section is
 * filled from its template on its own ({@link PackSections} says what goes in it); the
 * pages are then put together and every page gets the same footer, "page n of m" counted
 * over the whole pack. Summaries only: lists are cut to their largest entries (the workbook
 * and the CSV files have every row), so the PDF's size and memory do not grow with the
 * company. Locale and time zone fixed; {@link PdfNormaliser} removes the wall-clock values
 * the PDF library writes, so the same input gives the same bytes.
 */
public final class PackPdf {

    static final String TABLE = "pack-table.jasper";
    static final String TREND = "pack-trend.jasper";

    private PackPdf() {
    }

    public static void write(PackData data, OutputStream out) {
        MonthEndFigures f = data.figures();
        PackSections sections = new PackSections(data);
        List<JasperPrint> parts = new ArrayList<>();
        parts.add(table("Month-end pack — " + data.entity(), sections.coverSubtitle(), sections.cover()));
        parts.add(AgingSummaryPdf.fill(data));
        parts.add(table("Aging: the most overdue items", sections.overdueSubtitle(), sections.mostOverdue()));
        parts.add(table("DSO family, CEI and the allowance", sections.figuresSubtitle(), sections.figures()));
        if (!f.trend().isEmpty()) {
            parts.add(trend(sections));
        }
        parts.add(table("Cash application", sections.cashSubtitle(), sections.cashApplication()));
        parts.add(table("Reconciliation exceptions", sections.exceptionsSubtitle(), sections.exceptions()));
        parts.add(table("Roll-forward, credit exposure and collections", sections.rollForwardSubtitle(), sections.rollForward()));
        parts.add(table("Definitions", "The formula and convention behind every figure of this pack, with the settings in force"
                + " (METRICS.md; kpis.json \"conventions\").", sections.definitions()));
        try {
            JasperPrint pack = together(parts);
            stampFooters(pack, data);
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            JRPdfExporter exporter = new JRPdfExporter(Jasper.context());
            exporter.setExporterInput(new SimpleExporterInput(pack));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(pdf));
            SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
            config.setMetadataTitle("Month-end pack " + data.entity() + " as of " + f.asOf());
            config.setMetadataAuthor(data.entity());
            config.setMetadataCreator("o2c-close " + data.codeVersion());
            config.setMetadataSubject("Run " + data.runId());
            exporter.setConfiguration(config);
            exporter.exportReport();
            out.write(PdfNormaliser.normalise(pdf.toByteArray(), f.asOf()));
        } catch (JRException e) {
            throw new IllegalStateException("cannot write the month-end pack PDF: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JasperPrint table(String title, String subtitle, PackRows rows) {
        Map<String, Object> params = parameters();
        params.put("TITLE", title);
        params.put("SUBTITLE", subtitle);
        return fill(TABLE, params, new JRMapCollectionDataSource(new ArrayList<>(rows.rows())));
    }

    private static JasperPrint trend(PackSections sections) {
        Map<String, Object> params = parameters();
        params.put("TITLE", "Month-end trend");
        params.put("SUBTITLE", sections.trendSubtitle());
        params.put("DSO_POINTS", new JRMapCollectionDataSource(new ArrayList<>(sections.dsoPoints())));
        params.put("CEI_POINTS", new JRMapCollectionDataSource(new ArrayList<>(sections.ceiPoints())));
        return fill(TREND, params, null);
    }

    private static Map<String, Object> parameters() {
        Map<String, Object> params = new HashMap<>();
        params.put(JRParameter.REPORT_LOCALE, Locale.US);
        params.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("UTC"));
        return params;
    }

    private static JasperPrint fill(String template, Map<String, Object> params, JRMapCollectionDataSource rows) {
        try {
            var filler = JasperFillManager.getInstance(Jasper.context());
            return rows == null ? filler.fill(Jasper.template(template), params) : filler.fill(Jasper.template(template), params, rows);
        } catch (JRException e) {
            throw new IllegalStateException("cannot fill " + template + ": " + e.getMessage(), e);
        }
    }

    /** The sections' pages, in order, in the first section's print (the templates share their style names). */
    private static JasperPrint together(List<JasperPrint> parts) throws JRException {
        JasperPrint pack = parts.get(0);
        for (JasperPrint part : parts.subList(1, parts.size())) {
            for (JRPrintPage page : part.getPages()) {
                pack.addPage(page);
            }
            for (JRStyle style : part.getStyles()) {
                pack.addStyle(style, true);
            }
        }
        return pack;
    }

    /** Every page: who and when on the left, "Page n of m" over the whole pack on the right. */
    private static void stampFooters(JasperPrint pack, PackData data) {
        int pages = pack.getPages().size();
        int y = pack.getPageHeight() - pack.getBottomMargin() - 14;
        int width = pack.getPageWidth() - pack.getLeftMargin() - pack.getRightMargin();
        String who = data.entity() + " · as of " + data.figures().asOf() + " · run " + data.runId() + " · o2c-close "
                + data.codeVersion() + (data.controlsPassed() == data.controls().size() ? "" : " · CONTROLS FAILED: not for distribution");
        for (int p = 0; p < pages; p++) {
            JRPrintPage page = pack.getPages().get(p);
            page.addElement(footerText(pack, who, pack.getLeftMargin(), y, width - 120, HorizontalTextAlignEnum.LEFT));
            page.addElement(footerText(pack, "Page " + (p + 1) + " of " + pages, pack.getLeftMargin() + width - 120, y, 120,
                    HorizontalTextAlignEnum.RIGHT));
        }
    }

    private static JRBasePrintText footerText(JasperPrint pack, String text, int x, int y, int width, HorizontalTextAlignEnum align) {
        JRBasePrintText t = new JRBasePrintText(pack.getDefaultStyleProvider());
        t.setX(x);
        t.setY(y);
        t.setWidth(width);
        t.setHeight(12);
        t.setText(text);
        t.setFontName("DejaVu Sans");
        t.setFontSize(7f);
        t.setForecolor(new Color(0x55, 0x55, 0x55));
        t.setHorizontalTextAlign(align);
        t.setTextHeight(9f);
        return t;
    }
}
