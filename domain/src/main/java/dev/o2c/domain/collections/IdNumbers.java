package dev.o2c.domain.collections;

import java.util.Arrays;

/**
 * Numbers ids 0, 1, 2, ... in the order they are first met: a map from id to number without
 * an object per id (its hash in a {@link LongMultiIndex}, the ids kept by number to tell apart
 * ids of one hash). Looking up an id met before reads two places in memory, where a map of
 * boxed numbers reads three and makes a number object per call. Not thread-safe while ids are
 * added.
 */
public final class IdNumbers {

    private final LongMultiIndex byHash;
    private String[] ids;
    private int size;

    public IdNumbers(int expected) {
        byHash = new LongMultiIndex(expected);
        ids = new String[Math.max(16, expected)];
    }

    /** The id's number, the next one when the id is new. */
    public int number(String id) {
        int known = find(id);
        if (known >= 0) {
            return known;
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size] = id;
        byHash.add(id.hashCode(), size);
        return size++;
    }

    /** The id's number, or -1 when it was never numbered (null included). */
    public int find(String id) {
        if (id == null) {
            return -1;
        }
        for (int e = byHash.first(id.hashCode()); e != LongMultiIndex.NONE; e = byHash.nextEntry(e)) {
            int number = byHash.value(e);
            if (ids[number].equals(id)) {
                return number;
            }
        }
        return -1;
    }

    /** The id of the number. */
    public String id(int number) {
        if (number >= size) {
            throw new IndexOutOfBoundsException(number);
        }
        return ids[number];
    }

    /** How many ids are numbered. */
    public int size() {
        return size;
    }
}
