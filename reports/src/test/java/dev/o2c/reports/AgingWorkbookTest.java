package dev.o2c.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.aging.AgedItem;
import dev.o2c.domain.aging.AgingBuckets;
import dev.o2c.domain.aging.CustomerAging;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class AgingWorkbookTest {

    static List<CustomerAging.Line> allCustomers() {
        CustomerAging byCustomer = new CustomerAging(AgingBuckets.DEFAULT, SamplePack.usd("0"));
        SamplePack.items().forEach(byCustomer::add);
        return byCustomer.lines(Integer.MAX_VALUE, Map.of());
    }

    static byte[] render(int rowsPerSheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<AgedItem> items = SamplePack.items();
        new AgingWorkbook(rowsPerSheet).render(SamplePack.data(), allCustomers(), items.size(), items::forEach, out);
        return out.toByteArray();
    }

    @Test
    void summaryFormulasTieToTheStatedTotal() throws IOException {
        byte[] xlsx = render(AgingWorkbook.ROWS_PER_SHEET);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/sample-aging.xlsx"), xlsx);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Summary");
            FormulaEvaluator eval = wb.getCreationHelper().createFormulaEvaluator();
            Sheet summary = wb.getSheet("Summary");
            double sum = Double.NaN;
            double stated = Double.NaN;
            double difference = Double.NaN;
            for (var row : summary) {
                Cell label = row.getCell(0);
                if (label == null || label.getCellType() != CellType.STRING) {
                    continue;
                }
                switch (label.getStringCellValue()) {
                    case "Sum of buckets" -> sum = eval.evaluate(row.getCell(1)).getNumberValue();
                    case "Total open AR (stated)" -> stated = row.getCell(1).getNumericCellValue();
                    case "Difference (must be 0.00)" -> difference = eval.evaluate(row.getCell(1)).getNumberValue();
                    default -> { }
                }
            }
            assertThat(sum).isEqualTo(31680.50);
            assertThat(stated).isEqualTo(31680.50);
            assertThat(difference).isZero();

            Sheet byCustomer = wb.getSheet("Aging by customer");
            var total = byCustomer.getRow(15);
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("Total");
            assertThat(eval.evaluate(total.getCell(8)).getNumberValue()).isEqualTo(31680.50);
        }
    }

    @Test
    void bankChecksListEveryFindingWithItsDifference() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(render(AgingWorkbook.ROWS_PER_SHEET)))) {
            Sheet checks = wb.getSheet("Bank checks");
            assertThat(checks.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Bank statements: 2 statements of 1 account: 1 balance break (exceptions.csv).");
            var finding = checks.getRow(3);
            assertThat(finding.getCell(0).getStringCellValue()).isEqualTo("STATEMENT_BALANCE_BREAK");
            assertThat(finding.getCell(2).getStringCellValue()).isEqualTo("bank/march.sta DE89370400440532013000 00042/001");
            assertThat(finding.getCell(3).getNumericCellValue()).isEqualTo(0.01);
            assertThat(checks.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void detailHasNumbersDatesAndTextThatIsNeverAFormula() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(render(AgingWorkbook.ROWS_PER_SHEET)))) {
            Sheet detail = wb.getSheet("Aging detail");
            assertThat(detail.getLastRowNum()).isEqualTo(SamplePack.items().size());
            assertThat(detail.getPaneInformation().isFreezePane()).isTrue();
            assertThat(detail.getRow(0).getCell(0).getStringCellValue()).isEqualTo("customer_id");
            var first = detail.getRow(1);
            assertThat(first.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(4))).isTrue();
            var injected = detail.getRow(3).getCell(1);
            assertThat(injected.getCellType()).isEqualTo(CellType.STRING);
            assertThat(injected.getStringCellValue()).isEqualTo("=cmd|' /C calc'!A0");
            assertThat(injected.getCellStyle().getQuotePrefixed()).isTrue();
        }
    }

    @Test
    void detailContinuesOnANextSheetPastTheRowLimit() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(render(20)))) {
            assertThat(wb.getSheet("Aging detail").getLastRowNum()).isEqualTo(20);
            assertThat(wb.getSheet("Aging detail (2)").getLastRowNum()).isEqualTo(20);
            assertThat(wb.getSheet("Aging detail (3)").getLastRowNum()).isEqualTo(SamplePack.items().size() - 40);
        }
    }

    @Test
    void moreItemsThanAnnouncedIsRefusedNotWrittenOutOfPlace() {
        List<AgedItem> items = SamplePack.items();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AgingWorkbook(20).render(SamplePack.data(), allCustomers(), 40,
                        items::forEach, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Aging detail: more rows than the 2 sheets made for them");
    }

    @Test
    void theSameDataGivesTheSameBytes() {
        assertThat(PackPdfTest.sha256(render(AgingWorkbook.ROWS_PER_SHEET)))
                .isEqualTo(PackPdfTest.sha256(render(AgingWorkbook.ROWS_PER_SHEET)));
    }

    @Test
    void fewerItemsThanAnnouncedIsRefused() {
        List<AgedItem> items = SamplePack.items();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AgingWorkbook(20).render(SamplePack.data(), allCustomers(),
                        items.size() + 1, items::forEach, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Aging detail: " + (items.size() + 1) + " open items announced, " + items.size() + " given");
    }

    @Test
    void closedBeforeItsDetailIsWrittenStopsReadingTheItems() throws InterruptedException {
        AgedItem first = SamplePack.items().get(0);
        CountDownLatch reading = new CountDownLatch(1);
        AtomicReference<RuntimeException> stoppedBy = new AtomicReference<>();
        AtomicInteger given = new AtomicInteger();
        AgingWorkbook workbook = AgingWorkbook.start(SamplePack.data().figures().asOf(), 1_000_000, consumer -> {
            try {
                while (true) { // a store that would go on for a long time
                    consumer.accept(first);
                    given.incrementAndGet();
                    reading.countDown();
                    Thread.sleep(1);
                }
            } catch (RuntimeException e) {
                stoppedBy.set(e);
                throw e;
            } catch (InterruptedException e) {
                stoppedBy.set(new IllegalStateException("interrupted", e));
            }
        });
        assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
        workbook.close(); // the caller failed before finishing: the reading must end with it
        int atClose = given.get();
        assertThat(stoppedBy.get()).isNotNull();
        Thread.sleep(50);
        assertThat(given.get()).isEqualTo(atClose);
    }
}
