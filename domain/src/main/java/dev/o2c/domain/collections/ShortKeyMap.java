package dev.o2c.domain.collections;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntBinaryOperator;

/**
 * String keys to int values, laid out for a million random lookups of short keys of digits,
 * letters and hyphens (bank accounts as IBANs, which are at most 34 characters and nearly always
 * at most 30). Such a key is packed into three longs, six bits a character ({@link PackedChars}),
 * and kept beside its value in one array, so a lookup compares numbers in one place of memory
 * where a map of boxed values reads five (its table, the node, the key, the key's characters,
 * the value). Other keys
 * (longer, empty, or with other characters) are kept in a map; every key behaves the same
 * whichever way it is kept. Filled once, then read by many threads.
 */
public final class ShortKeyMap {

    /** The longest key that is packed; longer ones go to the map. */
    private static final int MAX_PACKED = 30;
    private static final int PER_LONG = 10;

    /** Slot s at 4s to 4s + 2 (the key; 0 at 4s for an empty slot: a packed key's first character is never 0), 4s + 3 its value. */
    private long[] table;
    private int size;
    private final Map<String, Integer> others = new HashMap<>();

    public ShortKeyMap(int expectedKeys) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedKeys * 2 - 1)) << 1;
        table = new long[4 * capacity];
    }

    /** The key's value, or {@code absent} when it has none. */
    public int get(String key, int absent) {
        if (!packable(key)) {
            Integer v = others.get(key);
            return v == null ? absent : v;
        }
        int s = slot(key);
        return table[4 * s] == 0 ? absent : (int) table[4 * s + 3];
    }

    public boolean containsKey(String key) {
        return packable(key) ? table[4 * slot(key)] != 0 : others.containsKey(key);
    }

    /** Gives the key {@code value}, or {@code both.applyAsInt(its value, value)} when it has one. */
    public void merge(String key, int value, IntBinaryOperator both) {
        if (!packable(key)) {
            others.merge(key, value, (a, b) -> both.applyAsInt(a, b));
            return;
        }
        if ((size + 1) * 2 > table.length / 4) {
            grow();
        }
        long k0 = pack(key, 0);
        long k1 = pack(key, PER_LONG);
        long k2 = pack(key, 2 * PER_LONG);
        int s = slot(k0, k1, k2);
        if (table[4 * s] == 0) {
            table[4 * s] = k0;
            table[4 * s + 1] = k1;
            table[4 * s + 2] = k2;
            table[4 * s + 3] = value;
            size++;
        } else {
            table[4 * s + 3] = both.applyAsInt((int) table[4 * s + 3], value);
        }
    }

    /** How many keys have a value. */
    public int size() {
        return size + others.size();
    }

    private static boolean packable(String key) {
        int n = key.length();
        if (n == 0 || n > MAX_PACKED) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (PackedChars.code(key.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Characters {@code from} to {@code from + 9} of the key, six bits each (0 when the key is shorter): no character's
     * code is 0, so the three longs of two keys are equal only when the keys are.
     */
    private static long pack(String key, int from) {
        long packed = 0;
        int to = Math.min(key.length(), from + PER_LONG);
        for (int i = from; i < to; i++) {
            packed = packed << 6 | PackedChars.code(key.charAt(i));
        }
        return packed;
    }

    /** The slot of a packable key: where it is, or the empty slot where it would go. */
    private int slot(String key) {
        return slot(pack(key, 0), pack(key, PER_LONG), pack(key, 2 * PER_LONG));
    }

    private int slot(long k0, long k1, long k2) {
        int mask = table.length / 4 - 1;
        int i = (int) LongMultiIndex.mix(k0 ^ Long.rotateLeft(k1, 21) ^ Long.rotateLeft(k2, 42)) & mask;
        while (table[4 * i] != 0 && (table[4 * i] != k0 || table[4 * i + 1] != k1 || table[4 * i + 2] != k2)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        for (int s = 0; s < old.length / 4; s++) {
            if (old[4 * s] != 0) {
                int to = slot(old[4 * s], old[4 * s + 1], old[4 * s + 2]);
                System.arraycopy(old, 4 * s, table, 4 * to, 4);
            }
        }
    }
}
