package dev.o2c.domain.orders;

import static dev.o2c.domain.support.Ledgers.d;
import static dev.o2c.domain.support.Ledgers.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.ar.DocumentType;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.ar.OrderStatus;
import dev.o2c.domain.ar.SalesOrder;
import dev.o2c.domain.controls.ExceptionItem;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderInvoiceReconciliationTest {

    static Invoice inv(String id, String order, String date, String amount) {
        return new Invoice(id, "C001", order, d(date), d(date).plusDays(30), usd(amount), DocumentType.INVOICE, null);
    }

    static SalesOrder order(String id, String amount, OrderStatus status, String fulfilled) {
        return new SalesOrder(id, "C001", d("2024-03-01"), usd(amount), status, fulfilled == null ? null : d(fulfilled));
    }

    @Test
    void everyKindOfDisagreementIsAnException() {
        List<SalesOrder> orders = List.of(
                order("SO-1", "100.00", OrderStatus.FULFILLED, "2024-03-02"),   // invoiced exactly
                order("SO-2", "100.00", OrderStatus.FULFILLED, "2024-03-02"),   // never invoiced
                order("SO-3", "100.00", OrderStatus.FULFILLED, "2024-03-02"),   // invoiced at 110
                order("SO-4", "100.00", OrderStatus.FULFILLED, "2024-03-02"),   // invoiced at 100.50: within 1 %
                order("SO-5", "100.00", OrderStatus.FULFILLED, "2024-04-02"),   // fulfilled after the as-of date
                order("SO-6", "100.00", OrderStatus.OPEN, null));               // not fulfilled
        List<Invoice> invoices = List.of(
                inv("I-1", "SO-1", "2024-03-03", "100.00"),
                inv("I-3", "SO-3", "2024-03-03", "110.00"),
                inv("I-4", "SO-4", "2024-03-03", "100.50"),
                inv("I-7", null, "2024-03-05", "70.00"),
                inv("I-8", "SO-404", "2024-03-05", "80.00"),
                inv("I-9", null, "2024-03-05", "70.00"));
        List<ExceptionItem> out = OrderInvoiceReconciliation.check(orders, invoices, d("2024-03-31"), new BigDecimal("1.0"));
        assertThat(out).extracting(e -> e.category() + " " + e.entityId()).containsExactly(
                "INVOICE_LIKELY_DUPLICATE I-9",
                "INVOICE_ORDER_AMOUNT_DIFFERS SO-3",
                "INVOICE_WITHOUT_ORDER I-7",
                "INVOICE_WITHOUT_ORDER I-8",
                "INVOICE_WITHOUT_ORDER I-9",
                "ORDER_NOT_INVOICED SO-2");
        assertThat(out.get(1).reason()).contains("invoiced at 110.00 (I-3), beyond the 1 % tolerance");
        assertThat(out.get(1).amount()).isEqualTo(usd("10.00"));
        assertThat(out.get(0).reason()).contains("same customer C001, amount and date 2024-03-05 as I-7");
    }

    @Test
    void withoutAnyOrderNothingIsChecked() {
        assertThat(OrderInvoiceReconciliation.check(List.of(), List.of(inv("I-1", null, "2024-03-03", "1.00")), d("2024-03-31"),
                BigDecimal.ONE)).isEmpty();
    }
}
