package dev.o2c.domain.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdNumbersTest {

    @Test
    void numbersIdsInTheOrderFirstMetAsAMapWould() {
        SplittableRandom random = new SplittableRandom(5);
        IdNumbers numbers = new IdNumbers(4); // grows many times on the way
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            // new strings of equal content: numbered by content, not by identity
            String id = new String("C" + random.nextInt(20_000));
            Integer known = expected.putIfAbsent(id, expected.size());
            assertThat(numbers.number(id)).isEqualTo(known == null ? expected.size() - 1 : known);
        }
        assertThat(numbers.size()).isEqualTo(expected.size());
        expected.forEach((id, n) -> {
            assertThat(numbers.find(id)).isEqualTo(n);
            assertThat(numbers.id(n)).isEqualTo(id);
        });
        assertThat(numbers.find("C20000")).isEqualTo(-1);
        assertThat(numbers.find(null)).isEqualTo(-1);
        assertThatThrownBy(() -> numbers.id(expected.size())).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void idsOfOneHashGetNumbersOfTheirOwn() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        IdNumbers numbers = new IdNumbers(16);
        assertThat(numbers.number("Aa")).isEqualTo(0);
        assertThat(numbers.number("BB")).isEqualTo(1);
        assertThat(numbers.number("Aa")).isEqualTo(0);
        assertThat(numbers.find("BB")).isEqualTo(1);
        assertThat(numbers.find("C#")).isEqualTo(-1); // a third id of that hash, never numbered
    }
}
