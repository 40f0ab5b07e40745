package dev.o2c.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.domain.ar.DocumentType;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.money.Money;
import dev.o2c.jobs.close.InputDirectory;
import dev.o2c.jobs.close.InputFileRef;
import dev.o2c.readers.csv.InputFormatException;
import dev.o2c.readers.csv.Outcome;
import dev.o2c.readers.csv.RecordReader;
import dev.o2c.readers.erp.ErpRows;
import dev.o2c.readers.erp.ExtractFiles;
import dev.o2c.readers.erp.MappingProfile;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped ERP layouts (config/mappings) and the profile keys, against files this test
 * writes the way each ERP does.
 */
class MappingProfilesTest {

    static final Path SHIPPED = Path.of("../config/mappings");

    @TempDir
    Path dir;

    static MappingProfile shipped(String name) {
        return MappingProfiles.load(SHIPPED).stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    static List<Outcome<Invoice>> invoices(Path file, MappingProfile profile) {
        List<Outcome<Invoice>> out = new ArrayList<>();
        try (RecordReader<Invoice> r = new RecordReader<>(ExtractFiles.open(file, file.getFileName().toString(), profile),
                ErpRows.invoices(c -> !c.equals("UNKNOWN")), null, null)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    static Invoice loaded(Outcome<Invoice> o) {
        assertThat(o).as(o.toString()).isInstanceOf(Outcome.Loaded.class);
        return ((Outcome.Loaded<Invoice>) o).value();
    }

    static String rejected(Outcome<Invoice> o) {
        assertThat(o).isInstanceOf(Outcome.Rejected.class);
        Outcome.Rejected<Invoice> r = (Outcome.Rejected<Invoice>) o;
        return r.reject().line() + ": " + r.reject().reason();
    }

    @Test
    void everyShippedProfileLoadsAndNamesAnExtract() {
        List<MappingProfile> profiles = MappingProfiles.load(SHIPPED);
        assertThat(profiles).extracting(MappingProfile::name).containsExactly("netsuite-transactions", "oracle-receivables",
                "sap-datasphere-business-partners", "sap-datasphere-sales-orders", "sap-fbl5n");
    }

    @Test
    void sapFbl5nInWindows1252WithTrailingMinusAndGroupedThousands() throws IOException {
        Path file = dir.resolve("FBL5N_2025-10.txt");
        Files.write(file, ("Konto;Belegnummer;Belegart;Belegdatum;Nettofälligkeit;Belegwährung;Betrag in Belegwährung;Rechnungsbezug\r\n"
                + "1000;90001234;RV;15.10.2025;14.11.2025;EUR;1.234,56;\r\n"
                + "1000;90001300;DG;20.10.2025;20.10.2025;EUR;234,56-;90001234\r\n"
                + "1000;14000007;DZ;21.10.2025;21.10.2025;EUR;1.000,00-;\r\n"
                + "1000;90001301;RV;15.10.2025;14.11.2025;EUR;12.34,00;\r\n"
                + "Müller;90001302;RV;31.10.2025;30.11.2025;EUR;10,00;\r\n").getBytes(Charset.forName("windows-1252")));
        List<Outcome<Invoice>> out = invoices(file, shipped("sap-fbl5n"));
        Invoice invoice = loaded(out.get(0));
        assertThat(invoice.invoiceId()).isEqualTo("90001234");
        assertThat(invoice.amount()).isEqualTo(Money.of("1234.56", "EUR"));
        assertThat(invoice.invoiceDate()).isEqualTo(LocalDate.of(2025, 10, 15));
        assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2025, 11, 14));
        Invoice memo = loaded(out.get(1));
        assertThat(memo.type()).isEqualTo(DocumentType.CREDIT_MEMO);
        assertThat(memo.amount()).isEqualTo(Money.of("234.56", "EUR"));
        assertThat(memo.originalInvoiceId()).isEqualTo("90001234");
        assertThat(rejected(out.get(2))).isEqualTo("4: Belegart 'DZ' is not one of the codes the profile translates (RV, DR, DG)");
        assertThat(rejected(out.get(3))).isEqualTo("5: Betrag in Belegwährung '12.34,00' is not a decimal number like 1.234,50"
                + " as the sap-fbl5n profile writes them");
        // read in Windows-1252, not mangled
        assertThat(loaded(out.get(4)).customerId()).isEqualTo("Müller");
    }

    @Test
    void oracleReceivablesWithOracleDatesAndNegativeCreditMemos() throws IOException {
        Path file = Files.writeString(dir.resolve("ar_transactions_oct.csv"), """
                TRX_NUMBER,ACCOUNT_NUMBER,CLASS,TRX_DATE,DUE_DATE,INVOICE_CURRENCY_CODE,AMOUNT_DUE_ORIGINAL,CREDITED_TRX_NUMBER,SALES_ORDER
                10234,C-77,INV,15-OCT-25,14-NOV-25,USD,5000.00,,SO-88
                10240,C-77,CM,20-Oct-2025,20-OCT-25,USD,-500.00,10234,
                10241,C-77,INV,32-OCT-25,14-NOV-25,USD,1.00,,
                """);
        List<Outcome<Invoice>> out = invoices(file, shipped("oracle-receivables"));
        Invoice invoice = loaded(out.get(0));
        assertThat(invoice.orderId()).isEqualTo("SO-88");
        assertThat(invoice.invoiceDate()).isEqualTo(LocalDate.of(2025, 10, 15));
        Invoice memo = loaded(out.get(1));
        assertThat(memo.type()).isEqualTo(DocumentType.CREDIT_MEMO);
        assertThat(memo.amount()).isEqualTo(Money.of("500.00", "USD"));
        assertThat(memo.originalInvoiceId()).isEqualTo("10234");
        assertThat(rejected(out.get(2))).isEqualTo("4: TRX_DATE '32-OCT-25' is not a date as dd-MMM-yy or dd-MMM-yyyy or yyyy-MM-dd");
    }

    @Test
    void netSuiteWithAByteOrderMarkUsDatesGroupedAmountsAndParentheses() throws IOException {
        Path file = dir.resolve("CustomerSavedSearch123.csv");
        Files.writeString(file, "\uFEFFDocument Number,Type,Date,Due Date,Customer ID,Currency,Amount (Foreign Currency)\n"
                + "INV1001,Invoice,10/5/2025,11/4/2025,CUST-9,USD,\"12,345.60\"\n"
                + "CM77,Credit Memo,10/9/2025,10/9/2025,CUST-9,USD,(250.00)\n"
                + "INV1002,Invoice,10/9/2025,11/8/2025,CUST-9,USD,(250.00)\n", StandardCharsets.UTF_8);
        List<Outcome<Invoice>> out = invoices(file, shipped("netsuite-transactions"));
        assertThat(loaded(out.get(0)).amount()).isEqualTo(Money.of("12345.60", "USD"));
        assertThat(loaded(out.get(0)).dueDate()).isEqualTo(LocalDate.of(2025, 11, 4));
        assertThat(loaded(out.get(1)).type()).isEqualTo(DocumentType.CREDIT_MEMO);
        assertThat(loaded(out.get(1)).amount()).isEqualTo(Money.of("250.00", "USD"));
        assertThat(rejected(out.get(2))).isEqualTo("4: Amount (Foreign Currency) '(250.00)' is negative, and the netsuite-transactions"
                + " profile loads no negative amounts (negative_amounts: reject)");
    }

    @Test
    void titleLinesPipesADebitCreditColumnAndConstants() throws IOException {
        Path profiles = Files.createDirectories(dir.resolve("mappings"));
        Files.writeString(profiles.resolve("legacy.yml"), """
                extract: invoices
                encoding: ISO-8859-1
                delimiter: "|"
                skip-lines: 2
                decimal-separator: ","
                date-formats: [dd/MM/yy]
                columns:
                  invoice_id: DOC
                  customer_id: CLIENT
                  invoice_date: DATED
                  due_date: DUE
                  amount: VALUE
                sign-indicator: {column: DC, debit: [D], credit: [C]}
                negative-amounts: credit-memo
                constants:
                  currency: EUR
                """);
        MappingProfile legacy = MappingProfiles.load(profiles).get(0);
        Path file = dir.resolve("export.txt");
        Files.write(file, ("Report AR open items, Société Générale branch\nprinted 01/11/25\n"
                + "DOC|CLIENT|DATED|DUE|VALUE|DC\n"
                + "A1|K1|01/10/25|31/10/25|100,50|D\n"
                + "A2|K1|02/10/25|02/10/25|20,00|C\n"
                + "A3|K1|02/10/25|02/10/25|20,00|X\n").getBytes(StandardCharsets.ISO_8859_1));
        List<Outcome<Invoice>> out = invoices(file, legacy);
        assertThat(loaded(out.get(0)).amount()).isEqualTo(Money.of("100.50", "EUR"));
        assertThat(loaded(out.get(0)).invoiceDate()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(out.get(0).line()).isEqualTo(4);
        assertThat(loaded(out.get(1)).type()).isEqualTo(DocumentType.CREDIT_MEMO);
        assertThat(loaded(out.get(1)).amount()).isEqualTo(Money.of("20.00", "EUR"));
        assertThat(rejected(out.get(2))).isEqualTo("6: DC 'X' is neither debit (D) nor credit (C)");
    }

    @Test
    void aColumnKnownByItsNamesInTheErpsLanguagesIsReadUnderWhicheverTheHeaderGives() throws IOException {
        Path profiles = Files.createDirectories(dir.resolve("mappings"));
        Files.writeString(profiles.resolve("items.yml"), """
                extract: invoices
                delimiter: ";"
                date-formats: [dd.MM.yyyy]
                columns:
                  invoice_id: [Belegnummer, Document Number, "Nº documento"]
                  customer_id: [Konto, Account, Cuenta]
                  invoice_date: [Belegdatum, Document Date]
                  due_date: [Nettofälligkeit, Net Due Date, Vencimiento neto]
                  currency: [Belegwährung, Document Currency]
                  amount: [Betrag in Belegwährung, Amount in Doc. Curr.]
                """);
        MappingProfile items = MappingProfiles.load(profiles).get(0);
        Path german = Files.writeString(dir.resolve("de.csv"), "Belegnummer;Konto;Belegdatum;Nettofälligkeit;Belegwährung;Betrag in Belegwährung\n"
                + "9001;K1;01.10.2025;31.10.2025;EUR;100,50\n");
        Path english = Files.writeString(dir.resolve("en.csv"), "Account;Document Number;Document Date;Net Due Date;Document Currency;"
                + "Amount in Doc. Curr.\nK1;9002;02.10.2025;01.11.2025;EUR;20,00\n");
        assertThat(items.fits(List.of("Account", "Document Number", "Document Date", "Net Due Date", "Document Currency",
                "Amount in Doc. Curr."))).isTrue();
        assertThat(loaded(invoices(german, items).get(0)).invoiceId()).isEqualTo("9001");
        Invoice en = loaded(invoices(english, items).get(0));
        assertThat(en.invoiceId()).isEqualTo("9002");
        assertThat(en.amount()).isEqualTo(Money.of("20.00", "EUR"));
        // a header with none of a field's names: every missing one named, under the profile's first name
        Path partial = Files.writeString(dir.resolve("es.csv"), "Nº documento;Cuenta;Vencimiento neto\n1;K1;31.10.2025\n");
        assertThatThrownBy(() -> invoices(partial, items)).hasMessageContaining("missing required columns 'belegdatum'")
                .hasMessageContaining("'belegwährung'");
    }

    @Test
    void creditMemosNeedNoDueDateColumnAnInvoiceWithoutOneIsRejected() throws IOException {
        Path profiles = Files.createDirectories(dir.resolve("mappings"));
        Files.writeString(profiles.resolve("memos.yml"), """
                extract: invoices
                columns: {invoice_id: Memo, customer_id: Customer, invoice_date: Date, currency: Currency, amount: Total, type: Kind}
                values:
                  type: {CM: CREDIT_MEMO, IN: INVOICE}
                """);
        MappingProfile memos = MappingProfiles.load(profiles).get(0);
        Path file = Files.writeString(dir.resolve("memos.csv"), "Memo,Customer,Date,Currency,Total,Kind\n"
                + "CM-1,K1,2025-10-03,USD,40.00,CM\nIN-1,K1,2025-10-04,USD,50.00,IN\n");
        List<Outcome<Invoice>> out = invoices(file, memos);
        assertThat(loaded(out.get(0)).dueDate()).isEqualTo(LocalDate.of(2025, 10, 3));
        assertThat(rejected(out.get(1))).isEqualTo("3: due_date is required for an invoice");
    }

    @Test
    void semicolonsMeanDecimalCommasUnlessTheProfileSaysAndTabsAreFound() throws IOException {
        Path profiles = Files.createDirectories(dir.resolve("mappings"));
        Files.writeString(profiles.resolve("any.yml"), """
                extract: invoices
                columns: {invoice_id: Id, customer_id: Cust, invoice_date: Date, due_date: Due, currency: Cur, amount: Amt}
                """);
        MappingProfile any = MappingProfiles.load(profiles).get(0);
        Path semicolons = Files.writeString(dir.resolve("a.csv"), "Id;Cust;Date;Due;Cur;Amt\nX1;K;2025-10-01;2025-10-31;USD;10,25\n");
        Path tabs = Files.writeString(dir.resolve("b.tsv"), "Id\tCust\tDate\tDue\tCur\tAmt\nX1\tK\t2025-10-01\t2025-10-31\tUSD\t10.25\n");
        assertThat(loaded(invoices(semicolons, any).get(0)).amount()).isEqualTo(Money.of("10.25", "USD"));
        assertThat(loaded(invoices(tabs, any).get(0)).amount()).isEqualTo(Money.of("10.25", "USD"));
    }

    @Test
    void aProfileIsChosenByFileNameElseByItsHeaderAndATieIsRefused() throws IOException {
        Path input = Files.createDirectories(dir.resolve("in"));
        Files.writeString(input.resolve("customers.csv"), "customer_id,name,currency\nC-77,Acme,USD\n");
        Files.writeString(input.resolve("export-from-oracle.csv"), "TRX_NUMBER,ACCOUNT_NUMBER,CLASS,TRX_DATE,DUE_DATE,"
                + "INVOICE_CURRENCY_CODE,AMOUNT_DUE_ORIGINAL,CREDITED_TRX_NUMBER,SALES_ORDER\n");
        Files.writeString(input.resolve("notes.csv"), "what,why\n");
        List<MappingProfile> mappings = MappingProfiles.load(SHIPPED);
        List<InputFileRef> files = InputDirectory.scan(input, List.of(), mappings);
        assertThat(files).extracting(InputFileRef::name, InputFileRef::format).containsExactly(
                org.assertj.core.groups.Tuple.tuple("customers.csv", "generic-csv"),
                org.assertj.core.groups.Tuple.tuple("export-from-oracle.csv", "csv:oracle-receivables"));
        assertThat(InputDirectory.unreadFiles(input, mappings)).containsExactly("notes.csv");

        Path twins = Files.createDirectories(dir.resolve("twins"));
        String layout = "extract: customers\ncolumns: {customer_id: ID, name: NAME, currency: CUR}\n";
        Files.writeString(twins.resolve("a.yml"), layout);
        Files.writeString(twins.resolve("b.yml"), layout);
        Files.writeString(input.resolve("partners.csv"), "ID,NAME,CUR\n");
        assertThatThrownBy(() -> InputDirectory.scan(input, List.of(), MappingProfiles.load(twins)))
                .isInstanceOf(InputFormatException.class)
                .hasMessage("partners.csv: its header fits the mapping profiles a and b equally; name the file in one of them (files:)");
    }

    @Test
    void aBadProfileNamesItsFileKeyAndValue() throws IOException {
        Path profiles = Files.createDirectories(dir.resolve("bad"));
        Path file = Files.writeString(profiles.resolve("x.yml"), "extract: invoices\ncolumns: {invoice_id: A, amount_due: B}\n");
        assertThatThrownBy(() -> MappingProfiles.load(profiles)).hasMessage(file + ": the profile columns.amount_due is not a field"
                + " of invoices; its fields: invoice_id, customer_id, order_id, invoice_date, due_date, currency, amount, type,"
                + " original_invoice_id, disputed");
        Files.writeString(file, "extract: invoices\ndelimiters: ';'\n");
        assertThatThrownBy(() -> MappingProfiles.load(profiles)).hasMessageStartingWith(file + ": delimiters is not a profile key");
        Files.writeString(file, "extract: bills\ncolumns: {}\n");
        assertThatThrownBy(() -> MappingProfiles.load(profiles)).hasMessage(file
                + ": extract 'bills' must be one of customers, orders, invoices, receipts, fx_rates");
        Files.writeString(file, "extract: invoices\ncolumns: {invoice_id: A}\n");
        assertThatThrownBy(() -> MappingProfiles.load(profiles)).hasMessage(file
                + ": the profile invoices need customer_id: give it a column or a constant");
    }
}
