package dev.o2c.domain.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongMultiIndexTest {

    /** Every key's values, newest first, walked the way the callers walk them. */
    private static List<Integer> valuesOf(LongMultiIndex index, long key) {
        List<Integer> out = new ArrayList<>();
        for (int e = index.first(key); e != LongMultiIndex.NONE; e = index.nextEntry(e)) {
            out.add(index.value(e));
        }
        return out;
    }

    @Test
    void holdsWhatAMapOfListsHoldsNewestFirstThroughGrowth() {
        SplittableRandom random = new SplittableRandom(11);
        // sized for far fewer keys than it gets: it grows several times on the way
        LongMultiIndex index = new LongMultiIndex(10);
        Map<Long, List<Integer>> expected = new HashMap<>();
        long[] edges = {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE};
        for (int i = 0; i < 50_000; i++) {
            // few keys have many values, most one: the shapes of amounts and of invoice numbers
            long key = i % 10 == 0 ? edges[random.nextInt(edges.length)]
                    : i % 3 == 0 ? random.nextLong(500) : random.nextLong();
            int value = i % 1_000 == 0 ? Integer.MAX_VALUE - 1 - i : i;
            index.add(key, value);
            expected.computeIfAbsent(key, k -> new ArrayList<>()).add(0, value);
        }
        for (Map.Entry<Long, List<Integer>> e : expected.entrySet()) {
            assertThat(valuesOf(index, e.getKey())).as("key %d", e.getKey()).isEqualTo(e.getValue());
        }
        for (int i = 0; i < 10_000; i++) {
            long absent = random.nextLong();
            if (!expected.containsKey(absent)) {
                assertThat(index.first(absent)).isEqualTo(LongMultiIndex.NONE);
            }
        }
        assertThat(expected.get(Long.MIN_VALUE)).hasSizeGreaterThan(1); // the edges went through the chains too
    }

    @Test
    void aLoneValueAndItsSecondComeBackInOrder() {
        LongMultiIndex index = new LongMultiIndex(4);
        index.add(42, 0);
        assertThat(valuesOf(index, 42)).containsExactly(0);
        index.add(42, 7);
        index.add(43, 9);
        index.add(42, 3);
        assertThat(valuesOf(index, 42)).containsExactly(3, 7, 0);
        assertThat(valuesOf(index, 43)).containsExactly(9);
        assertThat(valuesOf(index, 44)).isEmpty();
    }

    @Test
    void refusesValuesItCannotHold() {
        LongMultiIndex index = new LongMultiIndex(4);
        assertThatThrownBy(() -> index.add(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.add(1, Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }
}
