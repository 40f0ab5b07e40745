package dev.o2c.readers.bank;


/**
 * What a statement reader accepts where the standard is strict and some banks are not, and
 * what it knows of the ways banks fill free text. The default is the standard's reading; each
 * leniency is asked for by configuration ({@code o2c.inputs.*}, or an option of
 * {@code o2c statement}), and what it let through is still reported as a {@link ReaderNotice}.
 *
 * @param bai2TrailersAsNotices read a BAI2 file whose 49/98/99 control totals or record counts
 *        do not match its records, with each difference a notice, instead of refusing it
 * @param textKeys the words before payer, account, remittance and end-to-end reference in
 *        a BAI2 detail's text: the shipped table and what the configuration adds
 */
public record ReadingRules(boolean bai2TrailersAsNotices, TextKeys textKeys) {

    /** The standards as written: a BAI2 file whose trailers do not match is refused. */
    public static final ReadingRules STANDARD = new ReadingRules(false, TextKeys.STANDARD);

    public ReadingRules(boolean bai2TrailersAsNotices) {
        this(bai2TrailersAsNotices, TextKeys.STANDARD);
    }

    /**
     * The BAI2 trailer setting as configuration and the command line write it.
     *
     * @throws IllegalArgumentException for anything but {@code refuse} or {@code notice}
     */
    public static boolean trailersAsNotices(String setting) {
        return switch (setting == null ? "refuse" : setting.trim()) {
            case "refuse" -> false;
            case "notice" -> true;
            default -> throw new IllegalArgumentException("'" + setting + "' must be refuse or notice");
        };
    }
}
