package dev.o2c.readers.erp;

import static dev.o2c.readers.csv.Fields.choice;
import static dev.o2c.readers.csv.Fields.currency;
import static dev.o2c.readers.csv.Fields.date;
import static dev.o2c.readers.csv.Fields.decimal;
import static dev.o2c.readers.csv.Fields.nonNegativeMoney;
import static dev.o2c.readers.csv.Fields.optionalDate;
import static dev.o2c.readers.csv.Fields.optionalDecimal;
import static dev.o2c.readers.csv.Fields.optionalInteger;
import static dev.o2c.readers.csv.Fields.text;
import static dev.o2c.readers.csv.Fields.toMoney;
import static dev.o2c.readers.csv.Fields.yesNo;

import dev.o2c.domain.ar.Customer;
import dev.o2c.domain.ar.DocumentType;
import dev.o2c.domain.ar.Invoice;
import dev.o2c.domain.ar.OrderStatus;
import dev.o2c.domain.ar.Receipt;
import dev.o2c.domain.ar.SalesOrder;
import dev.o2c.domain.money.FxRate;
import dev.o2c.domain.money.Money;
import dev.o2c.readers.csv.SourceRow;
import dev.o2c.readers.csv.RowMapper;
import dev.o2c.readers.csv.RowRejectedException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Row mappers of the generic profile, one per extract, with the checks a row can
 * fail on its own or against the customers already known.
 */
public final class ErpRows {

    private ErpRows() {
    }

    public static RowMapper<Customer> customers() {
        return row -> {
            Currency currency = currency(row, "currency");
            BigDecimal limit = optionalDecimal(row, "credit_limit");
            Integer terms = optionalInteger(row, "payment_terms_days");
            if (terms != null && terms < 0) {
                throw new RowRejectedException("payment_terms_days '" + terms + "' must not be negative");
            }
            String country = row.get("country");
            if (country != null && !country.matches("[A-Za-z]{2}")) {
                throw new RowRejectedException("country '" + country + "' is not an ISO 3166-1 alpha-2 code");
            }
            String accounts = row.get("bank_accounts");
            List<String> bankAccounts = accounts == null ? List.of()
                    : Arrays.stream(accounts.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            String id = text(row, "customer_id");
            String parent = row.get("parent_customer_id");
            if (id.equals(parent)) {
                throw new RowRejectedException("parent_customer_id names the customer itself");
            }
            return new Customer(id, text(row, "name"), currency,
                    limit == null ? null : toMoney("credit_limit", limit, currency), terms,
                    country == null ? null : country.toUpperCase(Locale.ROOT), bankAccounts, parent);
        };
    }

    public static RowMapper<SalesOrder> orders(Predicate<String> customerExists) {
        return row -> {
            String customer = knownCustomer(row, customerExists);
            OrderStatus status = choice(row, "status", OrderStatus.class, null);
            LocalDate fulfilled = optionalDate(row, "fulfilled_date");
            LocalDate ordered = date(row, "order_date");
            if (fulfilled != null && fulfilled.isBefore(ordered)) {
                throw new RowRejectedException("fulfilled_date " + fulfilled + " is before order_date " + ordered);
            }
            return new SalesOrder(text(row, "order_id"), customer, ordered,
                    nonNegativeMoney(row, "amount", currency(row, "currency")), status, fulfilled);
        };
    }

    /** Invoices with a due date before the invoice date rejected. */
    public static RowMapper<Invoice> invoices(Predicate<String> customerExists) {
        return invoices(customerExists, null);
    }

    /**
     * A warning about a row that loads all the same.
     */
    @FunctionalInterface
    public interface Warnings {
        void warn(SourceRow row, String category, String message);
    }

    /**
     * Invoices and credit memos.
     *
     * @param dueBeforeInvoice null to reject an invoice due before its date; else where such
     *        an invoice is reported while it loads (some ERPs date a document after it is due
     *        when it is re-issued, which a company may choose to accept)
     */
    public static RowMapper<Invoice> invoices(Predicate<String> customerExists, Warnings dueBeforeInvoice) {
        return row -> {
            String customer = knownCustomer(row, customerExists);
            DocumentType type = choice(row, "type", DocumentType.class, DocumentType.INVOICE);
            LocalDate invoiceDate = date(row, "invoice_date");
            LocalDate due = optionalDate(row, "due_date");
            if (due == null) {
                if (type == DocumentType.INVOICE) {
                    throw new RowRejectedException("due_date is required for an invoice");
                }
                due = invoiceDate;
            }
            if (due.isBefore(invoiceDate)) {
                String problem = "due_date " + due + " is before invoice_date " + invoiceDate;
                if (dueBeforeInvoice == null) {
                    throw new RowRejectedException(problem);
                }
                dueBeforeInvoice.warn(row, "DUE_BEFORE_INVOICE_DATE", text(row, "invoice_id") + ": " + problem);
            }
            String original = row.get("original_invoice_id");
            if (original != null && type == DocumentType.INVOICE) {
                throw new RowRejectedException("original_invoice_id is for credit memos; type is INVOICE");
            }
            return new Invoice(text(row, "invoice_id"), customer, row.get("order_id"), invoiceDate, due,
                    nonNegativeMoney(row, "amount", currency(row, "currency")), type, original, yesNo(row, "disputed"));
        };
    }

    /**
     * Receipts, one row per allocation. That the rows of one receipt agree on customer,
     * date, currency and bank reference is checked on the whole file, when it is stored.
     */
    public static RowMapper<Receipt> receipts(Predicate<String> customerExists) {
        return row -> {
            String customer = knownCustomer(row, customerExists);
            String id = text(row, "receipt_id");
            LocalDate date = date(row, "receipt_date");
            Currency currency = currency(row, "currency");
            String bankReference = row.get("bank_reference");
            // zero loads, as for every document: ERPs write a payment of nothing that applies a credit memo to an invoice
            Money amount = nonNegativeMoney(row, "amount", currency);
            return new Receipt(id, customer, date, bankReference, List.of(new Receipt.Allocation(row.get("invoice_id"), amount)));
        };
    }

    public static RowMapper<FxRate> fxRates() {
        return row -> {
            BigDecimal rate = decimal(row, "rate");
            if (rate.signum() <= 0) {
                throw new RowRejectedException("rate '" + rate.toPlainString() + "' must be positive");
            }
            return new FxRate(date(row, "date"), currency(row, "currency"), rate);
        };
    }

    private static String knownCustomer(SourceRow row, Predicate<String> customerExists) {
        String customer = text(row, "customer_id");
        if (!customerExists.test(customer)) {
            throw new RowRejectedException("customer_id '" + customer + "' is not a known customer");
        }
        return customer;
    }

}
