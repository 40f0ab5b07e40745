package dev.o2c.domain.collections;

/**
 * Sorts non-negative longs whose low bits are a position already in ascending order (keys packed
 * as {@code (sort key << bits) | position}, filled in position order): only the bits above the
 * position are sorted on, stably, so positions that tie on the key stay ascending and the result
 * is the array's ascending order, as {@link java.util.Arrays#sort(long[])} gives.
 *
 * <p>Why not {@code Arrays.sort}: a close sorts a million such keys once or twice a run, and
 * the JIT compiled the JDK's quicksort a dozen times over (OSR and recompilations, 0.2 s of
 * compiler time) for code that then ran once. This is a least-significant-digit radix sort: a
 * counting pass, then one pass per digit that is not the same in every key (dates a year
 * apart differ in a few bits only), each a sequential read and a write into a couple of
 * thousand runs; two loops, compiled once.
 */
public final class PackedSort {

    private static final int DIGIT_BITS = 11;
    private static final int RADIX = 1 << DIGIT_BITS;
    private static final int MASK = RADIX - 1;

    private PackedSort() {
    }

    /**
     * Sorts {@code keys} ascending, given that their low {@code positionBits} bits ascend with the index
     * (each key's position) and that every key is non-negative.
     *
     * @throws IllegalArgumentException when a key is negative or {@code positionBits} is not 0 to 63
     */
    public static void sort(long[] keys, int positionBits) {
        if (positionBits < 0 || positionBits > 63) {
            throw new IllegalArgumentException("positionBits " + positionBits);
        }
        int n = keys.length;
        int digits = (63 - positionBits + DIGIT_BITS - 1) / DIGIT_BITS;
        if (n < 2 || digits == 0) {
            return;
        }
        int[][] counts = counts(keys, positionBits, digits);
        long[] from = keys;
        long[] to = null;
        for (int d = 0; d < digits; d++) {
            if (counts[d] == null) {
                continue; // the same digit in every key: this pass would not move anything
            }
            if (to == null) {
                to = new long[n];
            }
            scatter(from, to, positionBits + d * DIGIT_BITS, counts[d]);
            long[] swap = from;
            from = to;
            to = swap;
        }
        if (from != keys) {
            System.arraycopy(from, 0, keys, 0, n);
        }
    }

    /** Each digit's counts, or null for a digit that is the same in every key; one pass over the keys. */
    private static int[][] counts(long[] keys, int positionBits, int digits) {
        int[] all = new int[digits * RADIX];
        for (long k : keys) {
            if (k < 0) {
                throw new IllegalArgumentException("negative key " + k);
            }
            long rest = k >>> positionBits;
            for (int d = 0; d < digits; d++) {
                all[d * RADIX + (int) (rest & MASK)]++;
                rest >>>= DIGIT_BITS;
            }
        }
        int[][] counts = new int[digits][];
        int n = keys.length;
        for (int d = 0; d < digits; d++) {
            int first = (int) ((keys[0] >>> (positionBits + d * DIGIT_BITS)) & MASK);
            if (all[d * RADIX + first] != n) {
                counts[d] = java.util.Arrays.copyOfRange(all, d * RADIX, (d + 1) * RADIX);
            }
        }
        return counts;
    }

    /** One stable pass: each key to its digit's run, in the order read. */
    private static void scatter(long[] from, long[] to, int shift, int[] count) {
        int[] next = new int[RADIX];
        int sum = 0;
        for (int b = 0; b < RADIX; b++) {
            next[b] = sum;
            sum += count[b];
        }
        for (long k : from) {
            to[next[(int) ((k >>> shift) & MASK)]++] = k;
        }
    }
}
