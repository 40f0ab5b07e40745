package dev.o2c.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Rewrites an OOXML package (a zip) with every entry dated at the as-of date, in the
 * same order, with no extra fields: the workbook library stamps entries with the
 * wall clock, which would make identical workbooks differ byte for byte.
 */
final class ZipNormaliser {

    private ZipNormaliser() {
    }

    static byte[] normalise(byte[] zip, LocalDate asOf) {
        LocalDateTime stamp = asOf.atStartOfDay();
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        // Read through the central directory: the streaming writer puts sizes in data descriptors.
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get();
             ZipOutputStream zout = new ZipOutputStream(out)) {
            zout.setLevel(6);
            for (ZipArchiveEntry entry : Collections.list(in.getEntriesInPhysicalOrder())) {
                ZipEntry copy = new ZipEntry(entry.getName());
                // Local time, not an instant: the DOS time field must not depend on the host's zone.
                copy.setTimeLocal(stamp);
                zout.putNextEntry(copy);
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(zout);
                }
                zout.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
