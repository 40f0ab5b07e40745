package dev.o2c.jobs.close;

import dev.o2c.readers.erp.MappingProfile;
import java.nio.file.Path;

/**
 * One file of the input directory, identified by its content.
 *
 * @param name the path within the input directory, with {@code /} (how every output names it)
 * @param format {@code generic-csv} for our own extracts, {@code csv:PROFILE} or {@code xlsx:PROFILE}
 *        for an ERP's read through a mapping profile, the bank format's label for statements
 * @param profile the mapping profile of an ERP extract, null for a bank statement
 * @param refusal why the file cannot be read, {@code FILE:LINE: reason}, or null: the load refuses it alone
 */
public record InputFileRef(String name, Path path, InputKind kind, String format, String sha256, MappingProfile profile,
                           String refusal) {

    public InputFileRef(String name, Path path, InputKind kind, String format, String sha256, MappingProfile profile) {
        this(name, path, kind, format, sha256, profile, null);
    }

    public InputFileRef(String name, Path path, InputKind kind, String format, String sha256) {
        this(name, path, kind, format, sha256, null, null);
    }

    /** A file where inputs of a kind go that cannot be read as one (a bank CSV no profile fits): refused alone, with why. */
    static InputFileRef refused(String name, Path path, InputKind kind, String sha256, String reason) {
        return new InputFileRef(name, path, kind, "unreadable", sha256, null, reason);
    }
}
