package dev.o2c.domain.openitems;

import static dev.o2c.domain.support.Ledgers.creditMemo;
import static dev.o2c.domain.support.Ledgers.d;
import static dev.o2c.domain.support.Ledgers.eur;
import static dev.o2c.domain.support.Ledgers.invoice;
import static dev.o2c.domain.support.Ledgers.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.ar.Invoice;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenItemsTest {

    final Invoice inv1 = invoice("INV-1", "C001", "2024-02-10", "2024-03-11", usd("1000.00"));
    final Invoice inv2 = invoice("INV-2", "C001", "2024-03-20", "2024-04-19", usd("500.00"));

    @Test
    void partialPaymentLeavesTheRemainderWithTheInvoicesDates() {
        List<OpenItem> items = OpenItems.asOf(d("2024-03-31"), List.of(inv1),
                List.of(new CashMovement("R1", "C001", d("2024-03-15"), "INV-1", usd("400.00"))));
        assertThat(items).containsExactly(new OpenItem("C001", "INV-1", OpenItemType.INVOICE, d("2024-02-10"), d("2024-03-11"), usd("600.00")));
    }

    @Test
    void documentsAndCashAfterAsOfDoNotCount() {
        List<OpenItem> items = OpenItems.asOf(d("2024-03-15"), List.of(inv1, inv2),
                List.of(new CashMovement("R1", "C001", d("2024-03-16"), "INV-1", usd("1000.00"))));
        assertThat(items).extracting(OpenItem::documentId).containsExactly("INV-1");
        assertThat(items.get(0).open()).isEqualTo(usd("1000.00"));
    }

    @Test
    void fullyPaidInvoicesAreNotOpen() {
        List<OpenItem> items = OpenItems.asOf(d("2024-03-31"), List.of(inv1),
                List.of(new CashMovement("R1", "C001", d("2024-03-10"), "INV-1", usd("1000.00"))));
        assertThat(items).isEmpty();
    }

    @Test
    void appliedCreditMemoReducesItsInvoiceFromItsDateOn() {
        Invoice cm = creditMemo("CM-1", "C001", "2024-03-05", usd("100.00"), "INV-1");
        assertThat(OpenItems.asOf(d("2024-03-04"), List.of(inv1, cm), List.of()).get(0).open()).isEqualTo(usd("1000.00"));
        assertThat(OpenItems.asOf(d("2024-03-05"), List.of(inv1, cm), List.of()))
                .containsExactly(new OpenItem("C001", "INV-1", OpenItemType.INVOICE, d("2024-02-10"), d("2024-03-11"), usd("900.00")));
    }

    @Test
    void unappliedCreditMemoIsANegativeItemAgedOnItsOwnDate() {
        Invoice cm = creditMemo("CM-2", "C001", "2024-03-05", usd("75.00"), null);
        assertThat(OpenItems.asOf(d("2024-03-31"), List.of(cm), List.of()))
                .containsExactly(new OpenItem("C001", "CM-2", OpenItemType.CREDIT_MEMO, d("2024-03-05"), d("2024-03-05"), usd("-75.00")));
    }

    @Test
    void cashOnAccountIsANegativeItemOnItsReceiptDate() {
        List<OpenItem> items = OpenItems.asOf(d("2024-03-31"), List.of(inv1), List.of(
                new CashMovement("R9", "C001", d("2024-03-12"), null, usd("250.00")),
                new CashMovement("R9", "C001", d("2024-03-12"), null, usd("50.00"))));
        assertThat(items).contains(new OpenItem("C001", "R9", OpenItemType.UNAPPLIED_CASH, d("2024-03-12"), d("2024-03-12"), usd("-300.00")));
    }

    @Test
    void cashForAnInvoiceNotYetIssuedIsHeldOnAccountUntilItIs() {
        CashMovement prepaid = new CashMovement("R2", "C001", d("2024-03-18"), "INV-2", usd("500.00"));
        assertThat(OpenItems.asOf(d("2024-03-19"), List.of(inv2), List.of(prepaid)))
                .containsExactly(new OpenItem("C001", "R2", OpenItemType.UNAPPLIED_CASH, d("2024-03-18"), d("2024-03-18"), usd("-500.00")));
        assertThat(OpenItems.asOf(d("2024-03-20"), List.of(inv2), List.of(prepaid))).isEmpty();
    }

    @Test
    void cashInAnotherCurrencyNeverReducesTheInvoice() {
        List<OpenItem> items = OpenItems.asOf(d("2024-03-31"), List.of(inv1),
                List.of(new CashMovement("R3", "C001", d("2024-03-12"), "INV-1", eur("900.00"))));
        assertThat(items).extracting(OpenItem::open).containsExactlyInAnyOrder(usd("1000.00"), eur("-900.00"));
    }

    @Test
    void balancesIgnoreTheCutOff() {
        Invoice cm = creditMemo("CM-1", "C001", "2024-04-05", usd("100.00"), "INV-1");
        assertThat(OpenItems.balances(List.of(inv1, inv2, cm),
                List.of(new CashMovement("R1", "C001", d("2024-05-01"), "INV-2", usd("200.00")))))
                .containsEntry("INV-1", usd("900.00")).containsEntry("INV-2", usd("300.00"));
    }
}
