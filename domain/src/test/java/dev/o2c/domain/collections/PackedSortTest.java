package dev.o2c.domain.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PackedSortTest {

    /** Keys packed as the callers pack them: {@code (key << positionBits) | position}, in position order. */
    private static long[] packed(long[] keys, int positionBits) {
        long[] out = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = (keys[i] << positionBits) | i;
        }
        return out;
    }

    private static void assertSortsLikeTheJdk(long[] keys, int positionBits) {
        long[] expected = keys.clone();
        Arrays.sort(expected);
        long[] actual = keys.clone();
        PackedSort.sort(actual, positionBits);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void sortsAsTheJdkDoesWithTiesLeftInPositionOrder() {
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 40; round++) {
            int n = 1 + random.nextInt(30_000);
            int positionBits = 64 - Long.numberOfLeadingZeros(n); // positions 0 to n - 1, and then some
            int keyBits = 1 + random.nextInt(63 - positionBits);
            // few distinct keys (many ties), or keys spread over every digit
            long range = round % 3 == 0 ? 1 + random.nextInt(7) : 1L << keyBits;
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = random.nextLong(range);
            }
            assertSortsLikeTheJdk(packed(keys, positionBits), positionBits);
        }
    }

    @Test
    void aDigitTheSameInAllKeysButOneStillSorts() {
        // the pass over a digit is skipped only when every key has the same one: here the last key differs in the
        // top digit alone, and must end up last after keys larger in every lower digit
        long[] keys = new long[5_000];
        Arrays.fill(keys, 0x7FFL);
        keys[0] = 1L << 49;
        assertSortsLikeTheJdk(packed(keys, 13), 13);
        long[] two = {(1L << 62) | 1, (1L << 40) | 2, 3};
        assertSortsLikeTheJdk(two, 0);
    }

    @Test
    void edges() {
        long[] empty = {};
        PackedSort.sort(empty, 10);
        long[] one = {42};
        PackedSort.sort(one, 0);
        assertThat(one).containsExactly(42);
        long[] top = {Long.MAX_VALUE, 0, Long.MAX_VALUE - 1, 1L << 62, 5};
        assertSortsLikeTheJdk(top, 0);
        long[] positionsOnly = {0, 1, 2, 3}; // all 63 bits are position: nothing to sort
        PackedSort.sort(positionsOnly, 63);
        assertThat(positionsOnly).containsExactly(0, 1, 2, 3);
        long[] allEqual = packed(new long[]{9, 9, 9, 9, 9}, 3);
        assertSortsLikeTheJdk(allEqual, 3);
    }

    @Test
    void refusesWhatItCannotSort() {
        assertThatThrownBy(() -> PackedSort.sort(new long[]{3, -1}, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> PackedSort.sort(new long[]{3, 1}, 64)).isInstanceOf(IllegalArgumentException.class);
    }
}
