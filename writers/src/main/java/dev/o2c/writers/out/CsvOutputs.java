package dev.o2c.writers.out;

import dev.o2c.domain.aging.AgedItem;
import dev.o2c.domain.cashapp.CashAllocation;
import dev.o2c.domain.controls.ExceptionItem;
import dev.o2c.domain.controls.Reject;
import dev.o2c.domain.figures.CollectionsWorklist;
import dev.o2c.domain.openitems.OpenItem;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The CSV outputs of a close, with the columns of CONTRACTS.md section 3, in that order. */
public final class CsvOutputs {

    private CsvOutputs() {
    }

    public static SafeCsvPrinter cashApplication(OutputStream out) {
        return new SafeCsvPrinter(out, "bank_transaction_id", "statement_file", "value_date", "amount", "currency", "customer_id",
                "invoice_id", "applied_amount", "status", "rule", "confidence", "explanation");
    }

    public static void write(SafeCsvPrinter csv, CashAllocation a) {
        csv.text(a.bankTransactionId()).text(a.statementFile()).date(a.valueDate()).number(a.creditAmount().amount())
                .text(a.creditAmount().currencyCode()).text(a.customerId()).text(a.invoiceId()).number(a.applied().amount())
                .text(a.status().name()).text(a.rule()).number(a.confidence()).text(a.explanation()).endRow();
    }

    public static SafeCsvPrinter aging(OutputStream out) {
        return new SafeCsvPrinter(out, "customer_id", "document_id", "document_type", "document_date", "due_date", "days_past_due",
                "bucket", "open_amount", "currency", "functional_amount", "disputed");
    }

    /** days_past_due is always as-of minus due date; the bucket follows the report's basis. */
    public static void write(SafeCsvPrinter csv, AgedItem a, LocalDate asOf) {
        OpenItem i = a.item();
        csv.text(i.customerId()).text(i.documentId()).text(i.type().name()).date(i.documentDate()).date(i.dueDate())
                .number(ChronoUnit.DAYS.between(i.dueDate(), asOf)).text(a.bucketLabel()).number(i.open().amount())
                .text(i.open().currencyCode()).number(a.functional().amount()).text(i.disputed() ? "true" : "false").endRow();
    }

    /** {@code collections.csv}: the collections worklist, the most pressing first. */
    public static SafeCsvPrinter collections(OutputStream out) {
        return new SafeCsvPrinter(out, "rank", "customer_id", "customer_name", "document_id", "due_date", "days_past_due",
                "open_amount", "currency", "functional_amount", "score", "dunning_level");
    }

    public static void write(SafeCsvPrinter csv, CollectionsWorklist.Item i, String customerName) {
        csv.number(i.rank()).text(i.customerId()).text(customerName).text(i.documentId()).date(i.dueDate()).number(i.daysPastDue())
                .number(i.open().amount()).text(i.open().currencyCode()).number(i.functional().amount()).number(i.score())
                .number(i.dunningLevel()).endRow();
    }

    public static SafeCsvPrinter exceptions(OutputStream out) {
        return new SafeCsvPrinter(out, "category", "severity", "entity_type", "entity_id", "amount", "currency", "reason");
    }

    public static void write(SafeCsvPrinter csv, ExceptionItem e) {
        csv.text(e.category()).text(e.severity().name()).text(e.entityType()).text(e.entityId())
                .number(e.amount() == null ? null : e.amount().amount()).text(e.amount() == null ? null : e.amount().currencyCode())
                .text(e.reason()).endRow();
    }

    public static SafeCsvPrinter rejects(OutputStream out) {
        return new SafeCsvPrinter(out, "line", "reason", "raw");
    }

    public static void write(SafeCsvPrinter csv, Reject r) {
        csv.number(r.line()).text(r.reason()).text(r.raw()).endRow();
    }
}
