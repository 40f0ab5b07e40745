package dev.o2c.readers.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.money.Money;
import dev.o2c.readers.csv.InputFormatException;
import dev.o2c.readers.csv.Outcome;
import dev.o2c.readers.csv.RecordReader;
import dev.o2c.readers.erp.ErpExtract;
import dev.o2c.readers.erp.ErpRows;
import dev.o2c.readers.erp.ExtractFiles;
import dev.o2c.readers.erp.MappingProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxTableTest {

    @TempDir
    Path dir;

    /** An invoices workbook as a person saves it from Excel: a title row, typed cells, an empty row. */
    private Path workbook(String name) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Invoices");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("#,##0.00"));
            sheet.createRow(0).createCell(0).setCellValue("Open invoices, October 2025");
            Row header = sheet.createRow(2);
            String[] columns = {"invoice_id", "customer_id", "invoice_date", "due_date", "currency", "amount"};
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i]);
            }
            Row r = sheet.createRow(3);
            r.createCell(0).setCellValue("INV-1");
            r.createCell(1).setCellValue("C1");
            r.createCell(2).setCellValue(LocalDate.of(2025, 10, 15));
            r.getCell(2).setCellStyle(date);
            r.createCell(3).setCellValue(LocalDate.of(2025, 11, 14));
            r.getCell(3).setCellStyle(date);
            r.createCell(4).setCellValue("EUR");
            r.createCell(5).setCellValue(0.1 + 0.2 + 1234.2); // 1234.5 as a double sum stores it
            r.getCell(5).setCellStyle(money);
            sheet.createRow(4); // formatted, empty: not a record
            Row text = sheet.createRow(5);
            text.createCell(0).setCellValue(1002); // an invoice number typed as a number
            text.createCell(1).setCellValue("C1");
            text.createCell(2).setCellValue("2025-10-16");
            text.createCell(3).setCellValue("2025-11-15");
            text.createCell(4).setCellValue("EUR");
            text.createCell(5).setCellValue("99.90");
            Row bad = sheet.createRow(6);
            bad.createCell(0).setCellValue("INV-3");
            bad.createCell(1).setCellValue("C1");
            bad.createCell(2).setCellValue("16.10.2025");
            bad.createCell(3).setCellValue("2025-11-15");
            bad.createCell(4).setCellValue("EUR");
            bad.createCell(5).setCellValue(5);
            wb.write(out);
        }
        return file;
    }

    @Test
    void typedCellsAreReadAsExcelHoldsThemWithTheirRowNumbers() throws IOException {
        Path file = workbook("invoices.xlsx");
        MappingProfile generic = MappingProfile.generic(ErpExtract.INVOICES);
        List<Outcome<Invoice>> out = new ArrayList<>();
        // title row 1, blank row 2: the header is the first row with values after the skipped one
        MappingProfile titled = new MappingProfile("titled", "", ErpExtract.INVOICES, List.of(), generic.encoding(), ',', 1, '.', null,
                generic.dates(), generic.columns(), java.util.Map.of(), java.util.Map.of(), null, null);
        try (RecordReader<Invoice> r = new RecordReader<>(ExtractFiles.open(file, "invoices.xlsx", titled),
                ErpRows.invoices(c -> true), null, null)) {
            r.forEachRemaining(out::add);
        }
        assertThat(out).hasSize(3);
        Invoice first = ((Outcome.Loaded<Invoice>) out.get(0)).value();
        assertThat(out.get(0).line()).isEqualTo(4);
        assertThat(first.invoiceDate()).isEqualTo(LocalDate.of(2025, 10, 15));
        assertThat(first.amount()).isEqualTo(Money.of("1234.50", "EUR"));
        Invoice second = ((Outcome.Loaded<Invoice>) out.get(1)).value();
        assertThat(out.get(1).line()).isEqualTo(6);
        assertThat(second.invoiceId()).isEqualTo("1002");
        assertThat(second.amount()).isEqualTo(Money.of("99.90", "EUR"));
        Outcome.Rejected<Invoice> rejected = (Outcome.Rejected<Invoice>) out.get(2);
        assertThat(rejected.reject().line()).isEqualTo(7);
        assertThat(rejected.reject().reason()).isEqualTo("invoice_date '16.10.2025' is not a date as yyyy-MM-dd");
        assertThat(rejected.reject().raw()).isEqualTo("INV-3,C1,16.10.2025,2025-11-15,EUR,5");
    }

    @Test
    void aWorkbookThatInflatesLikeAZipBombIsRefusedByPoiLimits() throws IOException {
        Path good = workbook("good.xlsx");
        Path bomb = dir.resolve("bomb.xlsx");
        // the same workbook, its sheet padded with 50 MB of whitespace that deflates to almost nothing
        try (ZipFile in = new ZipFile(good.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData>");
                    out.write(xml.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 50; i++) {
                        out.write(spaces);
                    }
                    out.write(xml.substring(at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    out.write(bytes);
                }
                out.closeEntry();
            }
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        assertThatThrownBy(() -> {
            try (var t = ExtractFiles.open(bomb, "bomb.xlsx", MappingProfile.generic(ErpExtract.INVOICES))) {
                t.rows().forEachRemaining(r -> { });
            }
        }).isInstanceOf(InputFormatException.class).hasMessageContaining("bomb.xlsx: ").hasMessageContaining("Zip bomb");
    }

    @Test
    void aFileThatIsNotAWorkbookFailsWithItsName() throws IOException {
        Path file = Files.writeString(dir.resolve("invoices.xlsx"), "invoice_id,customer_id\n");
        assertThatThrownBy(() -> ExtractFiles.open(file, "invoices.xlsx", MappingProfile.generic(ErpExtract.INVOICES)))
                .isInstanceOf(InputFormatException.class).hasMessageStartingWith("invoices.xlsx: not a readable XLSX workbook");
    }
}
