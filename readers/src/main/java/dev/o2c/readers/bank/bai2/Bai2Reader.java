package dev.o2c.readers.bank.bai2;

import dev.o2c.domain.bank.Balance;
import dev.o2c.domain.bank.BankFindings;
import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.money.Money;
import dev.o2c.readers.bank.BankFormat;
import dev.o2c.readers.bank.EntryIds;
import dev.o2c.readers.bank.ReaderNotice;
import dev.o2c.readers.bank.ReadingRules;
import dev.o2c.readers.bank.TextKeys;
import dev.o2c.readers.bank.StatementEvent;
import dev.o2c.readers.bank.StatementReader;
import dev.o2c.readers.bank.TextLines;
import dev.o2c.readers.csv.InputFormatException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * BAI2 (Cash Management Balance Reporting, version 2) and BTRS (version 3): records 01
 * file, 02 group, 03 account, 16 transaction detail, 88 continuation, 49 account trailer,
 * 98 group trailer, 99 file trailer.
 *
 * <p>One statement per 03 account, dated at its group's 02 as-of date: balance type 010 is
 * the opening (OPBD), 015 the closing (CLBD), 040/045 the available balances. Amounts carry
 * implied decimals (the currency's minor units); a 16's sign comes from its type code
 * (100-399 and 920-959 credits, 400-699 and 960-999 debits, others as written). Funds-type
 * fields (V date and time, S three distributions, D a counted list) are skipped by their
 * shape. A 16's text is the rest of the record, commas and slashes included; 88 records
 * continue the fields of the record before them, with or without the closing slash (a text
 * cut at the file's physical record length goes on without a blank, as it was cut mid-word).
 * Control totals and record counts of 49, 98 and 99 are verified: a difference refuses the
 * file at the trailer's line (what the totals are for: a file cut, doubled or altered on its
 * way), unless {@link ReadingRules#bai2TrailersAsNotices()} makes each difference a
 * {@link ReaderNotice}; a missing trailer or a record out of place fails the file. A 16 that
 * leaves its amount out (an 890 information record) is read as zero, with a notice.
 */
public final class Bai2Reader implements StatementReader {

    private static final Pattern WHOLE = Pattern.compile("\\d+");
    private static final Pattern SIGNED_WHOLE = Pattern.compile("[+-]?\\d+");
    private static final Pattern YYMMDD = Pattern.compile("\\d{6}");

    private final String name;
    private final TextLines lines;
    private final EntryIds ids;
    private final Deque<StatementEvent> pending = new ArrayDeque<>();
    private final Deque<Physical> physical = new ArrayDeque<>();
    private final List<ReaderNotice> notices = new ArrayList<>();
    private final BankFormat format = BankFormat.BAI2;
    private final ReadingRules rules;
    /** BTRS (version 3 in the 01 header): the account currency is on the 03, never defaulted. */
    private boolean btrs;
    /** The 01's physical record length (80 for most banks), 0 when not given: a text cut there continues without a blank. */
    private int recordLength;
    private Record lookahead;
    private String lastCode;
    private boolean finished;

    // where we are
    private boolean fileOpen;
    private boolean groupOpen;
    private boolean accountOpen;
    private LocalDate asOf;
    /** The 02's as-of-date modifier: 1/2 interim/final previous-day, 3/4 interim/final same-day. */
    private String asOfModifier;
    private Currency groupCurrency;
    private String account;
    private Currency currency;
    private List<Balance> balances = new ArrayList<>();
    private long accountLine;
    // control totals and counts: sums of amounts as written (whole numbers, implied decimals
    // ignored, since a group or file may add up accounts in different currencies), and records
    private BigInteger accountSum = BigInteger.ZERO;
    private long accountRecords;
    private BigInteger groupSum = BigInteger.ZERO;
    private long groupRecords;
    private long groupAccounts;
    private BigInteger fileSum = BigInteger.ZERO;
    private long fileRecords;
    private long fileGroups;

    private record Record(String code, List<String> segments, long line, int records) {
    }

    /** A record as it stands on its line (a line may hold several, each after a slash). */
    private record Physical(String text, long line) {
    }

    private Bai2Reader(Path file, String name, String sha256, ReadingRules rules) {
        this.name = name;
        this.rules = rules;
        this.ids = new EntryIds(sha256);
        this.lines = TextLines.open(file, name);
    }

    public static Bai2Reader open(Path file, String name, String sha256) {
        return new Bai2Reader(file, name, sha256, ReadingRules.STANDARD);
    }

    public static Bai2Reader open(Path file, String name, String sha256, ReadingRules rules) {
        return new Bai2Reader(file, name, sha256, rules);
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
        while (pending.isEmpty() && !finished) {
            Record r = nextRecord();
            if (r == null) {
                finish();
                break;
            }
            handle(r);
        }
        return pending.poll();
    }

    private void finish() {
        finished = true;
        if (!fileOpen && fileRecords == 0) {
            throw new InputFormatException(name, Math.max(1, lines.number()), "no BAI2 file header (01)");
        }
        if (accountOpen) {
            throw new InputFormatException(name, lines.number(), "account " + account + " has no 49 trailer: the file is cut short");
        }
        if (groupOpen) {
            throw new InputFormatException(name, lines.number(), "group has no 98 trailer: the file is cut short");
        }
        if (fileOpen) {
            throw new InputFormatException(name, lines.number(), "the file has no 99 trailer: it is cut short");
        }
    }

    private void handle(Record r) {
        if (!fileOpen && !r.code().equals("01")) {
            throw new InputFormatException(name, r.line(), "record " + r.code() + " before the 01 file header");
        }
        if (fileOpen) {
            fileRecords += r.records();
        }
        if (groupOpen) {
            groupRecords += r.records();
        }
        if (accountOpen) {
            accountRecords += r.records();
        }
        switch (r.code()) {
            case "01" -> fileHeader(r);
            case "02" -> groupHeader(r);
            case "03" -> accountHeader(r);
            case "16" -> detail(r);
            case "49" -> accountTrailer(r);
            case "98" -> groupTrailer(r);
            case "99" -> fileTrailer(r);
            default -> throw new InputFormatException(name, r.line(), "record type '" + r.code() + "' is not a BAI2 record");
        }
    }

    private void fileHeader(Record r) {
        if (fileOpen) {
            throw new InputFormatException(name, r.line(), "a second 01 file header before the 99 trailer");
        }
        List<String> f = fields(r);
        btrs = f.size() > 7 && f.get(7).strip().equals("3");
        String length = f.size() > 5 ? f.get(5).strip() : "";
        recordLength = WHOLE.matcher(length).matches() && length.length() < 6 ? Integer.parseInt(length) : 0;
        fileOpen = true;
        fileRecords = r.records();
        fileSum = BigInteger.ZERO;
        fileGroups = 0;
    }

    private void groupHeader(Record r) {
        if (groupOpen) {
            throw new InputFormatException(name, r.line(), "a 02 group header inside a group");
        }
        List<String> f = fields(r);
        if (f.size() < 4) {
            throw new InputFormatException(name, r.line(), "02 group header without an as-of date");
        }
        asOf = date(f.get(3), r);
        asOfModifier = f.size() > 6 && !f.get(6).isBlank() ? f.get(6).strip() : null;
        groupCurrency = f.size() > 5 && !f.get(5).isBlank() ? currency(f.get(5), r) : null;
        groupOpen = true;
        groupRecords = r.records();
        groupSum = BigInteger.ZERO;
        groupAccounts = 0;
        fileGroups++;
    }

    private void accountHeader(Record r) {
        if (!groupOpen) {
            throw new InputFormatException(name, r.line(), "03 account identifier outside a group");
        }
        if (accountOpen) {
            throw new InputFormatException(name, r.line(), "03 account " + account + " is not closed by a 49 before the next 03");
        }
        List<String> f = fields(r);
        if (f.isEmpty() || f.get(0).isBlank()) {
            throw new InputFormatException(name, r.line(), "03 record without an account number");
        }
        account = f.get(0).strip();
        if (f.size() > 1 && !f.get(1).isBlank()) {
            currency = currency(f.get(1), r);
        } else if (btrs) {
            throw new InputFormatException(name, r.line(), "03 account " + account
                    + " has no currency: BTRS version 3 requires it on the 03 record");
        } else {
            // BAI2: the group's currency, else US dollars, as the specification defaults it
            currency = groupCurrency != null ? groupCurrency : Money.currency("USD");
        }
        accountOpen = true;
        accountLine = r.line();
        accountRecords = r.records();
        accountSum = BigInteger.ZERO;
        groupAccounts++;
        balances = new ArrayList<>();
        // type code, amount, item count, funds type (+ its fields), repeated
        int i = 2;
        while (i < f.size()) {
            String type = f.get(i).strip();
            String amountText = i + 1 < f.size() ? f.get(i + 1).strip() : "";
            String funds = i + 3 < f.size() ? f.get(i + 3).strip() : "";
            i += 4 + fundsFields(funds, f, i + 4, r);
            if (!amountText.isEmpty()) {
                // every amount of the record counts toward the 49's total, typed or not
                BigDecimal amount = signedAmount(amountText, r);
                accountSum = accountSum.add(amount.unscaledValue());
                if (type.isEmpty()) {
                    continue;
                }
                String balanceType = switch (type) {
                    case "010" -> "OPBD";
                    case "015" -> "CLBD";
                    case "040" -> "OPAV";
                    case "045" -> "CLAV";
                    default -> null;
                };
                if (balanceType != null) {
                    balances.add(new Balance(balanceType, asOf, money(amount, r)));
                }
            }
        }
        pending.add(new StatementEvent.Begin(header(), r.line()));
    }

    /** How many fields follow a funds type: V date and time, S three amounts, D a count and pairs. */
    private int fundsFields(String funds, List<String> f, int at, Record r) {
        return switch (funds) {
            case "V" -> 2;
            case "S" -> 3;
            case "D" -> {
                String count = at < f.size() ? f.get(at).strip() : "";
                if (!WHOLE.matcher(count).matches()) {
                    throw new InputFormatException(name, r.line(), "funds type D without a distribution count");
                }
                yield 1 + 2 * Integer.parseInt(count);
            }
            default -> 0;
        };
    }

    private void detail(Record r) {
        if (!accountOpen) {
            throw new InputFormatException(name, r.line(), "16 transaction detail outside an account (03 ... 49)");
        }
        List<String> f = new ArrayList<>();
        StringBuilder text = null;
        int previous = 0; // the physical length of the record before: one cut at the file's record length goes on mid-word
        for (String segment : r.segments()) {
            if (text != null) {
                boolean cut = recordLength > 0 && previous >= recordLength;
                // cut at the record length, the text goes on as written, blanks at the cut included
                String more = cut ? stripSlash(segment) : stripSlash(segment).strip();
                if (!more.isBlank()) {
                    if (!cut) {
                        while (text.length() > 0 && text.charAt(text.length() - 1) == ' ') {
                            text.setLength(text.length() - 1); // a record that ended short: one blank before the next part
                        }
                    }
                    text.append(text.length() == 0 || cut ? "" : " ").append(more);
                }
                previous = physicalLength(segment);
                continue;
            }
            previous = physicalLength(segment);
            int at = 0;
            while (at >= 0) {
                if (f.size() >= fieldsBeforeText(f, r)) {
                    text = new StringBuilder(stripSlash(segment.substring(at)).stripLeading());
                    break;
                }
                int comma = segment.indexOf(',', at);
                String token = comma < 0 ? segment.substring(at) : segment.substring(at, comma);
                if (token.strip().endsWith("/")) {
                    // the record ends here; an 88 continues with the next field
                    f.add(stripSlash(token));
                    at = -1;
                } else {
                    f.add(token);
                    at = comma < 0 ? -1 : comma + 1;
                }
            }
        }
        if (f.size() < 2 || f.get(0).isBlank()) {
            throw new InputFormatException(name, r.line(), "16 record without a type code and amount");
        }
        String type = f.get(0).strip();
        if (type.length() == 3 && type.charAt(0) == '0') {
            throw new InputFormatException(name, r.line(), "type code " + type + " is an account status (001-099), not a transaction detail");
        }
        if (f.get(1).isBlank()) {
            // the X9 validator's samples leave it out (890 information, a 116 without money)
            f.set(1, "0");
            notices.add(new ReaderNotice(r.line(), BankFindings.READ_LENIENTLY, "16 of type " + type + " has no amount: read as 0"));
        }
        String funds = f.size() > 2 ? f.get(2).strip() : "";
        int refAt = 3 + fundsFields(funds, f, 3, r);
        String bankRef = refAt < f.size() ? blankToNull(f.get(refAt)) : null;
        String customerRef = refAt + 1 < f.size() ? blankToNull(f.get(refAt + 1)) : null;
        LocalDate value = funds.equals("V") && f.size() > 3 && !f.get(3).isBlank() ? date(f.get(3), r) : asOf;
        BigDecimal written = unsignedAmount(f.get(1), r);
        accountSum = accountSum.add(written.unscaledValue());
        BigDecimal signed = debit(type) ? written.negate() : written;
        // the parts a bank writes into the text as KEY: value (TextKeys): the payer of a credit, the payee of a debit
        String remittance = text == null || text.toString().isBlank() ? null : text.toString().strip();
        TextKeys.Parts parts = rules.textKeys().parse(remittance);
        String counterparty = parts == null ? null : signed.signum() < 0 ? parts.payeeName() : parts.payerName();
        String counterpartyAccount = parts == null ? null : signed.signum() < 0 ? parts.payeeAccount() : parts.payerAccount();
        if (customerRef == null && parts != null) {
            customerRef = parts.endToEnd();
        }
        ids.nextPosition();
        BankTransaction line = BankTransaction.builder()
                .transactionId(ids.id(bankRef)).bankReference(bankRef).account(account)
                .bookingDate(asOf).valueDate(value).amount(money(signed, r))
                .remittanceInfo(remittance).counterpartyName(counterparty).counterpartyAccount(counterpartyAccount)
                .typeCode(type).customerReference(customerRef)
                .statementFile(name).position(ids.position()).line(r.line()).build();
        pending.add(new StatementEvent.Line(line));
    }

    /** A record's length on its line (code and comma included), or 0 when it ended with its slash: complete, not cut. */
    private static int physicalLength(String segment) {
        return segment.stripTrailing().endsWith("/") ? 0 : segment.length() + 3;
    }

    /** Type code, amount, funds type, its fields, bank reference, customer reference; then the text. */
    private int fieldsBeforeText(List<String> f, Record r) {
        if (f.size() < 3) {
            return 5;
        }
        String funds = f.get(2).strip();
        if (funds.equals("D") && f.size() < 4) {
            return 4;
        }
        return 3 + fundsFields(funds, f, 3, r) + 2;
    }

    private static boolean debit(String type) {
        if (type.length() != 3 || !isDigit(type.charAt(0)) || !isDigit(type.charAt(1)) || !isDigit(type.charAt(2))) {
            return false;
        }
        int n = (type.charAt(0) - '0') * 100 + (type.charAt(1) - '0') * 10 + (type.charAt(2) - '0');
        return (n >= 400 && n <= 699) || n >= 960;
    }

    private void accountTrailer(Record r) {
        if (!accountOpen) {
            throw new InputFormatException(name, r.line(), "49 account trailer without its 03");
        }
        List<String> f = fields(r);
        BigInteger stated = f.isEmpty() || f.get(0).isBlank() ? BigInteger.ZERO : signedAmount(f.get(0), r).unscaledValue();
        verify(r, "account " + account + " control total", accountSum, stated);
        if (f.size() > 1 && !f.get(1).isBlank()) {
            verifyCount(r, "account " + account + " record count", accountRecords, f.get(1));
        }
        groupSum = groupSum.add(stated);
        accountOpen = false;
        pending.add(new StatementEvent.End(header()));
    }

    private void groupTrailer(Record r) {
        if (!groupOpen || accountOpen) {
            throw new InputFormatException(name, r.line(), "98 group trailer out of place");
        }
        List<String> f = fields(r);
        BigInteger stated = f.isEmpty() || f.get(0).isBlank() ? BigInteger.ZERO : signedAmount(f.get(0), r).unscaledValue();
        verify(r, "group control total", groupSum, stated);
        if (f.size() > 1 && !f.get(1).isBlank()) {
            verifyCount(r, "group number of accounts", groupAccounts, f.get(1));
        }
        if (f.size() > 2 && !f.get(2).isBlank()) {
            verifyCount(r, "group record count", groupRecords, f.get(2));
        }
        fileSum = fileSum.add(stated);
        groupOpen = false;
    }

    private void fileTrailer(Record r) {
        if (groupOpen) {
            throw new InputFormatException(name, r.line(), "99 file trailer before the group's 98");
        }
        List<String> f = fields(r);
        BigInteger stated = f.isEmpty() || f.get(0).isBlank() ? BigInteger.ZERO : signedAmount(f.get(0), r).unscaledValue();
        verify(r, "file control total", fileSum, stated);
        if (f.size() > 1 && !f.get(1).isBlank()) {
            verifyCount(r, "file number of groups", fileGroups, f.get(1));
        }
        if (f.size() > 2 && !f.get(2).isBlank()) {
            verifyCount(r, "file record count", fileRecords, f.get(2));
        }
        fileOpen = false;
    }

    private void verify(Record r, String what, BigInteger computed, BigInteger stated) {
        if (computed.compareTo(stated) != 0) {
            trailerDiffers(r, BankFindings.BAI2_CONTROL_TOTAL, what + " is " + stated + " in the trailer but the records add up to " + computed);
        }
    }

    private void verifyCount(Record r, String what, long counted, String stated) {
        String s = stated.strip();
        if (!SIGNED_WHOLE.matcher(s).matches()) {
            trailerDiffers(r, BankFindings.BAI2_RECORD_COUNT, what + " '" + s + "' is not a number");
        } else if (Long.parseLong(s.replace("+", "")) != counted) {
            trailerDiffers(r, BankFindings.BAI2_RECORD_COUNT, what + " is " + s + " in the trailer but " + counted + " were read");
        }
    }

    private void trailerDiffers(Record r, String category, String message) {
        if (!rules.bai2TrailersAsNotices()) {
            throw new InputFormatException(name, r.line(), message + " (refused: the file may be cut, doubled or altered;"
                    + " to read a bank's files whose trailers never match, set o2c.inputs.bai2-trailers: notice)");
        }
        notices.add(new ReaderNotice(r.line(), category, message));
    }

    private BankStatement header() {
        Balance opening = null;
        Balance closing = null;
        for (Balance b : balances) {
            if (b.isOpening() && opening == null) {
                opening = b;
            } else if (b.isClosing()) {
                closing = b;
            }
        }
        // BAI2 has no statement number: an account's report is known by its as-of date (and
        // modifier), which is what makes the same report sent twice recognisable
        String id = asOf + (asOfModifier == null ? "" : "/" + asOfModifier);
        return new BankStatement(account, currency, id, null, opening, closing, balances, List.of());
    }

    // --- records ------------------------------------------------------------------------

    /** The next logical record: a record and the 88 continuations that follow it. */
    private Record nextRecord() {
        Record r = lookahead != null ? lookahead : readPhysical();
        lookahead = null;
        if (r == null) {
            return null;
        }
        if (r.code().equals("88")) {
            throw new InputFormatException(name, r.line(), "88 continuation without a record to continue");
        }
        List<String> segments = new ArrayList<>(r.segments());
        int records = 1;
        while (true) {
            Record next = readPhysical();
            if (next != null && next.code().equals("88")) {
                segments.addAll(next.segments());
                records += next.records();
                continue;
            }
            lookahead = next;
            break;
        }
        return new Record(r.code(), segments, r.line(), records);
    }

    /** One physical record: a line, or part of one when records follow each other after slashes. */
    private Record readPhysical() {
        while (physical.isEmpty()) {
            String line = lines.next();
            if (line == null) {
                return null;
            }
            if (line.isBlank()) {
                continue;
            }
            long number = lines.number();
            int start = 0;
            for (int slash = line.indexOf('/'); slash >= 0; slash = line.indexOf('/', slash + 1)) {
                int next = nextRecordAfter(line, slash);
                if (next > 0) {
                    physical.add(new Physical(line.substring(start, slash + 1), number));
                    start = next;
                    slash = next - 1;
                }
            }
            physical.add(new Physical(start == 0 ? line : line.substring(start), number));
        }
        Physical next = physical.poll();
        String text = next.text().stripLeading();
        long line = next.line();
        if (text.length() < 3 || !isDigit(text.charAt(0)) || !isDigit(text.charAt(1)) || text.charAt(2) != ',') {
            if (lastCode != null && lastCode.equals("16")) {
                // a 16's text wrapped onto a line of its own, without 88: it continues the text
                return new Record("88", List.of(next.text()), line, 0);
            }
            throw new InputFormatException(name, line, "'" + abbreviate(text) + "' is not a BAI2 record (two-digit record code and a comma)");
        }
        String code = text.substring(0, 2);
        if (!code.equals("88")) {
            lastCode = code;
        }
        return new Record(code, List.of(text.substring(3)), line, 1);
    }

    /**
     * Where the record that follows the slash at {@code slash} starts (blanks, then a record
     * code and a comma), or -1 when the slash is part of the text. By hand: a 16's text is
     * full of slashes, and this is asked of every one.
     */
    private static int nextRecordAfter(String line, int slash) {
        int i = slash + 1;
        int n = line.length();
        while (i < n && " \t\n\u000B\f\r".indexOf(line.charAt(i)) >= 0) {
            i++;
        }
        if (i + 2 >= n || line.charAt(i + 2) != ',') {
            return -1;
        }
        return switch (line.substring(i, i + 2)) {
            case "01", "02", "03", "16", "49", "88", "98", "99" -> i;
            default -> -1;
        };
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** All fields of a record: its segments without their closing slash, joined by commas. */
    private static List<String> fields(Record r) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < r.segments().size(); i++) {
            if (i > 0) {
                joined.append(',');
            }
            joined.append(stripSlash(r.segments().get(i)));
        }
        List<String> out = new ArrayList<>();
        for (String field : joined.toString().split(",", -1)) {
            out.add(field);
        }
        return out;
    }

    private static String stripSlash(String s) {
        String t = s.stripTrailing();
        return t.endsWith("/") ? t.substring(0, t.length() - 1) : s;
    }

    // --- values -------------------------------------------------------------------------

    private BigDecimal signedAmount(String text, Record r) {
        String t = text.strip();
        if (!SIGNED_WHOLE.matcher(t).matches()) {
            throw new InputFormatException(name, r.line(), "amount '" + t + "' is not a whole number with implied decimals");
        }
        return new BigDecimal(new java.math.BigInteger(t.replace("+", "")), minorUnits());
    }

    private BigDecimal unsignedAmount(String text, Record r) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 18) {
            if (!WHOLE.matcher(t).matches()) {
                throw new InputFormatException(name, r.line(), "amount '" + t + "' is not a whole number with implied decimals");
            }
            return new BigDecimal(new java.math.BigInteger(t), minorUnits());
        }
        // the usual case: digits into a long, no regular expression, no BigInteger
        long unscaled = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!isDigit(c)) {
                throw new InputFormatException(name, r.line(), "amount '" + t + "' is not a whole number with implied decimals");
            }
            unscaled = unscaled * 10 + (c - '0');
        }
        return BigDecimal.valueOf(unscaled, minorUnits());
    }

    private int minorUnits() {
        return (currency != null ? currency : groupCurrency != null ? groupCurrency : Money.currency("USD")).getDefaultFractionDigits();
    }

    private Money money(BigDecimal amount, Record r) {
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(name, r.line(), e.getMessage());
        }
    }

    private Currency currency(String code, Record r) {
        try {
            return Money.currency(code.strip());
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(name, r.line(), e.getMessage());
        }
    }

    private LocalDate date(String yymmdd, Record r) {
        String t = yymmdd.strip();
        if (!YYMMDD.matcher(t).matches()) {
            throw new InputFormatException(name, r.line(), "date '" + t + "' is not YYMMDD");
        }
        int yy = Integer.parseInt(t.substring(0, 2));
        int month = Integer.parseInt(t.substring(2, 4));
        int day = Integer.parseInt(t.substring(4, 6));
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(2000 + yy, month).lengthOfMonth()) {
            throw new InputFormatException(name, r.line(), "date '" + t + "' is not a calendar date");
        }
        return LocalDate.of(yy < 80 ? 2000 + yy : 1900 + yy, month, day);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public void close() {
        lines.close();
    }
}
