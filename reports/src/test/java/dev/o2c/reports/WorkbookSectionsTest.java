package dev.o2c.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.aging.AgedItem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The workbook's sections beyond the aging, read back as a person's spreadsheet would. */
class WorkbookSectionsTest {

    static byte[] render(PackData data, int rowsPerSheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<AgedItem> items = SamplePack.items();
        new AgingWorkbook(rowsPerSheet).render(data, AgingWorkbookTest.allCustomers(), items.size(), items::forEach, out);
        return out.toByteArray();
    }

    private static XSSFWorkbook full(int rowsPerSheet) throws IOException {
        byte[] xlsx = render(SamplePack.fullData(), rowsPerSheet);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/sample-pack.xlsx"), xlsx);
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    /** The row whose first cell reads {@code label}. */
    private static Row row(Sheet s, String label) {
        for (Row r : s) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(label)) {
                return r;
            }
        }
        throw new AssertionError("no row " + label + " on " + s.getSheetName());
    }

    @Test
    void oneSheetPerSectionInTheOrderAReaderGoes() throws IOException {
        try (XSSFWorkbook wb = full(AgingWorkbook.ROWS_PER_SHEET)) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("Summary", "Aging by customer", "Aging detail", "Figures", "Cash application",
                    "Roll-forward", "Credit exposure", "Collections summary", "Collections", "Exceptions", "Bank checks", "Definitions");
        }
    }

    @Test
    void cashApplicationAndRollForwardTotalsAreFormulasThatTie() throws IOException {
        try (XSSFWorkbook wb = full(AgingWorkbook.ROWS_PER_SHEET)) {
            FormulaEvaluator eval = wb.getCreationHelper().createFormulaEvaluator();
            Sheet cash = wb.getSheet("Cash application");
            Row sum = row(cash, "Sum of the statuses");
            assertThat(sum.getCell(1).getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(eval.evaluate(sum.getCell(1)).getNumberValue()).isEqualTo(10);
            assertThat(eval.evaluate(sum.getCell(3)).getNumberValue()).isEqualTo(10000.00);
            Row difference = row(cash, "Difference (must be 0)");
            assertThat(eval.evaluate(difference.getCell(1)).getNumberValue()).isZero();
            assertThat(eval.evaluate(difference.getCell(3)).getNumberValue()).isZero();
            Row auto = row(cash, "AUTO (applied in full)");
            assertThat(new DataFormatter().formatCellValue(auto.getCell(2))).isEqualTo("60.00%");
            Row unapplied = row(cash, "Unapplied cash (on account + unmatched)");
            assertThat(unapplied.getCell(1).getNumericCellValue()).isEqualTo(2);
            assertThat(unapplied.getCell(3).getNumericCellValue()).isEqualTo(2000.00);
            Row erp = row(cash, "ERP receipts naming a bank line: receipt − value date");
            assertThat(erp.getCell(2).getStringCellValue()).isEqualTo("n/a");

            Sheet rf = wb.getSheet("Roll-forward");
            Row computed = row(rf, "Closing AR, computed (=)");
            assertThat(eval.evaluate(computed.getCell(1)).getNumberValue()).isEqualTo(31680.50);
            assertThat(eval.evaluate(row(rf, "Difference (the currencies' differences, must be 0.00)").getCell(1)).getNumberValue()).isZero();
            Row eur = row(rf, "EUR");
            assertThat(eur.getCell(6).getCellFormula()).isEqualTo("ROUND(B" + (eur.getRowNum() + 1) + "+C" + (eur.getRowNum() + 1)
                    + "-D" + (eur.getRowNum() + 1) + "-E" + (eur.getRowNum() + 1) + "-F" + (eur.getRowNum() + 1) + ",2)");
            assertThat(eval.evaluate(eur.getCell(6)).getNumberValue()).isZero();
        }
    }

    @Test
    void figuresShowInputsTrendAndNotAvailableRatherThanZero() throws IOException {
        try (XSSFWorkbook wb = full(AgingWorkbook.ROWS_PER_SHEET)) {
            Sheet f = wb.getSheet("Figures");
            assertThat(row(f, "DSO (standard)").getCell(1).getNumericCellValue()).isEqualTo(41.23);
            assertThat(row(f, "Credit sales of the period").getCell(1).getNumericCellValue()).isEqualTo(12000.00);
            assertThat(row(f, "Quarter 2024-01-01 to 2024-03-31").getCell(1).getNumericCellValue()).isEqualTo(79.10);
            Row february = row(f, "2024-02-29");
            assertThat(february.getCell(3).getNumericCellValue()).isEqualTo(31.00);
            assertThat(february.getCell(5)).as("an undefined CEI is a gap in the trend, not 0").isNull();
            assertThat(row(f, "DSO (rolling three months)").getCell(1).getStringCellValue()).isEqualTo("n/a");
            Row allowance = row(f, "Required allowance (exact sum, rounded once)");
            assertThat(allowance.getCell(3).getNumericCellValue())
                    .isEqualTo(SamplePack.fullData().figures().allowance().total().amount().doubleValue());
            List<XSSFChart> charts = ((XSSFSheet) f).getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            assertThat(charts.get(0).getTitleText().getString()).isEqualTo("Month-end trend");
            assertThat(charts.get(0).getChartSeries().get(0).getSeriesCount()).isEqualTo(4);
            List<XSSFChart> aging = ((XSSFSheet) wb.getSheet("Summary")).getDrawingPatriarch().getCharts();
            assertThat(aging).hasSize(1);
            assertThat(aging.get(0).getChartSeries().get(0).getSeries(0).getValuesData().getPointCount()).isEqualTo(6);
            assertThat(aging.get(0).getChartSeries().get(0).getSeries(0).getValuesData().getDataRangeReference())
                    .isEqualTo("Summary!$B$" + (row(wb.getSheet("Summary"), "Current").getRowNum() + 1)
                            + ":$B$" + (row(wb.getSheet("Summary"), ">120").getRowNum() + 1));
        }
    }

    @Test
    void exposureCollectionsAndExceptionsListEveryRowAndNeverAFormula() throws IOException {
        try (XSSFWorkbook wb = full(20)) {
            Sheet exposure = wb.getSheet("Credit exposure");
            Row over = row(exposure, "C014");
            assertThat(over.getCell(6).getNumericCellValue()).isEqualTo(8401.50);
            assertThat(over.getCell(7).getNumericCellValue()).isEqualTo(-6201.50);
            assertThat(exposure.getPaneInformation().isFreezePane()).isTrue();

            assertThat(row(wb.getSheet("Collections summary"), "Overdue, together").getCell(2).getNumericCellValue()).isEqualTo(2175.00);
            Sheet collections = wb.getSheet("Collections");
            assertThat(collections.getLastRowNum()).isEqualTo(20);
            assertThat(wb.getSheet("Collections (2)").getLastRowNum()).isEqualTo(5);
            assertThat(collections.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Customer Number 2");
            Cell injected = collections.getRow(3).getCell(3);
            assertThat(injected.getCellType()).isEqualTo(CellType.STRING);
            assertThat(injected.getStringCellValue()).isEqualTo("@SUM(A1)");
            assertThat(injected.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(((XSSFSheet) collections).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:K21");

            Sheet exceptions = wb.getSheet("Exceptions");
            assertThat(exceptions.getLastRowNum()).isEqualTo(3);
            assertThat(exceptions.getRow(1).getCell(6).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(exceptions.getRow(3).getCell(3).getStringCellValue()).isEqualTo("-SO-9");
            assertThat(exceptions.getRow(3).getCell(3).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(exceptions.getRow(3).getCell(4)).isNull();

            Sheet definitions = wb.getSheet("Definitions");
            assertThat(row(definitions, "dso").getCell(1).getStringCellValue()).startsWith("standard = ending AR");
        }
    }

    @Test
    void aPackWithoutTheNewerSectionsStillHasEverySheetSayingSo() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(render(SamplePack.data(), AgingWorkbook.ROWS_PER_SHEET)))) {
            assertThat(wb.getSheet("Credit exposure").getRow(1).getCell(0).getStringCellValue()).startsWith("Not in this run's figures");
            assertThat(wb.getSheet("Collections").getLastRowNum()).isZero();
            assertThat(wb.getSheet("Exceptions").getRow(0).getCell(0).getStringCellValue()).isEqualTo("category");
        }
    }

    @Test
    void theSamePackGivesTheSameBytes() {
        assertThat(PackPdfTest.sha256(render(SamplePack.fullData(), 20)))
                .isEqualTo(PackPdfTest.sha256(render(SamplePack.fullData(), 20)));
    }
}
