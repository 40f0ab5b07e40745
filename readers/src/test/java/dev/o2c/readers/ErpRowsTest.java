package dev.o2c.readers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.ar.DocumentType;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.ar.Receipt;
import dev.o2c.domain.money.Money;
import dev.o2c.readers.csv.CsvTable;
import dev.o2c.readers.csv.Outcome;
import dev.o2c.readers.csv.RecordReader;
import dev.o2c.readers.erp.ErpExtract;
import dev.o2c.readers.erp.ErpRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErpRowsTest {

    @TempDir
    Path dir;

    <T> List<Outcome<T>> read(String text, ErpExtract extract, dev.o2c.readers.csv.RowMapper<T> mapper,
                              java.util.function.Function<T, String> key) throws IOException {
        Path f = Files.writeString(dir.resolve(extract.fileName()), text);
        List<Outcome<T>> out = new ArrayList<>();
        try (RecordReader<T> r = new RecordReader<>(CsvTable.open(f, extract.fileName(), ',', extract.requiredColumns()), mapper, key, "key")) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    static List<String> reasons(List<? extends Outcome<?>> outcomes) {
        return outcomes.stream().filter(o -> o instanceof Outcome.Rejected<?>)
                .map(o -> o.line() + ": " + ((Outcome.Rejected<?>) o).reject().reason()).toList();
    }

    @Test
    void invoicesAreValidatedRowByRowAndBadOnesRejectedWithTheirLine() throws IOException {
        String csv = """
                invoice_id,customer_id,order_id,invoice_date,due_date,currency,amount,type,original_invoice_id
                INV-1,C1,SO-1,2024-03-01,2024-03-31,USD,100.50,INVOICE,
                INV-2,C9,,2024-03-01,2024-03-31,USD,10,INVOICE,
                INV-3,C1,,2024-03-01,2024-02-01,USD,10,INVOICE,
                INV-4,C1,,2024-03-01,2024-03-31,USD,1.005,INVOICE,
                INV-5,C1,,2024-13-01,2024-03-31,USD,10,INVOICE,
                INV-6,C1,,2024-03-01,2024-03-31,XYZ,10,INVOICE,
                CM-1,C1,,2024-03-05,,USD,20,CREDIT_MEMO,INV-1
                INV-1,C1,,2024-03-01,2024-03-31,USD,5,INVOICE,
                INV-7,C1,,2024-03-01,2024-03-31,USD,-5,INVOICE,
                INV-8,C1,,2024-03-01,2024-03-31,USD,5,REFUND,
                INV-9,C1,,2024-03-01,2024-03-31,USD,1e3,INVOICE,
                INV-10,C1,2024-03-01
                """;
        List<Outcome<Invoice>> out = read(csv, ErpExtract.INVOICES, ErpRows.invoices(Set.of("C1")::contains), Invoice::invoiceId);
        assertThat(out).hasSize(12);
        assertThat(reasons(out)).containsExactly(
                "3: customer_id 'C9' is not a known customer",
                "4: due_date 2024-02-01 is before invoice_date 2024-03-01",
                "5: amount '1.005': 1.005 has more than 2 decimals allowed for USD",
                "6: invoice_date '2024-13-01' is not a date YYYY-MM-DD",
                "7: currency 'XYZ' is not an ISO 4217 currency code",
                "9: duplicate key 'INV-1': line 9 repeats line 2, which was kept",
                "10: amount '-5.00' must not be negative",
                "11: type 'REFUND' is not one of INVOICE, CREDIT_MEMO",
                "12: amount '1e3' is not a decimal number like 1234.50",
                "13: expected 9 fields as in the header, found 3");
        Invoice cm = ((Outcome.Loaded<Invoice>) out.get(6)).value();
        assertThat(cm.type()).isEqualTo(DocumentType.CREDIT_MEMO);
        assertThat(cm.dueDate()).isEqualTo(cm.invoiceDate());
        assertThat(cm.originalInvoiceId()).isEqualTo("INV-1");
        assertThat(((Outcome.Loaded<Invoice>) out.get(0)).value().amount()).isEqualTo(Money.of("100.50", "USD"));
    }

    @Test
    void theDisputedColumnSaysYesOrNo() throws IOException {
        String csv = """
                invoice_id,customer_id,invoice_date,due_date,currency,amount,disputed
                INV-1,C1,2024-03-01,2024-03-31,USD,1,
                INV-2,C1,2024-03-01,2024-03-31,USD,1,TRUE
                INV-3,C1,2024-03-01,2024-03-31,USD,1,x
                INV-4,C1,2024-03-01,2024-03-31,USD,1,no
                INV-5,C1,2024-03-01,2024-03-31,USD,1,0
                INV-6,C1,2024-03-01,2024-03-31,USD,1,maybe
                """;
        List<Outcome<Invoice>> out = read(csv, ErpExtract.INVOICES, ErpRows.invoices(Set.of("C1")::contains, null), Invoice::invoiceId);
        assertThat(out.stream().filter(o -> o instanceof Outcome.Loaded<?>).map(o -> ((Outcome.Loaded<Invoice>) o).value())
                .map(i -> i.invoiceId() + "=" + i.disputed())).containsExactly("INV-1=false", "INV-2=true", "INV-3=true", "INV-4=false",
                "INV-5=false");
        assertThat(reasons(out)).containsExactly("7: disputed 'maybe' is not yes or no (true/false, yes/no, y/n, x, 1/0)");
    }

    @Test
    void aReceiptRowWithoutAnInvoiceIsOnAccount() throws IOException {
        String csv = """
                receipt_id,customer_id,receipt_date,currency,amount,invoice_id,bank_reference
                R1,C1,2024-03-10,USD,60.00,INV-1,BANK-1
                R1,C1,2024-03-10,USD,40.00,,BANK-1
                R1,C1,2024-03-11,USD,40.00,INV-2,BANK-1
                """;
        List<Outcome<Receipt>> out = read(csv, ErpExtract.RECEIPTS, ErpRows.receipts(Set.of("C1")::contains), null);
        // rows of one receipt that disagree are rejected when the whole file is staged (ErpLoadIT)
        assertThat(reasons(out)).isEmpty();
        Receipt onAccount = ((Outcome.Loaded<Receipt>) out.get(1)).value();
        assertThat(onAccount.allocations().get(0).onAccount()).isTrue();
    }

    @Test
    void oneRuleForEachOddityOfAmountsAndCurrencies() throws IOException {
        // zero loads for every document, negative never (the type gives the sign); trailing zeros beyond the
        // currency's decimals are no decimals (15000.00 JPY is 15000), significant ones are; codes in any case
        String invoices = """
                invoice_id,customer_id,order_id,invoice_date,due_date,currency,amount,type,original_invoice_id
                INV-1,C1,,2024-03-01,2024-03-31,USD,0.00,INVOICE,
                CM-1,C1,,2024-03-05,,USD,0,CREDIT_MEMO,
                INV-2,C1,,2024-03-01,2024-03-31,JPY,15000.00,INVOICE,
                INV-3,C1,,2024-03-01,2024-03-31,JPY,15000.50,INVOICE,
                INV-4,C1,,2024-03-01,2024-03-31,eur,12.30,INVOICE,
                INV-5,C1,,2024-03-01,2024-03-31,US$,12.30,INVOICE,
                INV-6,C1,,2024-03-01,2024-03-31,USD,-0.01,INVOICE,
                """;
        List<Outcome<Invoice>> docs = read(invoices, ErpExtract.INVOICES, ErpRows.invoices(Set.of("C1")::contains), Invoice::invoiceId);
        assertThat(reasons(docs)).containsExactly(
                "5: amount '15000.50': 15000.50 has more than 0 decimals allowed for JPY",
                "7: currency 'US$' is not an ISO 4217 currency code",
                "8: amount '-0.01' must not be negative");
        assertThat(docs.stream().filter(o -> o instanceof Outcome.Loaded<?>).map(o -> ((Outcome.Loaded<Invoice>) o).value().amount().toString()))
                .containsExactly("USD 0.00", "USD 0.00", "JPY 15000", "EUR 12.30");
        String receipts = """
                receipt_id,customer_id,receipt_date,currency,amount,invoice_id,bank_reference
                R1,C1,2024-03-10,USD,0.00,INV-1,
                """;
        assertThat(reasons(read(receipts, ErpExtract.RECEIPTS, ErpRows.receipts(Set.of("C1")::contains), null))).isEmpty();
    }

    @Test
    void customersCarryTheirBankAccounts() throws IOException {
        String csv = """
                customer_id,name,currency,credit_limit,payment_terms_days,country,bank_accounts,parent_customer_id
                C1,"Acme, Inc.",usd,5000,30,us,DE89370400440532013000| GB29NWBK60161331926819,
                C2,Self,USD,,,,,C2
                """;
        var out = read(csv, ErpExtract.CUSTOMERS, ErpRows.customers(), c -> c.customerId());
        var acme = ((Outcome.Loaded<dev.o2c.domain.ar.Customer>) out.get(0)).value();
        assertThat(acme.bankAccounts()).containsExactly("DE89370400440532013000", "GB29NWBK60161331926819");
        assertThat(acme.creditLimit()).isEqualTo(Money.of("5000.00", "USD"));
        assertThat(acme.country()).isEqualTo("US");
        assertThat(reasons(out)).containsExactly("3: parent_customer_id names the customer itself");
    }
}
