package dev.o2c.reports;

import java.util.HexFormat;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;

/**
 * Native Excel charts over cells already written: each series refers to its cells (so the
 * chart follows an edit) and carries their values (so a reader that does not recalculate
 * still draws it). The streaming sheet keeps the rows it charts in memory: charts are only
 * drawn over short tables.
 */
final class WorkbookCharts {

    private WorkbookCharts() {
    }

    /** A column chart of one series: categories in column {@code labelCol}, values in {@code valueCol}, rows first..last. */
    static void columns(SXSSFSheet s, String title, int first, int last, int labelCol, int valueCol, String[] labels,
                        Double[] values, int anchorRow, int anchorCol) {
        XSSFChart chart = chart(s, title, anchorRow, anchorCol, 3, 16);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setCrossBetween(AxisCrossBetween.BETWEEN);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(false);
        XDDFChartData.Series series = data.addSeries(
                XDDFDataSourcesFactory.fromArray(labels, range(s, first, last, labelCol)),
                XDDFDataSourcesFactory.fromArray(values, range(s, first, last, valueCol)));
        series.setTitle(title, null);
        XDDFShapeProperties fill = new XDDFShapeProperties();
        fill.setFillProperties(new XDDFSolidFillProperties(color(0)));
        series.setShapeProperties(fill);
        chart.plot(data);
    }

    /** One line per column {@code valueCols}, over categories in column {@code labelCol}; titles from {@code names}. */
    static void lines(SXSSFSheet s, String title, int first, int last, int labelCol, String[] labels, int[] valueCols,
                      List<String> names, List<Double[]> values, int anchorRow, int anchorCol) {
        XSSFChart chart = chart(s, title, anchorRow, anchorCol, 5, 20);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        data.setVaryColors(false);
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromArray(labels, range(s, first, last, labelCol));
        for (int k = 0; k < valueCols.length; k++) {
            XDDFNumericalDataSource<Double> v = XDDFDataSourcesFactory.fromArray(values.get(k), range(s, first, last, valueCols[k]));
            XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(categories, v);
            series.setTitle(names.get(k), null);
            series.setMarkerStyle(MarkerStyle.CIRCLE);
            series.setSmooth(false);
            // explicit colours: without them some readers (LibreOffice) draw every series alike, markers only
            XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(color(k)));
            line.setWidth(2.0);
            series.setLineProperties(line);
        }
        chart.plot(data);
        chart.displayBlanksAs(DisplayBlanks.GAP); // an undefined figure is a gap, not a fall to zero
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    }

    /** A fixed palette, so every reader draws the same colours. */
    private static final String[] PALETTE = {"4A6FA5", "59A14F", "E15759", "F28E2B"};

    private static XDDFColor color(int k) {
        return XDDFColor.from(HexFormat.of().parseHex(PALETTE[k % PALETTE.length]));
    }

    private static XSSFChart chart(SXSSFSheet s, String title, int row, int col, int width, int height) {
        s.createDrawingPatriarch();
        XSSFDrawing drawing = s.getDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col, row, col + width, row + height);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        return chart;
    }

    private static String range(SXSSFSheet s, int first, int last, int col) {
        return new CellRangeAddress(first, last, col, col).formatAsString(s.getSheetName(), true);
    }
}
