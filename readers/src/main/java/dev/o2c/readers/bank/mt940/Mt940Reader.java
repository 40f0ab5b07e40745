package dev.o2c.readers.bank.mt940;

import dev.o2c.domain.bank.Balance;
import dev.o2c.domain.bank.BankFindings;
import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.money.Money;
import dev.o2c.readers.bank.BankFormat;
import dev.o2c.readers.bank.EntryIds;
import dev.o2c.readers.bank.ReaderNotice;
import dev.o2c.readers.bank.ReadingRules;
import dev.o2c.readers.bank.StatementEvent;
import dev.o2c.readers.bank.StatementReader;
import dev.o2c.readers.bank.TextLines;
import dev.o2c.readers.csv.InputFormatException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SWIFT MT940 (customer statement) and MT942 (interim transaction report), with or
 * without the {@code {1:}{2:}{4:}} envelope, several statements per file.
 *
 * <p>Each {@code :20:} starts a statement. {@code :60F:}/{@code :60M:} are its opening,
 * {@code :62F:}/{@code :62M:} its closing, {@code :64:} and {@code :65:} available balances.
 * Every subfield of {@code :61:} is read; the {@code :86:} that follows belongs to it.
 * Tolerated as real banks write them: wrapped lines (a {@code :61:} whose amount moved to
 * the next line, a tag split from its colon), a missing final line break, bytes that are
 * not UTF-8 (read as ISO-8859-1), header lines before the first tag, and impossible dates
 * such as 30 February, which become the last day of that month (as wolph/mt940 does).
 * Streams line by line.
 */
public final class Mt940Reader implements StatementReader {

    /** The fields of MT940 and MT942, and Rabobank's :NS:. */
    private static final java.util.Set<String> KNOWN_TAGS = java.util.Set.of("20", "21", "25", "25P", "28", "28C", "60F", "60M",
            "61", "86", "62F", "62M", "64", "65", "34F", "13", "13D", "90D", "90C", "NS");
    private static final Pattern WRAPPED_TAG = Pattern.compile("^\\d{2}[A-Z]?:.*");
    /** C/D, YYMMDD, currency (some banks leave it out of :62M:), amount with a decimal comma (or point). */
    private static final Pattern BALANCE = Pattern.compile("^([CD])(\\d{6})([A-Z]{3})?([0-9]+[,.]?[0-9]*)\\s*$");
    /** A :61: whose first line reaches its type code: dates, mark, amount, then N/S/F and three more. */
    private static final Pattern REACHES_TYPE_CODE = Pattern.compile("^\\d{6}.*?[0-9],?[0-9]*[NSF][A-Z0-9]{3}");
    private static final Pattern LEADING_CURRENCY = Pattern.compile("^([A-Z]{3})");
    private static final Pattern ACCOUNT_LIKE = Pattern.compile("^[A-Z]{2}\\d{2}[A-Z0-9]{8,30}$|^\\d{6,}$");

    private final String name;
    private final ReadingRules rules;
    private final TextLines lines;
    private final EntryIds ids;
    private final Deque<StatementEvent> pending = new ArrayDeque<>();
    private BankFormat format = BankFormat.MT940;

    /** one field of look-ahead */
    private Field lookahead;
    private String carried;
    /** The line that opened the next field, read by the field before it, and where its tag ends. */
    private String nextFieldLine;
    private int nextFieldTagEnd;
    private boolean linesDone;
    /** The lines of a physical line that held several, separated by "@@". */
    private final Deque<String> pieces = new ArrayDeque<>();

    // the statement being read
    private boolean open;
    private boolean begun;
    private long statementLine;
    private String reference;
    private String account;
    private String number;
    private Currency currency;
    private final List<Balance> balances = new ArrayList<>();
    private Balance opening;
    private Balance closing;
    private int statements;
    /** The furthest place in a statement's order (see {@link #rank}) its fields have reached, and the tag there. */
    private int rankReached;
    private String tagAtRank = "20";
    /** A message end ("-" or "-}") was read and no field has started since; and whether the field being read follows one. */
    private boolean messageEnded;
    private boolean fieldAfterEnd;
    private long nextFieldLineNumber;
    private final List<ReaderNotice> notices = new ArrayList<>();
    /** The kinds of {@link #noticeOnce} already said in this file. */
    private final java.util.Set<String> noticed = new java.util.HashSet<>();
    /** Inside a SWIFT message's block 4 ({@code {4:} seen, its {@code -}} not yet). */
    private boolean inBlock4;
    private long block4Line;

    private record Field(String tag, List<String> lines, long line, boolean afterMessageEnd) {
        Field(String tag, List<String> lines, long line) {
            this(tag, lines, line, false);
        }

        String value() {
            return String.join("\n", lines);
        }
    }

    private Mt940Reader(Path file, String name, String sha256, ReadingRules rules) {
        this.name = name;
        this.rules = rules;
        this.ids = new EntryIds(sha256);
        this.lines = TextLines.open(file, name);
    }

    public static Mt940Reader open(Path file, String name, String sha256) {
        return new Mt940Reader(file, name, sha256, ReadingRules.STANDARD);
    }

    public static Mt940Reader open(Path file, String name, String sha256, ReadingRules rules) {
        return new Mt940Reader(file, name, sha256, rules);
    }

    @Override
    public BankFormat format() {
        return format;
    }

    @Override
    public List<ReaderNotice> notices() {
        return List.copyOf(notices);
    }

    @Override
    public StatementEvent next() {
        while (pending.isEmpty()) {
            Field field = nextField();
            if (field == null) {
                if (open) {
                    end();
                    continue;
                }
                if (statements == 0) {
                    throw new InputFormatException(name, Math.max(1, lines.number()), "no MT940 statement (:20: ... :61: / :62F:) in the file");
                }
                return null;
            }
            handle(field);
        }
        return pending.poll();
    }

    private void handle(Field f) {
        if (f.afterMessageEnd()) {
            // a message ended ("-"): what follows starts over, whether or not it repeats :20:
            rankReached = 0;
        }
        if (f.tag().equals("20")) {
            rankReached = 0;
            tagAtRank = "20";
        } else {
            checkOrder(f);
        }
        switch (f.tag()) {
            case "20" -> {
                if (open) {
                    end();
                }
                startStatement(f);
            }
            case "25", "25P" -> {
                requireOpen(f);
                account = f.value().strip();
            }
            case "28C", "28" -> {
                requireOpen(f);
                number = f.value().strip();
            }
            // :60M:/:62M: open and close a page of a longer statement: interim booked balances (ITBD)
            case "60F" -> {
                opening = balance("OPBD", f);
                begin(f);
            }
            case "60M" -> {
                opening = balance("ITBD", f);
                begin(f);
            }
            case "62F" -> closing = balance("CLBD", f);
            case "62M" -> closing = balance("ITBD", f);
            case "64" -> balance("CLAV", f);
            case "65" -> balance("FWAV", f);
            case "34F" -> {
                format = BankFormat.MT942;
                if (currency == null) {
                    Matcher m = LEADING_CURRENCY.matcher(f.value().strip());
                    if (m.find()) {
                        currency = currency(m.group(1), f.line());
                    }
                }
            }
            case "13D", "13", "90D", "90C" -> {
                // MT942's date-time indication and entry counters
                requireOpen(f);
                format = BankFormat.MT942;
            }
            case "86" -> requireOpen(f); // an :86: not after a :61: speaks of the statement
            case "21", "NS" -> { } // related reference; non-SWIFT bank-specific fields
            case "61" -> statementLine(f);
            default -> throw new InputFormatException(name, f.line(), ":" + f.tag() + ": is not a field of MT940 or MT942");
        }
    }

    /**
     * Where a field stands in a statement (MT940: 20, 21, 25, 28C, 60a, 61 and 86 repeated,
     * 62a, 64, 65, 86; MT942: 34F and 13D before the lines, 90D/90C after them): a field may
     * repeat its place or move on, never go back. A field out of order is a file cut and pasted
     * wrong, or a field where another belongs: refused, since what it says cannot be trusted.
     * An :86: may stand anywhere after the :20: (after a :61: it is that line's; elsewhere the
     * statement's); :NS: and the fields before :25: are free.
     */
    private static int rank(String tag) {
        return switch (tag) {
            case "20" -> 0;
            case "21" -> 1;
            case "25", "25P" -> 2;
            case "28", "28C" -> 3;
            case "60F", "60M", "34F" -> 4;
            case "13", "13D" -> 5;
            case "61" -> 6;
            case "62F", "62M", "90D", "90C" -> 7;
            case "64" -> 8;
            case "65" -> 9;
            default -> -1; // :86:, :NS: and tags that are not ours
        };
    }

    private void checkOrder(Field f) {
        int r = rank(f.tag());
        if (r < 0) {
            return;
        }
        if (r < rankReached && !(r == 0)) {
            throw new InputFormatException(name, f.line(), ":" + f.tag() + ": out of order: it belongs before :" + tagAtRank + ":");
        }
        if (r >= rankReached) {
            rankReached = r;
            tagAtRank = f.tag();
        }
    }

    private void startStatement(Field f) {
        open = true;
        begun = false;
        statementLine = f.line();
        reference = f.value().strip();
        account = null;
        number = null;
        currency = null;
        balances.clear();
        opening = null;
        closing = null;
        statements++;
    }

    private void requireOpen(Field f) {
        if (!open) {
            // Some banks leave out :20: in a file with one statement.
            startStatement(new Field("20", List.of(""), f.line()));
        }
    }

    private Balance balance(String type, Field f) {
        requireOpen(f);
        Matcher m = BALANCE.matcher(f.value().strip().replace("\n", ""));
        if (!m.matches()) {
            throw new InputFormatException(name, f.line(), ":" + f.tag() + ": '" + f.value().strip()
                    + "' is not a balance (C/D, YYMMDD, currency, amount)");
        }
        Currency ccy = m.group(3) != null ? currency(m.group(3), f.line()) : currency != null ? currency : Money.NO_CURRENCY;
        if (currency == null) {
            currency = ccy;
        }
        BigDecimal amount = amount(m.group(4), f);
        Balance b = new Balance(type, date(m.group(2), f), money(m.group(1).equals("D") ? amount.negate() : amount, ccy, f));
        balances.add(b);
        return b;
    }

    private void begin(Field f) {
        if (begun) {
            return;
        }
        if (currency == null && account != null && account.matches(".*[A-Z]{3}$")) {
            currency = currency(account.substring(account.length() - 3), f.line());
        }
        if (currency == null) {
            // a fragment that names no currency: its amounts are kept, marked as in no currency
            currency = Money.NO_CURRENCY;
        }
        pending.add(new StatementEvent.Begin(header(), statementLine));
        begun = true;
    }

    private void end() {
        if (!begun) {
            Field here = new Field("62F", List.of(), statementLine);
            begin(here);
        }
        pending.add(new StatementEvent.End(header()));
        open = false;
    }

    private BankStatement header() {
        String id = number != null && !number.isEmpty() ? number : (reference == null || reference.isEmpty() ? null : reference);
        return new BankStatement(account, currency, id, number, opening, closing, balances, List.of());
    }

    /**
     * {@code :61:} value date 6!n, [entry date 4!n], mark 2a (C, D, RC, RD), [funds code 1!a],
     * amount 15d, type 1!a3!c, customer reference 16x, [//bank reference 16x], [supplementary 34x].
     */
    private void statementLine(Field f) {
        requireOpen(f);
        String first = f.lines().get(0);
        List<String> rest = f.lines().size() == 1 ? List.of() : new ArrayList<>(f.lines().subList(1, f.lines().size()));
        // A bank that wraps before the type code: join until the type (letter + 3) is on the first line.
        while (!rest.isEmpty() && !REACHES_TYPE_CODE.matcher(first).find()) {
            first = first + rest.remove(0).strip();
        }
        int i = 0;
        if (!digits(first, 0, 6)) {
            throw new InputFormatException(name, f.line(), ":61: '" + first + "' does not start with a value date YYMMDD");
        }
        LocalDate value = date(first, 0, f);
        i = 6;
        LocalDate entry = null;
        if (digits(first, i, i + 4)) {
            entry = entryDate(value, first, i, f);
            i += 4;
        } else if (first.length() >= i + 4 && first.substring(i, i + 4).isBlank()) {
            i += 4;
        }
        boolean debit;
        boolean reversal = false;
        if (first.startsWith("RD", i) || first.startsWith("RC", i)) {
            reversal = true;
            // RD reverses a debit, which is a credit; RC reverses a credit, which is a debit (CONTRACTS.md 4)
            debit = first.charAt(i + 1) == 'C';
            i += 2;
        } else if (first.startsWith("D", i) || first.startsWith("C", i)) {
            debit = first.charAt(i) == 'D';
            i += 1;
        } else {
            throw new InputFormatException(name, f.line(), ":61: '" + first + "' has no debit/credit mark (C, D, RC, RD) after its dates");
        }
        if (i < first.length() && Character.isLetter(first.charAt(i))) {
            i++; // funds code: the third letter of the currency code
        }
        int amountEnd = amountEnd(first, i);
        if (amountEnd < 0) {
            throw new InputFormatException(name, f.line(), ":61: '" + first + "' has no amount where one must be");
        }
        String written = first.substring(i, amountEnd);
        BigDecimal amount = amount(written, f);
        if (written.indexOf(',') < 0) {
            // SWIFT requires the comma; some parsers refuse without it, others read the digits: the digits are unambiguous
            noticeOnce("no-comma", f.line(), ":61: amount '" + written + "' is written without its decimal comma: read as "
                    + amount.toPlainString());
        }
        i = amountEnd;
        String typeCode = null;
        if (i + 4 <= first.length()) {
            typeCode = first.substring(i, i + 4);
            i += 4;
        } else {
            noticeOnce("no-type", f.line(), ":61: ends after its amount, without the transaction type and reference SWIFT"
                    + " requires: read with its date, mark and amount");
        }
        // the rest: customer reference, then // and the bank's reference
        String customerRef;
        String bankRef = null;
        int slashes = i < first.length() ? first.indexOf("//", i) : -1;
        if (slashes >= 0) {
            customerRef = first.substring(i, slashes).strip();
            bankRef = first.substring(slashes + 2).strip();
        } else {
            customerRef = i < first.length() ? first.substring(i).strip() : "";
        }
        if (typeCode != null && customerRef.isEmpty()) {
            noticeOnce("no-reference", f.line(), ":61: has no customer reference (SWIFT writes NONREF when there is none):"
                    + " read without one");
        }
        String supplementary = rest.isEmpty() ? null : String.join(" ", rest).strip();

        ids.nextPosition();
        // its :86:, if the next field is one
        Field next = peek();
        Information86 info = Information86.EMPTY;
        if (next != null && next.tag().equals("25") && !next.afterMessageEnd()) {
            // a :25: where the line's :86: belongs (parsers disagree: some read it as the
            // account, some refuse): read as the line's information, and said
            notices.add(new ReaderNotice(next.line(), BankFindings.READ_LENIENTLY,
                    ":25: right after a :61:, where its :86: belongs: read as that line's information, not as the account"));
            next = new Field("86", next.lines(), next.line());
        }
        if (next != null && next.tag().equals("86")) {
            lookahead = null;
            info = Information86.parse(next.lines(), rules.textKeys());
        }
        begin(f);
        String counterpartyAccount = info.counterpartyAccount();
        if (counterpartyAccount == null && supplementary != null && ACCOUNT_LIKE.matcher(supplementary.replace(" ", "")).matches()) {
            counterpartyAccount = supplementary.replace(" ", "");
        }
        String bankReference = emptyToNull(bankRef);
        BankTransaction line = BankTransaction.builder()
                .transactionId(ids.id(bankReference)).bankReference(bankReference).account(account)
                .bookingDate(entry != null ? entry : value).valueDate(value)
                .amount(money(debit ? amount.negate() : amount, currency, f)).reversal(reversal)
                .counterpartyName(info.counterpartyName()).counterpartyAccount(counterpartyAccount)
                .remittanceInfo(info.remittance() != null ? info.remittance() : supplementaryText(supplementary, counterpartyAccount))
                .typeCode(typeCode).customerReference(EntryIds.isReference(customerRef) ? customerRef : info.endToEndId())
                .statementFile(name).position(ids.position()).line(f.line()).build();
        pending.add(new StatementEvent.Line(line));
    }

    /**
     * A leniency said at its first line only, and that it holds for the rest of the file: a bank
     * that always writes so would otherwise give a notice, and an exception, per entry.
     */
    private void noticeOnce(String kind, long line, String text) {
        if (noticed.add(kind)) {
            notices.add(new ReaderNotice(line, BankFindings.READ_LENIENTLY, text + " (and so every later line like it in this file)"));
        }
    }

    private static String supplementaryText(String supplementary, String account) {
        if (supplementary == null || supplementary.replace(" ", "").equals(account)) {
            return null;
        }
        return supplementary;
    }

    /** The entry date MMDD at {@code at} (digits, checked by the caller). */
    private LocalDate entryDate(LocalDate value, String text, int at, Field f) {
        int month = twoDigits(text, at);
        int day = twoDigits(text, at + 2);
        if (month < 1 || month > 12) {
            throw new InputFormatException(name, f.line(), "entry date '" + text.substring(at, at + 4) + "' has no month " + month);
        }
        // The entry date carries no year: take the value date's, across a turn of the year if need be.
        int year = value.getYear();
        if (month == 12 && value.getMonthValue() == 1) {
            year--;
        } else if (month == 1 && value.getMonthValue() == 12) {
            year++;
        }
        return clamp(year, month, day, f);
    }

    private LocalDate date(String yymmdd, Field f) {
        return date(yymmdd, 0, f);
    }

    /** The date YYMMDD at {@code at} (digits, checked by the caller). */
    private LocalDate date(String text, int at, Field f) {
        int yy = twoDigits(text, at);
        int month = twoDigits(text, at + 2);
        int day = twoDigits(text, at + 4);
        if (month < 1 || month > 12) {
            throw new InputFormatException(name, f.line(), "date '" + text.substring(at, at + 6) + "' has no month " + month);
        }
        return clamp(yy < 80 ? 2000 + yy : 1900 + yy, month, day, f);
    }

    /** A day past the month's end (30 February, as some banks write) is the month's last day. */
    private LocalDate clamp(int year, int month, int day, Field f) {
        if (day < 1 || day > 31) {
            throw new InputFormatException(name, f.line(), "day " + day + " of " + year + "-" + month + " is not a day");
        }
        if (day <= 28) {
            return LocalDate.of(year, month, day);
        }
        YearMonth ym = YearMonth.of(year, month);
        return ym.atDay(Math.min(day, ym.lengthOfMonth()));
    }

    /**
     * Where an amount that starts at {@code from} ends: digits, then at most one decimal comma
     * (or point) and more digits; -1 when no digit is there.
     */
    private static int amountEnd(String text, int from) {
        int i = from;
        int n = text.length();
        while (i < n && isDigit(text.charAt(i))) {
            i++;
        }
        if (i == from) {
            return -1;
        }
        if (i < n && (text.charAt(i) == ',' || text.charAt(i) == '.')) {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    /** A SWIFT amount, {@code 1234,56} or {@code 1234,} (the comma is required by SWIFT, a point tolerated). */
    private BigDecimal amount(String text, Field f) {
        String t = text.strip();
        if (amountEnd(t, 0) != t.length()) {
            throw new InputFormatException(name, f.line(), "amount '" + t + "' is not digits with a decimal comma");
        }
        int separator = Math.max(t.indexOf(','), t.indexOf('.'));
        int scale = separator < 0 ? 0 : t.length() - separator - 1;
        if (t.length() <= 18) {
            // the usual case, without the string a BigDecimal would parse: digits into a long
            long unscaled = 0;
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c != ',' && c != '.') {
                    unscaled = unscaled * 10 + (c - '0');
                }
            }
            return BigDecimal.valueOf(unscaled, scale);
        }
        String plain = t.replace(',', '.');
        return new BigDecimal(plain.endsWith(".") ? plain.substring(0, plain.length() - 1) : plain);
    }

    private Money money(BigDecimal amount, Currency ccy, Field f) {
        try {
            return Money.of(amount, ccy);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(name, f.line(), e.getMessage());
        }
    }

    private Currency currency(String code, long line) {
        try {
            return Money.currency(code);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(name, line, e.getMessage());
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // --- fields ---------------------------------------------------------------------------

    private Field peek() {
        if (lookahead == null) {
            lookahead = readField();
        }
        return lookahead;
    }

    private Field nextField() {
        Field f = peek();
        lookahead = null;
        return f;
    }

    /** The next {@code :TAG:} field with its continuation lines; envelope lines are dropped. */
    private Field readField() {
        String tag = null;
        List<String> value = null;
        long at = 0;
        if (nextFieldLine != null) {
            tag = tagName(nextFieldLine, nextFieldTagEnd);
            value = new ArrayList<>(4);
            value.add(nextFieldLine.substring(nextFieldLine.indexOf(':', nextFieldTagEnd) + 1));
            at = nextFieldLineNumber;
            nextFieldLine = null;
            fieldAfterEnd = messageEnded;
            messageEnded = false;
        }
        while (true) {
            String line = carried != null ? carried : nextLine();
            carried = null;
            if (line == null) {
                break;
            }
            envelope(line);
            String stripped = unwrapEnvelope(line);
            if (stripped == null) {
                String t = line.trim();
                if (t.equals("-") || t.startsWith("-}")) {
                    messageEnded = true;
                }
                if (tag != null) {
                    break;
                }
                continue;
            }
            if (stripped.equals(":")) {
                String following = nextLine();
                if (following != null && WRAPPED_TAG.matcher(following).matches()) {
                    stripped = ":" + following;
                } else {
                    carried = following;
                }
            }
            String leading = stripped.stripLeading();
            int tagEnd = tagEnd(leading);
            if (tagEnd > 0 && "86".equals(tag) && !KNOWN_TAGS.contains(tagName(leading, tagEnd))) {
                // an :86: wrapped where its text has a colon ("...T13" then ":12:11"): its text
                tagEnd = -1;
            }
            if (tagEnd > 0) {
                if (tag != null) {
                    nextFieldLine = leading;
                    nextFieldTagEnd = tagEnd;
                    nextFieldLineNumber = lines.number();
                    break;
                }
                tag = tagName(leading, tagEnd);
                value = new ArrayList<>(4);
                value.add(leading.substring(leading.indexOf(':', tagEnd) + 1));
                at = lines.number();
                fieldAfterEnd = messageEnded;
                messageEnded = false;
            } else if (tag != null) {
                value.add(stripped);
            }
            // text before the first tag (bank headers such as "ABNANL2A", "940") is not ours
        }
        if (tag == null) {
            return null;
        }
        Field field = new Field(tag, trimTrailingBlank(value), at, fieldAfterEnd);
        fieldAfterEnd = false;
        return field;
    }

    /**
     * Where the tag of a line that opens a field ends ({@code :61:}, {@code :28C:},
     * {@code :NS:}, blanks allowed before the second colon), or -1 for any other line.
     * By hand, not a regular expression: it is asked of every line of the file.
     */
    static int tagEnd(String line) {
        int n = line.length();
        if (n < 4 || line.charAt(0) != ':') {
            return -1;
        }
        int i;
        if (line.startsWith("NS", 1)) {
            i = 3;
        } else if (isDigit(line.charAt(1)) && isDigit(line.charAt(2))) {
            i = 3;
            if (line.charAt(i) >= 'A' && line.charAt(i) <= 'Z') {
                i++;
            }
        } else {
            return -1;
        }
        int end = i;
        while (i < n && isBlank(line.charAt(i))) {
            i++;
        }
        return i < n && line.charAt(i) == ':' ? end : -1;
    }

    /** Two digits the caller has checked are digits, as a number. */
    private static int twoDigits(String text, int at) {
        return (text.charAt(at) - '0') * 10 + (text.charAt(at + 1) - '0');
    }

    private static boolean digits(String text, int from, int to) {
        if (to > text.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The tag, without a new string for the ones every entry has. */
    private static String tagName(String line, int tagEnd) {
        if (tagEnd == 3) {
            if (line.startsWith("61", 1)) {
                return "61";
            }
            if (line.startsWith("86", 1)) {
                return "86";
            }
        }
        return line.substring(1, tagEnd);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r' || c == '\n';
    }

    private String nextLine() {
        if (!pieces.isEmpty()) {
            return pieces.poll();
        }
        if (linesDone) {
            return null;
        }
        String line = lines.next();
        if (line == null) {
            linesDone = true;
        } else if (line.contains("@@")) {
            // FinTS (HBCI) hands MT940/942 over with "@@" for each line break
            for (String piece : line.split("@@", -1)) {
                pieces.add(piece);
            }
            return pieces.poll();
        }
        return line;
    }

    /**
     * Follows the SWIFT envelope: a message's block 4 opens with {@code {4:} and ends with
     * {@code -}}; a new message ({@code {1:}) before that end means the one before was cut off.
     */
    private void envelope(String line) {
        if (line.isEmpty() || (line.charAt(0) != '{' && line.charAt(0) != '-' && line.charAt(0) >= ' ')) {
            return; // the usual line
        }
        String t = line.trim();
        if (t.startsWith("-}")) {
            inBlock4 = false;
            t = t.substring(2).trim();
        }
        if (t.startsWith("{1:") && inBlock4) {
            throw new InputFormatException(name, lines.number(), "a new SWIFT message starts before the message of line "
                    + block4Line + " ended with -}: that message is cut off");
        }
        if (t.startsWith("{") && t.contains("{4:")) {
            inBlock4 = true;
            block4Line = lines.number();
        }
    }

    /**
     * Drops the SWIFT envelope: {@code {1:...}{2:...}{4:} before block 4, and {@code -}}
     * or {@code -} after it. Returns null for a line that holds nothing of block 4.
     */
    private static String unwrapEnvelope(String line) {
        String l = line;
        if (l.startsWith("{")) {
            int block4 = l.indexOf("{4:");
            if (block4 < 0) {
                return null;
            }
            l = l.substring(block4 + 3);
            if (l.isBlank()) {
                return null;
            }
        }
        int n = l.length();
        if (n == 0) {
            return null;
        }
        char first = l.charAt(0);
        char last = l.charAt(n - 1);
        if (first > ' ' && first != '-' && first != '}' && last > ' ') {
            return l; // the usual line: nothing to look at more closely
        }
        // trailing control characters (ETX, SUB) after the block end are transmission debris:
        // trim() drops every character up to U+0020, control characters included
        String t = l.trim();
        if (t.isEmpty() || t.equals("-}") || t.equals("-") || t.equals("}") || t.startsWith("-}{")) {
            return null;
        }
        if (first < ' ' && first != '\t' && t.startsWith(":")) {
            return t; // a DOS end-of-file byte (0x1A) or SOH glued before the next statement's tag
        }
        return l;
    }

    private static List<String> trimTrailingBlank(List<String> value) {
        int end = value.size();
        while (end > 1 && value.get(end - 1).isBlank()) {
            end--;
        }
        return end == value.size() ? value : new ArrayList<>(value.subList(0, end));
    }

    @Override
    public void close() {
        lines.close();
    }
}
