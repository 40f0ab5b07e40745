package dev.o2c.domain.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyLinesTest {

    @Test
    void behavesAsAMapOfTheFirstLineAndTagOnManyRandomKeys() {
        Random random = new Random(11);
        KeyLines keys = new KeyLines(16);
        Map<String, long[]> expected = new HashMap<>();
        for (int line = 1; line <= 300_000; line++) {
            String key = switch (random.nextInt(4)) {
                case 0 -> "INV-" + random.nextInt(200_000);
                case 1 -> Integer.toString(random.nextInt(50_000));
                case 2 -> "Zürich-" + random.nextInt(1000); // not ASCII: kept as UTF-8
                default -> "R" + random.nextInt(100_000) + "\u0000" + random.nextInt(3);
            };
            long tag = random.nextLong();
            int earlier = keys.putIfAbsent(key, line, tag);
            long[] first = expected.putIfAbsent(key, new long[]{line, tag});
            if (first == null) {
                assertThat(earlier).isEqualTo(KeyLines.ADDED);
            } else {
                assertThat(keys.line(earlier)).isEqualTo(first[0]);
                assertThat(keys.tag(earlier)).isEqualTo(first[1]);
            }
        }
        assertThat(keys.size()).isEqualTo(expected.size());
        expected.forEach((key, first) -> assertThat(keys.line(keys.find(key))).isEqualTo(first[0]));
        assertThat(keys.contains("INV-200000")).isFalse();
        assertThat(keys.contains("")).isFalse();
    }

    @Test
    void keysThatDifferOnlyInTheirEncodingOrLengthAreDifferent() {
        KeyLines keys = new KeyLines(4);
        keys.add("ab");
        assertThat(keys.contains("a")).isFalse();
        assertThat(keys.contains("abc")).isFalse();
        assertThat(keys.contains("\u00e9")).isFalse();
        keys.add("\u00e9");
        // é is two bytes in UTF-8 (C3 A9); Ã© as ASCII-range chars would be other bytes, and "Ã©" is not ASCII either
        assertThat(keys.contains("\u00c3\u00a9")).isFalse();
        assertThat(keys.contains("\u00e9")).isTrue();
        keys.add("");
        assertThat(keys.contains("")).isTrue();
        assertThat(keys.size()).isEqualTo(3);
    }
}
