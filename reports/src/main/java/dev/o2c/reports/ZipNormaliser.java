package dev.o2c.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Rewrites an OOXML package (a zip) with every entry dated at the as-of date, in the same
 * order, with no extra fields: the workbook library stamps entries with the wall clock,
 * which would make identical workbooks differ byte for byte. Entries are copied compressed
 * as they are (no inflating and deflating again) from a file to the output, so a workbook
 * of a million rows costs neither a second compression nor its size in memory.
 */
final class ZipNormaliser {

    private ZipNormaliser() {
    }

    static void normalise(Path zip, LocalDate asOf, OutputStream out) {
        // the DOS time field is local time: the as-of date's midnight in this zone writes it the same on every host
        long stamp = asOf.atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();
        // Read through the central directory: the streaming writer puts sizes in data descriptors.
        try (ZipFile in = ZipFile.builder().setPath(zip).get();
             ZipArchiveOutputStream zout = new ZipArchiveOutputStream(new KeptOpen(out))) {
            for (ZipArchiveEntry entry : Collections.list(in.getEntriesInPhysicalOrder())) {
                ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
                copy.setMethod(entry.getMethod());
                copy.setCrc(entry.getCrc());
                copy.setSize(entry.getSize());
                copy.setCompressedSize(entry.getCompressedSize());
                copy.setTime(stamp);
                try (InputStream raw = in.getRawInputStream(entry)) {
                    zout.addRawArchiveEntry(copy, raw);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The caller's stream, flushed but left open when the zip is closed: the caller closes what it opened. */
    private static final class KeptOpen extends OutputStream {
        private final OutputStream out;

        KeptOpen(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
