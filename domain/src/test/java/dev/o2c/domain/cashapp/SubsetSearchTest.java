package dev.o2c.domain.cashapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubsetSearchTest {

    @Test
    void theOnlyCombinationIsFoundAndIsUnique() {
        SubsetSearch.Result r = SubsetSearch.find(new long[]{120_000, 30_000, 500_000, 7_700}, 530_000, 5);
        assertThat(r.first()).containsExactly(1, 2);
        assertThat(r.unique()).isTrue();
    }

    @Test
    void twoCombinationsAreReportedAsNotUnique() {
        SubsetSearch.Result r = SubsetSearch.find(new long[]{100, 200, 300, 400}, 500, 5);
        assertThat(r.found()).isTrue();
        assertThat(r.unique()).isFalse();
        assertThat(r.first()).containsExactly(0, 3); // the first in the order given: oldest first
        assertThat(r.second()).containsExactly(1, 2);
    }

    @Test
    void aSingleItemIsNotACombinationAndTheSizeIsBounded() {
        assertThat(SubsetSearch.find(new long[]{500, 1}, 500, 5).found()).isFalse();
        assertThat(SubsetSearch.find(new long[]{1, 2, 3, 4}, 10, 3).found()).isFalse();
        assertThat(SubsetSearch.find(new long[]{1, 2, 3, 4}, 10, 4).unique()).isTrue();
    }

    @Test
    void aSearchThatRunsOutOfStepsIsNeverUnique() {
        long[] many = new long[40];
        for (int i = 0; i < many.length; i++) {
            many[i] = 1_000 + i;
        }
        SubsetSearch.Result r = SubsetSearch.find(many, 1_000_000, 10);
        assertThat(r.unique()).isFalse();
    }
}
