package dev.o2c.jobs.close;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The output directory of a close. Each file is written beside its final name and moved
 * into place in one step, so a reader (or a killed run) never sees half a file; the
 * SHA-256 of each is kept for the manifest.
 */
final class OutputFolder {

    /** Writes the content of one output file. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path dir;
    private final Map<String, String> written = new TreeMap<>();

    OutputFolder(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Removes a folder of outputs we own (such as {@code rejects/}) left by an earlier run. */
    void clear(String folder) {
        Path target = dir.resolve(folder);
        if (!Files.exists(target)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(target)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code name} (a path relative to the folder, with {@code /}) and returns its SHA-256. */
    String write(String name, Content content) {
        Path target = dir.resolve(name);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(partial), 1 << 16), digest)) {
                content.writeTo(out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            String sha = HexFormat.of().formatHex(digest.digest());
            written.put(name, sha);
            return sha;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file written so far, by name, with its SHA-256. */
    Map<String, String> written() {
        return new TreeMap<>(written);
    }

    Path path(String name) {
        return dir.resolve(name);
    }
}
