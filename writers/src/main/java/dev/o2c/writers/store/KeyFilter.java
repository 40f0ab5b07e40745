package dev.o2c.writers.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells, in fixed memory, which natural keys of a file may have come before: a Bloom
 * filter of 2^27 bits (16 MB) with four hash functions. A key it has not seen is new for
 * certain; one it may have seen is a suspect, kept exactly, so that the duplicate check
 * runs in SQL on the suspects' rows only (about one false suspect in a million keys at
 * a million keys). Past {@link #MAX_SUSPECTS} suspects it gives up, and every row is
 * checked.
 */
final class KeyFilter {

    static final int MAX_SUSPECTS = 100_000;
    private static final int BITS_LOG2 = 27;
    private static final long MASK = (1L << BITS_LOG2) - 1;
    private static final int HASHES = 4;

    private final long[] bits = new long[1 << (BITS_LOG2 - 6)];
    private final Map<String, Object[]> suspects = new LinkedHashMap<>();
    private boolean overflowed;

    /** Records a key; a key that may have been seen before becomes a suspect. */
    void add(String key, Object[] keyValues) {
        long h1 = mix(key.hashCode() * 0x9E3779B97F4A7C15L);
        long h2 = fnv(key) | 1;
        boolean seen = true;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & MASK;
            int word = (int) (bit >>> 6);
            long m = 1L << (bit & 63);
            if ((bits[word] & m) == 0) {
                seen = false;
                bits[word] |= m;
            }
        }
        if (seen && !overflowed) {
            suspects.putIfAbsent(key, keyValues);
            if (suspects.size() > MAX_SUSPECTS) {
                overflowed = true;
                suspects.clear();
            }
        }
    }

    /** Whether every row must be checked: too many suspects to list. */
    boolean overflowed() {
        return overflowed;
    }

    /** The keys that may repeat, with their column values. */
    Iterable<Object[]> suspects() {
        return suspects.values();
    }

    boolean hasSuspects() {
        return overflowed || !suspects.isEmpty();
    }

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** MurmurHash3's finaliser: every input bit reaches every output bit. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
