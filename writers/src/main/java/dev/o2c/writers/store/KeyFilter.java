package dev.o2c.writers.store;

/**
 * Tells, in fixed memory, which natural keys may be in a table already: a Bloom filter of
 * 2^27 bits (16 MB) with four hash functions. A key it has not been given is absent for
 * certain; one it may have been given is looked up by the store (about one false "may" in
 * 200 keys at ten million keys, one in a million at a million).
 */
final class KeyFilter {

    private static final int BITS_LOG2 = 27;
    private static final long MASK = (1L << BITS_LOG2) - 1;
    private static final int HASHES = 4;

    private final long[] bits = new long[1 << (BITS_LOG2 - 6)];

    void add(String key) {
        long h1 = mix(key.hashCode() * 0x9E3779B97F4A7C15L);
        long h2 = fnv(key) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & MASK;
            bits[(int) (bit >>> 6)] |= 1L << (bit & 63);
        }
    }

    boolean mightContain(String key) {
        long h1 = mix(key.hashCode() * 0x9E3779B97F4A7C15L);
        long h2 = fnv(key) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & MASK;
            if ((bits[(int) (bit >>> 6)] & (1L << (bit & 63))) == 0) {
                return false;
            }
        }
        return true;
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
