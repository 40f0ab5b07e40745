package dev.o2c.readers.bank;

/**
 * What a statement reader accepts where the standard is strict and some banks are not. The
 * default is the standard's reading; each leniency is asked for by configuration
 * ({@code o2c.inputs.*}, or an option of {@code o2c statement}), and what it let through is
 * still reported as a {@link ReaderNotice}.
 *
 * @param bai2TrailersAsNotices read a BAI2 file whose 49/98/99 control totals or record counts
 *        do not match its records, with each difference a notice, instead of refusing it
 */
public record ReadingRules(boolean bai2TrailersAsNotices) {

    /** The standards as written: a BAI2 file whose trailers do not match is refused. */
    public static final ReadingRules STANDARD = new ReadingRules(false);
}
