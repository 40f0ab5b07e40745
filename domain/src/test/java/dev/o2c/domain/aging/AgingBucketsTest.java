package dev.o2c.domain.aging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgingBucketsTest {

    @Test
    void defaultLabelsAreThoseOfTheContract() {
        assertThat(AgingBuckets.DEFAULT.labels()).containsExactly("Current", "1-30", "31-60", "61-90", "91-120", ">120");
    }

    @Test
    void edgesAreInclusiveAtTheTop() {
        // METRICS.md section 1, worked example (boundaries)
        AgingBuckets b = AgingBuckets.DEFAULT;
        assertThat(label(b, -5)).isEqualTo("Current");
        assertThat(label(b, 0)).isEqualTo("Current");
        assertThat(label(b, 1)).isEqualTo("1-30");
        assertThat(label(b, 30)).isEqualTo("1-30");
        assertThat(label(b, 31)).isEqualTo("31-60");
        assertThat(label(b, 120)).isEqualTo("91-120");
        assertThat(label(b, 121)).isEqualTo(">120");
    }

    @Test
    void daysPastDueAreCalendarDaysWithoutPlusOne() {
        // METRICS.md section 1, worked example (day counting, as_of 2015-10-31)
        LocalDate asOf = LocalDate.of(2015, 10, 31);
        assertThat(ChronoUnit.DAYS.between(LocalDate.of(2015, 5, 17), asOf)).isEqualTo(167);
        assertThat(ChronoUnit.DAYS.between(LocalDate.of(2015, 8, 8), asOf)).isEqualTo(84);
        assertThat(ChronoUnit.DAYS.between(LocalDate.of(2015, 10, 11), asOf)).isEqualTo(20);
        assertThat(ChronoUnit.DAYS.between(LocalDate.of(2015, 6, 23), asOf)).isEqualTo(130);
        assertThat(ChronoUnit.DAYS.between(LocalDate.of(2015, 9, 2), asOf)).isEqualTo(59);
    }

    @Test
    void unevenEdgesAndTheInvoiceDateBasis() {
        AgingBuckets uneven = AgingBuckets.of(AgingBasis.DUE_DATE, List.of(15, 45, 90));
        assertThat(uneven.labels()).containsExactly("Current", "1-15", "16-45", "46-90", ">90");
        assertThat(label(uneven, 16)).isEqualTo("16-45");
        AgingBuckets byInvoice = AgingBuckets.of(AgingBasis.INVOICE_DATE, List.of(30, 60, 90, 120));
        assertThat(byInvoice.labels()).containsExactly("0-30", "31-60", "61-90", "91-120", ">120");
        assertThat(label(byInvoice, 0)).isEqualTo("0-30");
        assertThat(label(byInvoice, 31)).isEqualTo("31-60");
    }

    @Test
    void refusesEdgesThatDoNotIncrease() {
        assertThatThrownBy(() -> AgingBuckets.of(AgingBasis.DUE_DATE, List.of(30, 30, 60))).hasMessageContaining("increasing");
        assertThatThrownBy(() -> AgingBuckets.of(AgingBasis.DUE_DATE, List.of(0, 30))).hasMessageContaining("from 1");
    }

    private static String label(AgingBuckets b, long days) {
        return b.labels().get(b.indexOf(days));
    }
}
