package dev.o2c.reports;

import dev.o2c.domain.aging.CustomerAging;
import dev.o2c.domain.figures.MonthEndFigures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * The AR aging summary pages of the pack, from {@code ar-aging-summary.jrxml}, compiled at
 * build time into {@code ar-aging-summary.jasper}: key figures, a chart of the buckets,
 * aging by customer (top N, the rest, the total). Locale and time zone are fixed so the
 * numbers do not depend on the machine.
 */
public final class AgingSummaryPdf {

    static final String TEMPLATE = "ar-aging-summary.jasper";

    private AgingSummaryPdf() {
    }

    /** The aging summary pages, for the pack ({@link PackPdf}) to put in its place. */
    static JasperPrint fill(PackData data) {
        MonthEndFigures f = data.figures();
        Map<String, Object> params = new HashMap<>();
        params.put(JRParameter.REPORT_LOCALE, Locale.US);
        params.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("UTC"));
        params.put("ENTITY", data.entity());
        params.put("AS_OF", f.asOf().toString());
        params.put("RUN_ID", data.runId());
        params.put("CODE_VERSION", data.codeVersion());
        params.put("CURRENCY", f.functionalCurrency().getCurrencyCode());
        params.put("BASIS", f.aging().basis());
        params.put("TOTAL_OPEN", f.aging().totalOpen().amount());
        params.put("CURRENT_AR", f.dso().currentAr().amount());
        params.put("UNAPPLIED_CASH", f.aging().unappliedCash().amount());
        params.put("DSO", f.dso().standard() == null ? "n/a (no credit sales)" : f.dso().standard().toPlainString());
        params.put("CEI", f.cei() == null ? "n/a" : f.cei().toPlainString());
        params.put("CUSTOMERS", data.customerCount());
        params.put("TOP_N", data.topN());
        params.put("CONTROLS", "Controls: " + data.controlsPassed() + " of " + data.controls().size() + " passed"
                + (data.controlsPassed() == data.controls().size() ? "." : " — see manifest.json; this pack is not for distribution."));
        params.put("CONVENTIONS", Conventions.aging(f));
        params.put("BANK", BankSection.text(data.bank()));
        params.put("BUCKETS", new JRMapCollectionDataSource(new ArrayList<>(bucketRows(f))));
        try {
            return JasperFillManager.getInstance(Jasper.context()).fill(Jasper.template(TEMPLATE), params,
                    new JRMapCollectionDataSource(new ArrayList<>(crosstabRows(data))));
        } catch (JRException e) {
            throw new IllegalStateException("cannot render the aging summary: " + e.getMessage(), e);
        }
    }

    private static List<Map<String, ?>> bucketRows(MonthEndFigures f) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (MonthEndFigures.BucketAmount b : f.aging().buckets()) {
            rows.add(Map.of("label", b.label(), "amount", b.amount().amount()));
        }
        return rows;
    }

    /** One row per line and bucket; keys sort in display order, the text after '|' is shown. */
    private static List<Map<String, ?>> crosstabRows(PackData data) {
        List<String> labels = data.figures().aging().buckets().stream().map(MonthEndFigures.BucketAmount::label).toList();
        List<Map<String, ?>> rows = new ArrayList<>();
        List<CustomerAging.Line> lines = data.customerLines();
        // The crosstab adds its own total line, so the domain's total line is left out.
        for (int l = 0; l < lines.size() - 1; l++) {
            CustomerAging.Line line = lines.get(l);
            String rowKey = String.format(Locale.ROOT, "%06d|%s", l, line.customerId() == null ? line.label()
                    : line.customerId() + "  " + line.label());
            for (int b = 0; b < labels.size(); b++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("row_key", rowKey);
                row.put("bucket_key", String.format(Locale.ROOT, "%02d|%s", b, labels.get(b)));
                row.put("amount", line.buckets().get(b).amount());
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            for (int b = 0; b < labels.size(); b++) {
                rows.add(Map.of("row_key", "000000|No open items", "bucket_key",
                        String.format(Locale.ROOT, "%02d|%s", b, labels.get(b)), "amount", BigDecimal.ZERO));
            }
        }
        return rows;
    }
}
