package dev.o2c.domain.cashapp;

import dev.o2c.domain.ar.Receipt;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.collections.IdNumbers;
import dev.o2c.domain.money.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ERP receipts that name no bank line at all, waiting for the bank credit they came with:
 * the same customer, the same amount and currency, a receipt date within the window of the
 * credit's value date. The nearest date wins, then the earlier receipt id; a receipt is
 * taken once, so a bank line and a receipt are never paired twice.
 */
final class ReceiptPool {

    private final Map<String, List<Receipt>> byCustomerAndAmount = new HashMap<>();
    private final int windowDays;
    /** The keys of byCustomerAndAmount by their amount part (" EUR 100.00"), whoever the customer. */
    private final Map<String, List<String>> byAmount = new HashMap<>();

    ReceiptPool(List<Receipt> receipts, IdNumbers customers, int windowDays) {
        this.windowDays = windowDays;
        Map<String, Receipt> seen = new java.util.LinkedHashMap<>();
        for (Receipt r : receipts) {
            seen.putIfAbsent(r.receiptId(), r);
        }
        for (Receipt r : seen.values()) {
            int c = customers.find(r.customerId());
            Money total = CashApplicationEngine.total(r);
            // a receipt naming a bank line we have not loaded came with that line, not with one of ours
            if (c >= 0 && total != null && r.bankReference() == null) {
                byCustomerAndAmount.computeIfAbsent(key(c, total), k -> new ArrayList<>(1)).add(r);
            }
        }
        byCustomerAndAmount.values().forEach(l -> l.sort(Comparator.comparing(Receipt::receiptDate).thenComparing(Receipt::receiptId)));
        for (String key : byCustomerAndAmount.keySet()) {
            byAmount.computeIfAbsent(key.substring(key.indexOf(' ')), k -> new ArrayList<>(1)).add(key);
        }
    }

    boolean isEmpty() {
        return byCustomerAndAmount.isEmpty();
    }

    /** Takes the receipt of one of the customers that this credit is, or null. */
    Receipt take(BankTransaction credit, List<Integer> customers) {
        Receipt best = null;
        long bestGap = Long.MAX_VALUE;
        String bestKey = null;
        for (Integer c : customers) {
            String key = key(c, credit.amount());
            List<Receipt> list = byCustomerAndAmount.get(key);
            if (list == null) {
                continue;
            }
            for (Receipt r : list) {
                long gap = Math.abs(r.receiptDate().toEpochDay() - credit.valueDate().toEpochDay());
                if (gap <= windowDays && (gap < bestGap || (gap == bestGap && r.receiptId().compareTo(best.receiptId()) < 0))) {
                    best = r;
                    bestGap = gap;
                    bestKey = key;
                }
            }
        }
        if (best != null) {
            byCustomerAndAmount.get(bestKey).remove(best);
        }
        return best;
    }

    /**
     * The receipts of any customer still waiting, of the credit's amount and currency and dated
     * within the window: for a credit whose payer is unknown, a pairing to propose (never taken).
     */
    List<Receipt> sameAmount(BankTransaction credit) {
        List<Receipt> out = new ArrayList<>(1);
        String suffix = " " + credit.amount().currencyCode() + " " + credit.amount().amount().toPlainString();
        List<String> keys = byAmount.get(suffix);
        if (keys == null) {
            return out;
        }
        for (String key : keys) {
            for (Receipt r : byCustomerAndAmount.get(key)) {
                if (Math.abs(r.receiptDate().toEpochDay() - credit.valueDate().toEpochDay()) <= windowDays) {
                    out.add(r);
                }
            }
        }
        out.sort(Comparator.comparing(Receipt::receiptId));
        return out;
    }

    private static String key(int customer, Money amount) {
        return customer + " " + amount.currencyCode() + " " + amount.amount().toPlainString();
    }

    /** The receipts no credit took. */
    List<Receipt> left() {
        List<Receipt> out = new ArrayList<>();
        byCustomerAndAmount.values().forEach(out::addAll);
        out.sort(Comparator.comparing(Receipt::receiptId));
        return out;
    }
}
