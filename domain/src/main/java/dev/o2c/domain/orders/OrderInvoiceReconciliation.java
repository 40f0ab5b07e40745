package dev.o2c.domain.orders;

import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.ar.OrderStatus;
import dev.o2c.domain.ar.SalesOrder;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.controls.Severity;
import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders against invoices, as of a date:
 * <ul>
 *   <li>{@code ORDER_NOT_INVOICED}: an order fulfilled on or before the date that no invoice names;</li>
 *   <li>{@code INVOICE_ORDER_AMOUNT_DIFFERS}: the invoices naming an order total more or less than
 *       the order, beyond the tolerance (a percentage of the order), or in another currency;</li>
 *   <li>{@code INVOICE_WITHOUT_ORDER}: an invoice naming no order, or one we do not have;</li>
 *   <li>{@code INVOICE_LIKELY_DUPLICATE}: invoices of the same customer, amount and date (all but
 *       the first, by id).</li>
 * </ul>
 * Without any order (no orders extract) nothing is checked. Credit memos are not invoices here. Exceptions come out sorted by category, then id, so the
 * same ledger always gives the same list.
 */
public final class OrderInvoiceReconciliation {

    private OrderInvoiceReconciliation() {
    }

    public static List<ExceptionItem> check(Collection<SalesOrder> orders, Collection<Invoice> documents, LocalDate asOf,
                                            BigDecimal tolerancePercent) {
        if (orders.isEmpty()) {
            return List.of(); // no orders extract: nothing to reconcile invoices against
        }
        List<Invoice> invoices = documents.stream().filter(d -> !d.isCreditMemo() && !d.invoiceDate().isAfter(asOf))
                .sorted(Comparator.comparing(Invoice::invoiceId)).toList();
        Map<String, SalesOrder> byId = new HashMap<>();
        for (SalesOrder o : orders) {
            byId.putIfAbsent(o.orderId(), o);
        }
        Map<String, List<Invoice>> invoicedByOrder = new LinkedHashMap<>();
        List<ExceptionItem> out = new ArrayList<>();
        for (Invoice inv : invoices) {
            if (inv.orderId() == null || inv.orderId().isBlank()) {
                out.add(new ExceptionItem("INVOICE_WITHOUT_ORDER", Severity.INFO, "invoice", inv.invoiceId(), inv.amount(),
                        "names no sales order"));
            } else if (!byId.containsKey(inv.orderId())) {
                out.add(new ExceptionItem("INVOICE_WITHOUT_ORDER", Severity.WARNING, "invoice", inv.invoiceId(), inv.amount(),
                        "names sales order " + inv.orderId() + ", which is not in the orders extract"));
            } else {
                invoicedByOrder.computeIfAbsent(inv.orderId(), k -> new ArrayList<>()).add(inv);
            }
        }
        List<SalesOrder> sorted = orders.stream().sorted(Comparator.comparing(SalesOrder::orderId)).toList();
        for (SalesOrder o : sorted) {
            List<Invoice> billed = invoicedByOrder.get(o.orderId());
            if (billed == null) {
                if (o.status() == OrderStatus.FULFILLED && o.fulfilledDate() != null && !o.fulfilledDate().isAfter(asOf)) {
                    out.add(new ExceptionItem("ORDER_NOT_INVOICED", Severity.WARNING, "sales_order", o.orderId(), o.amount(),
                            "fulfilled on " + o.fulfilledDate() + " for customer " + o.customerId() + ", no invoice names it"));
                }
                continue;
            }
            Money total = Money.zero(o.amount().currency());
            boolean sameCurrency = true;
            for (Invoice inv : billed) {
                if (!inv.amount().isSameCurrency(o.amount())) {
                    sameCurrency = false;
                    break;
                }
                total = total.plus(inv.amount());
            }
            List<String> ids = billed.stream().map(Invoice::invoiceId).toList();
            if (!sameCurrency) {
                out.add(new ExceptionItem("INVOICE_ORDER_AMOUNT_DIFFERS", Severity.WARNING, "sales_order", o.orderId(), o.amount(),
                        "invoiced in another currency than the order's " + o.amount().currencyCode() + ": " + String.join(", ", ids)));
                continue;
            }
            BigDecimal gap = total.amount().subtract(o.amount().amount());
            BigDecimal allowed = o.amount().amount().abs().multiply(tolerancePercent).divide(BigDecimal.valueOf(100));
            if (gap.abs().compareTo(allowed) > 0) {
                out.add(new ExceptionItem("INVOICE_ORDER_AMOUNT_DIFFERS", Severity.WARNING, "sales_order", o.orderId(),
                        total.minus(o.amount()), "order of " + o.amount().toPlainString() + " " + o.amount().currencyCode()
                        + " invoiced at " + total.toPlainString() + " (" + String.join(", ", ids) + "), beyond the "
                        + tolerancePercent.stripTrailingZeros().toPlainString() + " % tolerance"));
            }
        }
        Map<String, Invoice> firstOfKind = new HashMap<>();
        for (Invoice inv : invoices) {
            String key = inv.customerId() + '\u0000' + inv.amount().currencyCode() + '\u0000' + inv.amount().amount().toPlainString()
                    + '\u0000' + inv.invoiceDate();
            Invoice first = firstOfKind.putIfAbsent(key, inv);
            if (first != null) {
                out.add(new ExceptionItem("INVOICE_LIKELY_DUPLICATE", Severity.WARNING, "invoice", inv.invoiceId(), inv.amount(),
                        "same customer " + inv.customerId() + ", amount and date " + inv.invoiceDate() + " as " + first.invoiceId()));
            }
        }
        out.sort(Comparator.comparing(ExceptionItem::category).thenComparing(ExceptionItem::entityId));
        return out;
    }
}
