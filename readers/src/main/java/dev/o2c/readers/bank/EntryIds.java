package dev.o2c.readers.bank;


/**
 * Ids for the entries of one file (CONTRACTS.md 3.2): the bank's reference where there is
 * one, else the first 12 hex digits of the file's SHA-256 and the entry's position.
 * A placeholder reference ({@code NONREF}) counts as none. A reference a bank repeats
 * within a file is told apart by the store when it loads the file, not here, so that
 * memory does not grow with the file.
 */
public final class EntryIds {

    private final String prefix;
    private long position;

    public EntryIds(String sha256) {
        this.prefix = sha256.substring(0, 12);
    }

    /** Advances to the next entry and returns its 1-based position in the file. */
    public long nextPosition() {
        return ++position;
    }

    public long position() {
        return position;
    }

    /** The id of the current entry. */
    public String id(String bankReference) {
        return isReference(bankReference) ? bankReference.trim() : prefix + "-" + position;
    }

    /** Whether a bank gave a real reference (not blank, not a placeholder). */
    public static boolean isReference(String bankReference) {
        return bankReference != null && !bankReference.isBlank() && !bankReference.trim().equalsIgnoreCase("NONREF");
    }
}
