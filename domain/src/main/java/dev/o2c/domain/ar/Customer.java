package dev.o2c.domain.ar;

import dev.o2c.domain.money.Money;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A customer as the ERP knows it.
 *
 * @param creditLimit in the customer's currency, or null when none is set
 * @param paymentTermsDays net days, or null
 * @param country ISO 3166-1 alpha-2, or null
 * @param bankAccounts IBANs or account numbers known to pay for this customer; never null
 * @param parentCustomerId a parent that may pay on the customer's behalf, or null
 */
public record Customer(
        String customerId,
        String name,
        Currency currency,
        Money creditLimit,
        Integer paymentTermsDays,
        String country,
        List<String> bankAccounts,
        String parentCustomerId) {

    public Customer {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        bankAccounts = List.copyOf(bankAccounts == null ? List.of() : bankAccounts);
    }
}
