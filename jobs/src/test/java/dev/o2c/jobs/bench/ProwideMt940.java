package dev.o2c.jobs.bench;

import com.prowidesoftware.swift.model.SwiftMessage;
import com.prowidesoftware.swift.model.Tag;
import com.prowidesoftware.swift.model.field.AmountContainer;
import com.prowidesoftware.swift.model.field.DateContainer;
import com.prowidesoftware.swift.model.field.Field;
import com.prowidesoftware.swift.model.field.Field61;
import dev.o2c.domain.bank.Balance;
import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.money.Money;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Currency;
import java.util.List;
import java.util.function.Consumer;

/**
 * MT940/MT942 read by prowide-core (pw-swift-core), the well-kept Java SWIFT library, into
 * our statement model: the yardstick our own reader is measured against, for speed
 * ({@code scripts/bench statements}) and for agreement with the shared samples
 * ({@code ProwideConformanceTest}). Not used by the close.
 *
 * <p>prowide parses one SWIFT message at a time; what it needs around it is ours: a file is
 * cut into messages at {@code {1:} or, without an envelope, at each {@code :20:}, and a
 * bare block 4 is given an envelope. Dates and amounts are prowide's, mapped as our
 * reader maps them (RC a debit, RD a credit; the entry date's year nearest the value date).
 */
public final class ProwideMt940 {

    private static final String ENVELOPE = "{1:F01BENCHXXXXXXX0000000000}{2:O9401200251031BENCHXXXXXXX00000000002510311200N}{4:\r\n";

    private ProwideMt940() {
    }

    /** Every statement of the file. */
    public static List<BankStatement> read(Path file) throws IOException {
        List<BankStatement> out = new ArrayList<>();
        messages(file, text -> out.add(statement(text)));
        return out;
    }

    /** Cuts the file into messages, one at a time, so memory stays flat. */
    static void messages(Path file, Consumer<String> each) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            StringBuilder message = new StringBuilder();
            boolean enveloped = false;
            String physical;
            while ((physical = in.readLine()) != null) {
                // messages written back to back: "-}{1:..." starts the next on the same line
                int glued = physical.indexOf("-}{1:");
                String line = physical;
                if (glued >= 0) {
                    message.append(physical, 0, glued + 2).append("\r\n");
                    line = physical.substring(glued + 2);
                }
                String stripped = line.stripLeading();
                boolean startsEnvelope = stripped.startsWith("{1:");
                boolean startsBare = !enveloped && stripped.startsWith(":20:");
                if ((startsEnvelope || startsBare) && !message.toString().isBlank()) {
                    emit(message.toString(), enveloped, each);
                    message.setLength(0);
                }
                if (startsEnvelope) {
                    enveloped = true;
                }
                message.append(line).append("\r\n");
            }
            if (!message.toString().isBlank()) {
                emit(message.toString(), enveloped, each);
            }
        }
    }

    /**
     * Hands on one message; a bare one without its bank's header lines (ABN AMRO's
     * "ABNANL2A / 940", ING's "0000 01INGB...", Rabobank's ":940:") that are no part of
     * block 4. Text without any field is such a header alone.
     */
    private static void emit(String text, boolean enveloped, Consumer<String> each) {
        if (enveloped) {
            each.accept(text);
            return;
        }
        // the first line of a field: a colon, a two-digit tag (Rabobank's ":940:" has three)
        java.util.regex.Matcher field = java.util.regex.Pattern.compile("(?m)^:\\d{2}[A-Z]?:").matcher(text);
        if (!field.find()) {
            return;
        }
        each.accept(wrap(text.substring(field.start()).strip()));
    }

    private static String wrap(String text) {
        String body = text.strip();
        if (body.endsWith("-")) {
            body = body.substring(0, body.length() - 1).strip();
        }
        return ENVELOPE + body + "\r\n-}";
    }

    static BankStatement statement(String message) {
        SwiftMessage m;
        try {
            m = SwiftMessage.parse(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (m.getBlock4() == null || m.getBlock4().getTags().isEmpty()) {
            throw new IllegalArgumentException("prowide found no block 4");
        }
        String account = null;
        String number = null;
        Currency currency = null;
        Balance opening = null;
        Balance closing = null;
        List<Balance> balances = new ArrayList<>();
        List<BankTransaction> lines = new ArrayList<>();
        for (Tag tag : m.getBlock4().getTags()) {
            String name = tag.getName();
            switch (name) {
                case "25", "25P" -> account = tag.getValue().strip();
                case "28C" -> number = tag.getValue().strip();
                case "60F", "60M", "62F", "62M", "64", "65" -> {
                    Field f = tag.asField();
                    Currency c = Currency.getInstance(f.getComponent(3));
                    currency = currency == null ? c : currency;
                    // the balance fields all carry D/C mark, date, currency and amount
                    BigDecimal amount = ((AmountContainer) f).amount();
                    List<Calendar> dates = ((DateContainer) f).dates();
                    LocalDate date = date(dates.isEmpty() ? null : dates.get(0));
                    Money money = Money.of("D".equals(f.getComponent(1)) ? amount.negate() : amount, c);
                    String type = switch (name) {
                        case "60F" -> "OPBD";
                        case "62F" -> "CLBD";
                        case "64" -> "CLAV";
                        case "65" -> "FWAV";
                        default -> "ITBD";
                    };
                    Balance b = new Balance(type, date, money);
                    balances.add(b);
                    if (name.startsWith("60")) {
                        opening = b;
                    } else if (name.startsWith("62")) {
                        closing = b;
                    }
                }
                case "61" -> {
                    Field61 f = (Field61) tag.asField();
                    LocalDate value = date(f.getValueDateAsCalendar());
                    String mark = f.getDebitCreditMark();
                    boolean debit = "D".equals(mark) || "RC".equals(mark);
                    BigDecimal amount = f.getAmountAsBigDecimal();
                    Currency c = currency != null ? currency : Money.NO_CURRENCY;
                    String reference = f.getReferenceOfTheAccountServicingInstitution();
                    lines.add(BankTransaction.builder()
                            .transactionId(reference == null || reference.isBlank() ? "line-" + (lines.size() + 1) : reference)
                            .bookingDate(entryDate(value, f.getEntryDate()))
                            .valueDate(value)
                            .amount(Money.of(debit ? amount.negate() : amount, c))
                            .reversal(mark != null && mark.startsWith("R"))
                            .build());
                }
                default -> {
                }
            }
        }
        return new BankStatement(account, currency == null ? Money.NO_CURRENCY : currency, number, number, opening, closing, balances, lines);
    }

    private static LocalDate date(Calendar c) {
        if (c == null) {
            throw new IllegalArgumentException("prowide read no date");
        }
        return c.toInstant().atZone(c.getTimeZone().toZoneId()).toLocalDate();
    }

    /** The entry date (MMDD) in the year that puts it nearest the value date. */
    private static LocalDate entryDate(LocalDate value, String mmdd) {
        if (mmdd == null || mmdd.length() != 4) {
            return value;
        }
        int month = Integer.parseInt(mmdd.substring(0, 2));
        int day = Integer.parseInt(mmdd.substring(2));
        LocalDate best = null;
        for (int year = value.getYear() - 1; year <= value.getYear() + 1; year++) {
            LocalDate candidate = LocalDate.of(year, month, Math.min(day, java.time.YearMonth.of(year, month).lengthOfMonth()));
            if (best == null || Math.abs(candidate.toEpochDay() - value.toEpochDay()) < Math.abs(best.toEpochDay() - value.toEpochDay())) {
                best = candidate;
            }
        }
        return best;
    }
}
