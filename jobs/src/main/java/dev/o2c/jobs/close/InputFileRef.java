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
 */
public record InputFileRef(String name, Path path, InputKind kind, String format, String sha256, MappingProfile profile) {

    public InputFileRef(String name, Path path, InputKind kind, String format, String sha256) {
        this(name, path, kind, format, sha256, null);
    }
}
