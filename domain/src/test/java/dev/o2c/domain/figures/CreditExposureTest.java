package dev.o2c.domain.figures;

import static dev.o2c.domain.support.Ledgers.d;
import static dev.o2c.domain.support.Ledgers.eur;
import static dev.o2c.domain.support.Ledgers.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.domain.aging.Aging;
import dev.o2c.domain.aging.AgingBuckets;
import dev.o2c.domain.ar.Customer;
import dev.o2c.domain.money.FxRates;
import dev.o2c.domain.money.Money;
import dev.o2c.domain.openitems.OpenItem;
import dev.o2c.domain.openitems.OpenItemType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreditExposureTest {

    final FxRates fx = new FxRates(Money.currency("USD")).put(d("2024-03-01"), Money.currency("EUR"), new BigDecimal("1.10"));

    static Customer customer(String id, Money limit, String parent) {
        return new Customer(id, "Customer " + id, limit == null ? Money.currency("USD") : limit.currency(), limit, 30, "US", List.of(), parent);
    }

    static OpenItem item(String customer, String doc, Money open) {
        return new OpenItem(customer, doc, open.isNegative() ? OpenItemType.CREDIT_MEMO : OpenItemType.INVOICE, d("2024-03-01"),
                d("2024-03-31"), open);
    }

    @Test
    void parentsCarryTheirSubsidiariesAndLimitsConvertAtTheAsOfRate() {
        List<Customer> customers = List.of(
                customer("P", usd("5000.00"), null),
                customer("S1", null, "P"),
                customer("S2", eur("1000.00"), "P"),    // 1,100.00 USD at 1.10
                customer("S3", null, "S2"),
                customer("X", usd("100.00"), null),
                customer("N", null, null));
        List<OpenItem> items = List.of(
                item("P", "I1", usd("2000.00")),
                item("S1", "I2", usd("1500.00")),
                item("S2", "I3", eur("500.00")),        // 550.00 USD
                item("S3", "I4", usd("700.00")),
                item("S3", "CM1", usd("-50.00")),
                item("X", "I5", usd("100.00")),
                item("N", "I6", usd("99999.00")));
        Aging aging = Aging.of(d("2024-03-31"), items, AgingBuckets.DEFAULT, fx);
        CreditExposure e = CreditExposure.of(customers, aging.items(), fx, d("2024-03-31"));
        assertThat(e.lines()).extracting(CreditExposure.Line::customerId).containsExactly("P", "S2", "X");
        CreditExposure.Line p = e.lines().get(0);
        assertThat(p.members()).containsExactly("P", "S1", "S2", "S3");
        // 2000 + 1500 + 550 + 700 - 50 = 4700 of 5000
        assertThat(p.openAr()).isEqualTo(usd("4700.00"));
        assertThat(p.headroom()).isEqualTo(usd("300.00"));
        assertThat(p.utilisation()).isEqualByComparingTo("0.9400");
        assertThat(p.overLimit()).isFalse();
        CreditExposure.Line s2 = e.lines().get(1);
        assertThat(s2.members()).containsExactly("S2", "S3");
        assertThat(s2.limitFunctional()).isEqualTo(usd("1100.00"));
        // 550 + 700 - 50 = 1200 > 1100
        assertThat(s2.openAr()).isEqualTo(usd("1200.00"));
        assertThat(s2.overLimit()).isTrue();
        // at the limit exactly is not over it
        assertThat(e.lines().get(2).overLimit()).isFalse();
        assertThat(e.overLimit()).extracting(CreditExposure.Line::customerId).containsExactly("S2");
        assertThat(e.overLimitExcess(fx.zero())).isEqualTo(usd("100.00"));
        // from the open AR per customer the aging summed as it aged (what the close uses): the same lines
        assertThat(CreditExposure.of(customers, aging.openByCustomer(), fx, d("2024-03-31")).lines()).isEqualTo(e.lines());
        assertThat(aging.openByCustomer()).containsEntry("S3", usd("650.00")).doesNotContainKey("Q");
    }

    @Test
    void aLoopInTheParentsEndsWhereItCloses() {
        List<Customer> customers = List.of(customer("A", usd("10.00"), "B"), customer("B", null, "A"));
        Aging aging = Aging.of(d("2024-03-31"), List.of(item("A", "I1", usd("5.00")), item("B", "I2", usd("7.00"))),
                AgingBuckets.DEFAULT, fx);
        CreditExposure e = CreditExposure.of(customers, aging.items(), fx, d("2024-03-31"));
        assertThat(e.lines().get(0).members()).containsExactly("A", "B");
        assertThat(e.lines().get(0).openAr()).isEqualTo(usd("12.00"));
    }

    @Test
    void aLimitOfZeroHasNoUtilisationButIsExceededByAnyDebt() {
        CreditExposure e = CreditExposure.of(List.of(customer("Z", usd("0.00"), null)),
                Aging.of(d("2024-03-31"), List.of(item("Z", "I1", usd("1.00"))), AgingBuckets.DEFAULT, fx).items(), fx, d("2024-03-31"));
        assertThat(e.lines().get(0).utilisation()).isNull();
        assertThat(e.lines().get(0).overLimit()).isTrue();
    }
}
