package dev.o2c.domain.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShortKeyMapTest {

    static final int ABSENT = Integer.MIN_VALUE;
    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** Keys of every kind the map keeps: packed ones of 1 to 30 characters, and longer, empty or other ones. */
    static String key(SplittableRandom random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return "";
        }
        int length = kind == 1 ? 31 + random.nextInt(5) : 1 + random.nextInt(kind == 2 ? 3 : 30);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            // a small alphabet, so keys share long prefixes and differ in one character, at any position
            sb.append(kind == 3 && i == length / 2 ? "-a É".charAt(random.nextInt(4)) : ALPHABET.charAt(random.nextInt(4) * 9));
        }
        return sb.toString();
    }

    @Test
    void holdsWhatAMapHolds() {
        SplittableRandom random = new SplittableRandom(11);
        ShortKeyMap map = new ShortKeyMap(4); // grows many times on the way
        Map<String, Integer> expected = new HashMap<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            String key = key(random);
            int value = random.nextInt(1_000);
            // the map's merge of the two values: a value given twice stays, a different one becomes -2
            map.merge(new String(key), value, (a, b) -> a == b ? a : -2);
            expected.merge(key, value, (a, b) -> a.equals(b) ? a : -2);
            seen.add(key);
        }
        assertThat(map.size()).isEqualTo(expected.size());
        for (String key : seen) {
            assertThat(map.get(new String(key), ABSENT)).as(key).isEqualTo(expected.get(key));
            assertThat(map.containsKey(key)).isTrue();
        }
        for (int i = 0; i < 200_000; i++) {
            String key = key(random);
            assertThat(map.get(key, ABSENT)).as(key).isEqualTo(expected.getOrDefault(key, ABSENT));
            assertThat(map.containsKey(key)).isEqualTo(expected.containsKey(key));
        }
    }

    @Test
    void keysThatDifferOnlyInLengthOrAtTheEdgesOfAPackAreDifferent() {
        ShortKeyMap map = new ShortKeyMap(16);
        String[] keys = {"0", "00", "000", "A", "A0", "0A", "0000000000", "00000000000", "0000000000A", "A0000000000",
                "000000000000000000000", "00000000000000000000", "000000000000000000000000000000",
                "0000000000000000000000000000000", "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ", "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ9",
                "DE89370400440532013000", "DE89370400440532013001", "de89370400440532013000", ""};
        for (int i = 0; i < keys.length; i++) {
            map.merge(keys[i], i, (a, b) -> -2);
        }
        assertThat(map.size()).isEqualTo(keys.length);
        for (int i = 0; i < keys.length; i++) {
            assertThat(map.get(keys[i], ABSENT)).as(keys[i]).isEqualTo(i);
        }
        assertThat(map.get("00000000", ABSENT)).isEqualTo(ABSENT);
        assertThat(map.get("DE8937040044053201300", ABSENT)).isEqualTo(ABSENT);
    }
}
