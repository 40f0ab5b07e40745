package dev.o2c.domain.cashapp;

import java.util.Arrays;

/**
 * A long key to many int values, in flat arrays: a million invoice numbers fit in about
 * forty megabytes, where a boxed map would need several times that. Filled once, then read
 * by many threads; a key's values come back newest first, the same on every run.
 */
final class LongMultiIndex {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] heads;
    private int[] next;
    private int[] values;
    private int size;
    private int entries;

    LongMultiIndex(int expectedEntries) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedEntries * 2 - 1)) << 1;
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        heads = new int[capacity];
        next = new int[Math.max(16, expectedEntries)];
        values = new int[next.length];
    }

    void add(long key, int value) {
        if (entries == values.length) {
            next = Arrays.copyOf(next, entries * 2);
            values = Arrays.copyOf(values, entries * 2);
        }
        if (size * 2 >= keys.length) {
            grow();
        }
        int slot = slot(key);
        int entry = entries++;
        values[entry] = value;
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            next[entry] = -1;
            size++;
        } else {
            next[entry] = heads[slot];
        }
        heads[slot] = entry;
    }

    /** The first entry of {@code key}, or -1; walk on with {@link #nextEntry}. */
    int first(long key) {
        int slot = slot(key);
        return keys[slot] == EMPTY ? -1 : heads[slot];
    }

    int nextEntry(int entry) {
        return next[entry];
    }

    int value(int entry) {
        return values[entry];
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = (int) mix(key) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldHeads = heads;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        heads = new int[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int s = slot(oldKeys[i]);
                keys[s] = oldKeys[i];
                heads[s] = oldHeads[i];
            }
        }
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return k;
    }
}
