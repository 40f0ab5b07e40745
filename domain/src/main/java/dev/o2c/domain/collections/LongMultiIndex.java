package dev.o2c.domain.collections;

/**
 * A long key to many int values (0 to {@code Integer.MAX_VALUE - 1}), in flat arrays: a million invoice numbers fit
 * in about thirty megabytes and no object of their own, where a boxed map would need several times that and three
 * million objects for the collector to copy. Filled once,
 * then read by many threads; a key's values come back newest first, the same on every run.
 *
 * <p>Laid out for a million random lookups, each a cache miss: a slot's key and the head of
 * its values sit side by side in one array (one miss, not two), and a key with one value
 * (nearly every invoice number) keeps it in the head itself, so only keys with several
 * values reach the entry arrays.
 */
public final class LongMultiIndex {

    /** What {@link #first} and {@link #nextEntry} return when there are no more values. */
    public static final int NONE = -1;

    /**
     * Slot s at 2s (its key) and 2s + 1 (its head): 0 for an empty slot, -1 - v for the one
     * value v, e + 1 for a chain starting at entry e of {@link #values} and {@link #next}.
     */
    private long[] table;
    private int[] next = new int[0];
    private int[] values = new int[0];
    private int size;
    private int entries;

    public LongMultiIndex(int expectedKeys) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedKeys * 2 - 1)) << 1;
        table = new long[2 * capacity];
    }

    public void add(long key, int value) {
        if (value < 0 || value == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("values are 0 to Integer.MAX_VALUE - 1: " + value);
        }
        if (size * 2 >= table.length / 2) {
            grow();
        }
        int slot = slot(key);
        long head = table[2 * slot + 1];
        if (head == 0) {
            table[2 * slot] = key;
            table[2 * slot + 1] = -1L - value;
            size++;
            return;
        }
        int chain;
        if (head < 0) { // a second value: the first moves to an entry of its own
            chain = entry((int) (-1L - head), NONE);
        } else {
            chain = (int) (head - 1);
        }
        table[2 * slot + 1] = entry(value, chain) + 1L;
    }

    /**
     * The first of the key's values as a handle for {@link #value} (the newest added; a handle
     * below -1 is a lone value held in the head, one from 0 an entry), or
     * {@link #NONE}; walk on with {@link #nextEntry}.
     */
    public int first(long key) {
        // one subtraction maps every head to its handle: 0 to NONE, -1 - v to -2 - v, e + 1 to e
        return (int) (table[2 * slot(key) + 1] - 1);
    }

    public int nextEntry(int handle) {
        return handle >= 0 ? next[handle] : NONE;
    }

    public int value(int handle) {
        return handle >= 0 ? values[handle] : -2 - handle;
    }

    private int entry(int value, int nextEntry) {
        if (entries == values.length) {
            int grown = Math.max(16, entries * 2);
            next = java.util.Arrays.copyOf(next, grown);
            values = java.util.Arrays.copyOf(values, grown);
        }
        values[entries] = value;
        next[entries] = nextEntry;
        return entries++;
    }

    private int slot(long key) {
        int mask = table.length / 2 - 1;
        int i = (int) mix(key) & mask;
        while (table[2 * i + 1] != 0 && table[2 * i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        for (int s = 0; s < old.length / 2; s++) {
            if (old[2 * s + 1] != 0) {
                int to = slot(old[2 * s]);
                table[2 * to] = old[2 * s];
                table[2 * to + 1] = old[2 * s + 1];
            }
        }
    }

    /** A key's bits spread over the slot numbers (MurmurHash3's finaliser, its first half); {@link ShortKeyMap}'s too. */
    static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return k;
    }
}
