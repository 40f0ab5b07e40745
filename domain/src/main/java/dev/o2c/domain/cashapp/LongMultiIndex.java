package dev.o2c.domain.cashapp;

import java.util.Arrays;

/**
 * A long key to many int values, in flat arrays: a million invoice numbers and their
 * six million one-digit-less variants fit in a few hundred megabytes, where boxed maps
 * would need gigabytes. Filled once, then read by many threads; values come back in the
 * order they were added, so reading is deterministic.
 */
final class LongMultiIndex {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] heads;
    private int[] tails;
    private int[] next;
    private int[] values;
    private int size;
    private int entries;

    LongMultiIndex(int expectedEntries) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedEntries * 2 - 1)) << 1;
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        heads = new int[capacity];
        tails = new int[capacity];
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
        next[entry] = -1;
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            heads[slot] = entry;
            size++;
        } else {
            next[tails[slot]] = entry;
        }
        tails[slot] = entry;
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
        int[] oldTails = tails;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        heads = new int[keys.length];
        tails = new int[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int s = slot(oldKeys[i]);
                keys[s] = oldKeys[i];
                heads[s] = oldHeads[i];
                tails[s] = oldTails[i];
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
