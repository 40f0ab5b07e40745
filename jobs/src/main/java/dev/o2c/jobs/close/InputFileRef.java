package dev.o2c.jobs.close;

import java.nio.file.Path;

/**
 * One file of the input directory, identified by its content.
 *
 * @param name the path within the input directory, with {@code /} (how every output names it)
 * @param format {@code generic-csv} for ERP extracts, the bank format's label for statements
 */
public record InputFileRef(String name, Path path, InputKind kind, String format, String sha256) {
}
