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

    @Test
    void packedAndHashedIdsAreNumberedAsAMapWould() {
        numbersAsAMapWould(IdNumbers.packing(8));
        numbersAsAMapWould(new IdNumbers(8));
    }

    private static void numbersAsAMapWould(IdNumbers numbers) {
        SplittableRandom random = new SplittableRandom(9);
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_. /\u00e9";
        Map<String, Integer> expected = new HashMap<>();
        // the edges of the packing: zeros and their lengths, case, ten and eleven characters (eleven packed would
        // lose the first character's top bits: 0 and G alike), empty
        String[] edges = {"0", "00", "000", "A", "A0", "0A", "a", "-", "--", "0000000000", "00000000000", "G0000000000",
            "ZZZZZZZZZZ", "zzzzzzzzzz", "----------", "C001", "c001", "C001 ", "", "C_001", "Ca\u00e9"};
        for (int i = 0; i < 60_000; i++) {
            String id;
            if (i < edges.length) {
                id = edges[i];
            } else {
                // mostly short ids of the packed alphabet, some with other characters or longer
                int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 14 : 4);
                int letters = random.nextInt(10) == 0 ? alphabet.length() : 63;
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < length; k++) {
                    sb.append(alphabet.charAt(random.nextInt(letters)));
                }
                id = sb.toString();
            }
            Integer known = expected.putIfAbsent(id, expected.size());
            assertThat(numbers.number(new String(id))).as(id).isEqualTo(known == null ? expected.size() - 1 : known);
        }
        expected.forEach((id, n) -> {
            assertThat(numbers.find(new String(id))).as(id).isEqualTo(n);
            assertThat(numbers.id(n)).isEqualTo(id);
        });
        assertThat(numbers.size()).isEqualTo(expected.size());
        assertThat(numbers.find("QQQQQQQQQQ")).isEqualTo(expected.getOrDefault("QQQQQQQQQQ", -1));
    }

    @Test
    void anIdNeverMetIsNotFoundWhicheverWayItWouldBeKept() {
        IdNumbers numbers = IdNumbers.packing(4);
        assertThat(numbers.find("C001")).isEqualTo(-1); // nothing numbered yet
        assertThat(numbers.find("a longer id than ten")).isEqualTo(-1);
        numbers.number("C001");
        assertThat(numbers.find("a longer id than ten")).isEqualTo(-1); // only packed ids so far
        numbers.number("a longer id than ten");
        assertThat(numbers.find("C002")).isEqualTo(-1);
        assertThat(numbers.find("a longer id than eleven")).isEqualTo(-1);
    }
}
