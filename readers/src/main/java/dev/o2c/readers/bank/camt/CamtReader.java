package dev.o2c.readers.bank.camt;

import com.ctc.wstx.stax.WstxInputFactory;
import dev.o2c.domain.bank.Balance;
import dev.o2c.domain.bank.BankFindings;
import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.domain.bank.CreditorReference;
import dev.o2c.domain.bank.TransactionDetail;
import dev.o2c.domain.money.Money;
import dev.o2c.readers.bank.BankFormat;
import dev.o2c.readers.bank.EntryIds;
import dev.o2c.readers.bank.ReaderNotice;
import dev.o2c.readers.bank.ReadingRules;
import dev.o2c.readers.bank.StatementEvent;
import dev.o2c.readers.bank.StatementReader;
import dev.o2c.readers.bank.TextKeys;
import dev.o2c.readers.csv.Fields;
import dev.o2c.readers.csv.InputFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * ISO 20022 camt.052 (account report), camt.053 (statement) and camt.054 (debit/credit
 * notification), versions .001.02 to .001.08, read by element name whatever the namespace.
 *
 * <p>Streams with StAX: one entry in memory at a time. A DOCTYPE is refused outright, so
 * no external entity or entity expansion can reach us. Each {@code Stmt}/{@code Rpt}/{@code Ntfctn}
 * is a statement; each {@code Ntry} a line, with every {@code TxDtls} of a batched entry in
 * its details. Amounts are signed by {@code CdtDbtInd}; {@code RvslInd} marks a reversal
 * without changing the sign the bank booked. Dates given as date-times keep the date the bank wrote.
 */
public final class CamtReader implements StatementReader {

    private static final XMLInputFactory FACTORY = factory();

    private final String name;
    private final InputStream in;
    private final XMLStreamReader xml;
    private final EntryIds ids;
    private final Deque<StatementEvent> pending = new ArrayDeque<>();
    private BankFormat format = BankFormat.CAMT053;
    private boolean done;
    private long messageLine;
    private int statements;
    /** Creation dates of the message and of the statement: the date of an entry that gives none. */
    private LocalDate messageCreated;
    private LocalDate statementCreated;

    // the statement being read
    private String account;
    private Currency currency;
    private String statementId;
    private String sequence;
    private List<Balance> balances;
    private String pageNumber;
    private boolean begun;
    private final ReadingRules rules;
    private final List<ReaderNotice> notices = new ArrayList<>();
    private long beginLine;

    private CamtReader(Path file, String name, String sha256, ReadingRules rules) {
        this.name = name;
        this.rules = rules;
        this.ids = new EntryIds(sha256);
        try {
            this.in = Files.newInputStream(file);
            this.xml = FACTORY.createXMLStreamReader(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw fail(e);
        }
    }

    public static CamtReader open(Path file, String name, String sha256) {
        return new CamtReader(file, name, sha256, ReadingRules.STANDARD);
    }

    public static CamtReader open(Path file, String name, String sha256, ReadingRules rules) {
        return new CamtReader(file, name, sha256, rules);
    }

    private static XMLInputFactory factory() {
        // Woodstox by name, whatever else is on the class path, so behaviour does not drift
        // with the class path; no DTD is read, no entity resolved (a DOCTYPE is refused below).
        XMLInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // the five predefined entities and character references are replaced; any other is an error
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        // bounded memory whatever the file: a text or an element name past these is an error with its line
        f.setProperty(com.ctc.wstx.api.WstxInputProperties.P_MAX_TEXT_LENGTH, dev.o2c.readers.bank.TextLines.MAX_LINE_BYTES);
        f.setProperty(com.ctc.wstx.api.WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, 1 << 20);
        return f;
    }

    @Override
    public List<ReaderNotice> notices() {
        return List.copyOf(notices);
    }

    @Override
    public BankFormat format() {
        return format;
    }

    @Override
    public StatementEvent next() {
        try {
            while (pending.isEmpty() && !done) {
                advance();
            }
            return pending.poll();
        } catch (XMLStreamException e) {
            throw fail(e);
        }
    }

    /** Reads forward until at least one event is pending or the document ends. */
    private void advance() throws XMLStreamException {
        if (state == State.IN_STATEMENT) {
            continueStatement();
            return;
        }
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new InputFormatException(name, line(), "a DOCTYPE is not allowed in a camt message");
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                break;
            }
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().startsWith("BkToCstmr") && statements == 0) {
                // the schemas require at least one
                throw new InputFormatException(name, messageLine, xml.getLocalName() + " holds no statement (Stmt, Rpt or Ntfctn)");
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String element = xml.getLocalName();
            // .001.01 messages carry their version in the name (BkToCstmrAcctRptV01)
            if (element.startsWith("BkToCstmrStmt")) {
                message(BankFormat.CAMT053);
                continue;
            } else if (element.startsWith("BkToCstmrAcctRpt")) {
                message(BankFormat.CAMT052);
                continue;
            } else if (element.startsWith("BkToCstmrDbtCdtNtfctn")) {
                message(BankFormat.CAMT054);
                continue;
            }
            switch (element) {
                case "CreDtTm" -> messageCreated = parseDate(text());
                case "Stmt", "Rpt", "Ntfctn" -> {
                    if (messageLine == 0) {
                        throw new InputFormatException(name, line(), xml.getLocalName() + " outside a camt.052, camt.053 or camt.054 message");
                    }
                    statements++;
                    readStatement();
                    return;
                }
                default -> { }
            }
        }
        if (messageLine == 0) {
            throw new InputFormatException(name, line(), "not a camt.052, camt.053 or camt.054 message (no BkToCstmrStmt, BkToCstmrAcctRpt or BkToCstmrDbtCdtNtfctn)");
        }
        done = true;
    }

    private void message(BankFormat kind) {
        format = kind;
        messageLine = line();
    }

    private void readStatement() throws XMLStreamException {
        account = null;
        currency = null;
        statementId = null;
        sequence = null;
        balances = new ArrayList<>();
        statementCreated = null;
        begun = false;
        beginLine = line();
        pageNumber = null;
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "Id" -> statementId = text();
                case "ElctrncSeqNb" -> sequence = text();
                case "CreDtTm" -> statementCreated = parseDate(text());
                case "LglSeqNb" -> {
                    String legal = text();
                    if (sequence == null) {
                        sequence = legal;
                    }
                }
                case "StmtPgntn", "RptPgntn", "NtfctnPgntn" -> pageNumber = pageNumber();
                case "Acct" -> readAccount();
                case "Bal" -> balances.add(readBalance());
                case "Ntry" -> {
                    BankTransaction line = readEntry();
                    begin(line.amount().currency());
                    pending.add(new StatementEvent.Line(line));
                    return;
                }
                default -> skip();
            }
        }
        begin(null);
        end();
    }

    /** After a statement's first entry: the rest of its entries, then its end. */
    private void continueStatement() throws XMLStreamException {
        while (nextChild()) {
            if (xml.getLocalName().equals("Ntry")) {
                pending.add(new StatementEvent.Line(readEntry()));
                return;
            }
            skip();
        }
        end();
    }

    private void begin(Currency entryCurrency) {
        if (begun) {
            return;
        }
        if (currency == null) {
            currency = !balances.isEmpty() ? balances.get(0).amount().currency() : entryCurrency;
        }
        if (currency == null) {
            throw new InputFormatException(name, beginLine, "statement " + statementId + " gives no currency (no Acct/Ccy, balance or entry)");
        }
        if (account == null) {
            // some banking systems send a statement, report or notification without Acct: read, its account unknown
            notices.add(new ReaderNotice(beginLine, BankFindings.READ_LENIENTLY, "statement " + statementId
                    + " names no account (Acct/Id): read with its account unknown"));
        }
        if (sequence == null) {
            sequence = pageNumber;
        }
        pending.addFirst(new StatementEvent.Begin(header(), beginLine));
        begun = true;
        state = State.IN_STATEMENT;
    }

    private void end() {
        pending.add(new StatementEvent.End(header()));
        state = State.BETWEEN;
    }

    private enum State { BETWEEN, IN_STATEMENT }

    private State state = State.BETWEEN;

    private BankStatement header() {
        Balance opening = null;
        Balance closing = null;
        Balance interim = null;
        for (Balance b : balances) {
            if (opening == null && b.isOpening()) {
                opening = b;
            } else if (b.isClosing()) {
                closing = b;
            } else if (b.type().equals("ITBD")) {
                interim = b;
            }
        }
        // An intraday report closes on its interim booked balance.
        if (closing == null && format == BankFormat.CAMT052) {
            closing = interim;
        }
        return new BankStatement(account, currency, statementId, sequence, opening, closing, balances, List.of());
    }

    private String pageNumber() throws XMLStreamException {
        String page = null;
        while (nextChild()) {
            if (xml.getLocalName().equals("PgNb")) {
                page = text();
            } else {
                skip();
            }
        }
        return page;
    }

    private void readAccount() throws XMLStreamException {
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "Id" -> account = accountId();
                case "Ccy" -> currency = currency(text());
                default -> skip();
            }
        }
    }

    /** An account's {@code Id}: its IBAN, or its {@code Othr/Id}. */
    private String accountId() throws XMLStreamException {
        String id = null;
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "IBAN", "BBAN", "UPIC" -> id = text().trim();
                case "Othr", "PrtryAcct" -> {
                    while (nextChild()) {
                        if (xml.getLocalName().equals("Id") && id == null) {
                            id = text().trim();
                        } else {
                            skip();
                        }
                    }
                }
                default -> skip();
            }
        }
        return id;
    }

    private Balance readBalance() throws XMLStreamException {
        long at = line();
        String type = null;
        BigDecimal amount = null;
        Currency ccy = null;
        boolean debit = false;
        LocalDate date = null;
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "Tp" -> type = code();
                case "Amt" -> {
                    ccy = currency(xml.getAttributeValue(null, "Ccy"));
                    amount = decimal(text());
                }
                case "CdtDbtInd" -> debit = debit(text());
                case "Dt" -> date = date();
                default -> skip();
            }
        }
        if (type == null || amount == null || date == null) {
            throw new InputFormatException(name, at, "balance without type, amount or date");
        }
        return new Balance(type, date, money(debit ? amount.negate() : amount, ccy, at));
    }

    /** A {@code Tp}: its {@code CdOrPrtry/Cd} or {@code CdOrPrtry/Prtry}. */
    private String code() throws XMLStreamException {
        String code = null;
        while (nextChild()) {
            if (xml.getLocalName().equals("CdOrPrtry")) {
                while (nextChild()) {
                    if (xml.getLocalName().equals("Cd") || xml.getLocalName().equals("Prtry")) {
                        code = text();
                    } else {
                        skip();
                    }
                }
            } else {
                skip();
            }
        }
        return code;
    }

    /** A date element holding {@code Dt} or {@code DtTm}. */
    private LocalDate date() throws XMLStreamException {
        LocalDate date = null;
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "Dt", "DtTm" -> date = parseDate(text());
                default -> skip();
            }
        }
        return date;
    }

    private BankTransaction readEntry() throws XMLStreamException {
        long at = line();
        ids.nextPosition();
        BigDecimal amount = null;
        Currency ccy = null;
        boolean debit = false;
        boolean reversal = false;
        LocalDate booking = null;
        LocalDate value = null;
        String servicerRef = null;
        String entryRef = null;
        String typeCode = null;
        String additional = null;
        String status = null;
        List<TransactionDetail> details = new ArrayList<>();
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "Amt" -> {
                    ccy = currency(xml.getAttributeValue(null, "Ccy"));
                    amount = decimal(text());
                }
                case "CdtDbtInd" -> debit = debit(text());
                case "RvslInd" -> reversal = Boolean.parseBoolean(text().trim());
                case "BookgDt" -> booking = date();
                case "ValDt" -> value = date();
                case "AcctSvcrRef" -> servicerRef = blankToNull(text());
                case "NtryRef" -> entryRef = blankToNull(text());
                case "BkTxCd" -> typeCode = transactionCode();
                case "AddtlNtryInf" -> additional = blankToNull(text());
                case "Sts" -> status = entryStatus();
                case "NtryDtls" -> readEntryDetails(details, debit);
                default -> skip();
            }
        }
        if (amount == null) {
            throw new InputFormatException(name, at, "entry without an amount");
        }
        if (booking == null && value == null) {
            // Notifications may leave both out: the entry is dated when the bank reported it.
            booking = statementCreated != null ? statementCreated : messageCreated;
            if (booking == null) {
                throw new InputFormatException(name, at, "entry without a booking or value date, in a message without a creation date");
            }
        }
        Money signed = money(debit ? amount.negate() : amount, ccy, at);
        String bankRef = servicerRef != null ? servicerRef : entryRef;
        TransactionDetail only = details.size() == 1 ? details.get(0) : null;
        if (debit) {
            // A detail's sign follows its entry when the bank does not give one of its own.
            details.replaceAll(d -> d.amount() != null && d.amount().isPositive() ? withAmount(d, d.amount().negate()) : d);
            if (only != null) {
                only = details.get(0);
            }
        }
        String remittance = only != null && only.remittanceInfo() != null ? only.remittanceInfo() : additional;
        String counterparty = only == null ? null : only.counterpartyName();
        String counterpartyAccount = only == null ? null : only.counterpartyAccount();
        if (counterparty == null && remittance != null) {
            // no Dbtr (Cdtr of a debit): a payer some banks write into the text instead ("Auftraggeber: ...")
            TextKeys.Parts parts = rules.textKeys().parse(remittance);
            if (parts != null) {
                counterparty = debit ? parts.payeeName() : parts.payerName();
                counterpartyAccount = counterpartyAccount != null ? counterpartyAccount : debit ? parts.payeeAccount() : parts.payerAccount();
            }
        }
        return BankTransaction.builder()
                .transactionId(ids.id(bankRef)).bankReference(bankRef).account(account)
                .bookingDate(booking != null ? booking : value).valueDate(value != null ? value : booking)
                .amount(signed).reversal(reversal)
                .counterpartyName(counterparty)
                .counterpartyAccount(counterpartyAccount)
                .remittanceInfo(remittance)
                .structuredReference(only == null ? null : only.structuredReference())
                .typeCode(typeCode).customerReference(only == null ? null : only.endToEndId())
                .details(details).statementFile(name).position(ids.position()).line(at).status(status).build();
    }

    /**
     * An entry's {@code Sts}: {@code <Sts>BOOK</Sts>} up to .001.06, {@code <Sts><Cd>BOOK</Cd></Sts>}
     * (or {@code Prtry}) from .001.07. Null for a booked entry, else the code (PDNG, INFO, FUTR):
     * such an entry is shown, never applied, and in no booked balance.
     */
    private String entryStatus() throws XMLStreamException {
        StringBuilder direct = new StringBuilder();
        String code = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                code = text();
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                direct.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT || event == XMLStreamConstants.END_DOCUMENT) {
                break;
            }
        }
        String s = (code != null ? code : direct.toString()).strip().toUpperCase(java.util.Locale.ROOT);
        return s.isEmpty() || s.equals("BOOK") ? null : s;
    }

    private static TransactionDetail withAmount(TransactionDetail d, Money amount) {
        return new TransactionDetail(amount, d.endToEndId(), d.bankReference(), d.counterpartyName(), d.counterpartyAccount(),
                d.remittanceInfo(), d.structuredReference(), d.referenceType(), d.referenceValid(), d.transactionRef(), d.instructionId());
    }

    /** {@code BkTxCd}: {@code DOMAIN-FAMILY-SUBFAMILY}, else the proprietary code. */
    private String transactionCode() throws XMLStreamException {
        String domain = null;
        String family = null;
        String subFamily = null;
        String proprietary = null;
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "Domn" -> {
                    while (nextChild()) {
                        switch (xml.getLocalName()) {
                            case "Cd" -> domain = text();
                            case "Fmly" -> {
                                while (nextChild()) {
                                    switch (xml.getLocalName()) {
                                        case "Cd" -> family = text();
                                        case "SubFmlyCd" -> subFamily = text();
                                        default -> skip();
                                    }
                                }
                            }
                            default -> skip();
                        }
                    }
                }
                case "Prtry" -> {
                    while (nextChild()) {
                        if (xml.getLocalName().equals("Cd")) {
                            proprietary = blankToNull(text());
                        } else {
                            skip();
                        }
                    }
                }
                default -> skip();
            }
        }
        if (domain != null) {
            return domain + (family == null ? "" : "-" + family) + (subFamily == null ? "" : "-" + subFamily);
        }
        return proprietary;
    }

    private void readEntryDetails(List<TransactionDetail> details, boolean entryDebit) throws XMLStreamException {
        while (nextChild()) {
            if (xml.getLocalName().equals("TxDtls")) {
                details.add(readTransactionDetails(entryDebit));
            } else {
                skip();
            }
        }
    }

    private TransactionDetail readTransactionDetails(boolean entryDebit) throws XMLStreamException {
        long at = line();
        String endToEnd = null;
        String servicerRef = null;
        String transactionRef = null;
        String instructionId = null;
        BigDecimal amount = null;
        Currency ccy = null;
        Boolean debit = null;
        Party debtor = new Party();
        Party creditor = new Party();
        List<String> unstructured = new ArrayList<>();
        String reference = null;
        String referenceType = null;
        String additional = null;
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "Refs" -> {
                    while (nextChild()) {
                        switch (xml.getLocalName()) {
                            case "EndToEndId" -> endToEnd = blankToNull(text());
                            case "AcctSvcrRef" -> servicerRef = blankToNull(text());
                            case "TxId" -> transactionRef = blankToNull(text());
                            case "InstrId" -> instructionId = blankToNull(text());
                            default -> skip();
                        }
                    }
                }
                case "Amt" -> {
                    ccy = currency(xml.getAttributeValue(null, "Ccy"));
                    amount = decimal(text());
                }
                case "AmtDtls" -> {
                    // camt .001.02 has no TxDtls/Amt: the transaction amount, else the instructed one
                    Amount found = amountDetails();
                    if (amount == null && found != null) {
                        amount = found.value();
                        ccy = found.currency();
                    }
                }
                case "CdtDbtInd" -> debit = debit(text());
                case "RltdPties" -> {
                    while (nextChild()) {
                        switch (xml.getLocalName()) {
                            case "Dbtr" -> debtor.name = partyName();
                            case "DbtrAcct" -> debtor.account = accountOf();
                            case "Cdtr" -> creditor.name = partyName();
                            case "CdtrAcct" -> creditor.account = accountOf();
                            default -> skip();
                        }
                    }
                }
                case "RmtInf" -> {
                    while (nextChild()) {
                        switch (xml.getLocalName()) {
                            case "Ustrd" -> {
                                String u = blankToNull(text());
                                if (u != null) {
                                    unstructured.add(u.strip());
                                }
                            }
                            case "Strd" -> {
                                while (nextChild()) {
                                    if (xml.getLocalName().equals("CdtrRefInf")) {
                                        while (nextChild()) {
                                            switch (xml.getLocalName()) {
                                                case "Ref" -> reference = blankToNull(text());
                                                case "Tp" -> referenceType = code();
                                                default -> skip();
                                            }
                                        }
                                    } else {
                                        skip();
                                    }
                                }
                            }
                            default -> skip();
                        }
                    }
                }
                case "AddtlTxInf" -> additional = blankToNull(text());
                default -> skip();
            }
        }
        boolean isDebit = debit != null ? debit : entryDebit;
        Money signed = amount == null ? null : money(isDebit ? amount.negate() : amount, ccy, at);
        // The counterparty of a credit is who paid it; of a debit, who was paid.
        Party counterparty = isDebit ? creditor : debtor;
        CreditorReference.Kind kind = CreditorReference.classify(reference, referenceType);
        String remittance = unstructured.isEmpty() ? additional : String.join(" ", unstructured);
        return new TransactionDetail(signed, "NOTPROVIDED".equals(endToEnd) ? null : endToEnd, servicerRef, counterparty.name,
                counterparty.account, remittance, reference, kind.type(), kind.valid(), transactionRef, instructionId);
    }

    private record Amount(BigDecimal value, Currency currency) {
    }

    /** {@code AmtDtls}: the amount of {@code TxAmt}, else of {@code InstdAmt}; null when neither. */
    private Amount amountDetails() throws XMLStreamException {
        Amount transaction = null;
        Amount instructed = null;
        while (nextChild()) {
            String element = xml.getLocalName();
            if (element.equals("TxAmt") || element.equals("InstdAmt")) {
                Amount found = null;
                while (nextChild()) {
                    if (xml.getLocalName().equals("Amt")) {
                        Currency c = currency(xml.getAttributeValue(null, "Ccy"));
                        found = new Amount(decimal(text()), c);
                    } else {
                        skip();
                    }
                }
                if (element.equals("TxAmt")) {
                    transaction = found;
                } else {
                    instructed = found;
                }
            } else {
                skip();
            }
        }
        return transaction != null ? transaction : instructed;
    }

    /** A party's name: {@code Nm}, or {@code Pty/Nm} (from .001.08). */
    private String partyName() throws XMLStreamException {
        String found = null;
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "Nm" -> found = blankToNull(text());
                case "Pty" -> {
                    while (nextChild()) {
                        if (xml.getLocalName().equals("Nm")) {
                            found = blankToNull(text());
                        } else {
                            skip();
                        }
                    }
                }
                default -> skip();
            }
        }
        return found;
    }

    private String accountOf() throws XMLStreamException {
        String id = null;
        while (nextChild()) {
            if (xml.getLocalName().equals("Id")) {
                id = accountId();
            } else {
                skip();
            }
        }
        return id;
    }

    private static final class Party {
        String name;
        String account;
    }

    // --- StAX helpers -------------------------------------------------------------------

    /** Moves to the next child element of the current element; false at the current element's end. */
    private boolean nextChild() throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT || event == XMLStreamConstants.END_DOCUMENT) {
                return false;
            }
        }
    }

    /** Skips the current element and everything inside it. */
    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                return;
            }
        }
    }

    private String text() throws XMLStreamException {
        return xml.getElementText();
    }

    private long line() {
        return xml.getLocation().getLineNumber();
    }

    private BigDecimal decimal(String text) {
        String t = text.trim();
        if (!Fields.isPlainDecimal(t)) {
            throw new InputFormatException(name, line(), "amount '" + t + "' is not a decimal number");
        }
        return new BigDecimal(t);
    }

    private Currency currency(String code) {
        if (code == null) {
            throw new InputFormatException(name, line(), "amount without its Ccy attribute");
        }
        try {
            return Money.currency(code);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(name, line(), e.getMessage());
        }
    }

    private Money money(BigDecimal amount, Currency ccy, long at) {
        try {
            return Money.of(amount, ccy);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(name, at, e.getMessage());
        }
    }

    private boolean debit(String indicator) {
        return switch (indicator.trim()) {
            case "DBIT" -> true;
            case "CRDT" -> false;
            default -> throw new InputFormatException(name, line(), "CdtDbtInd '" + indicator.trim() + "' is not CRDT or DBIT");
        };
    }

    private LocalDate parseDate(String text) {
        String t = text.trim();
        try {
            return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
        } catch (DateTimeParseException e) {
            throw new InputFormatException(name, line(), "'" + t + "' is not an ISO date");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private InputFormatException fail(XMLStreamException e) {
        long at = e.getLocation() != null ? e.getLocation().getLineNumber() : 0;
        if (at <= 0 && xml != null && xml.getLocation() != null) {
            at = xml.getLocation().getLineNumber(); // a limit the parser enforces says no location of its own
        }
        String message = e.getMessage();
        int i = message == null ? -1 : message.indexOf("Message: ");
        String reason = i >= 0 ? message.substring(i + 9) : String.valueOf(message);
        int where = reason.indexOf("\n at [row,col");
        // one line: the parser's own position is the line already named
        return new InputFormatException(name, Math.max(at, 0), "not well-formed XML: "
                + (where >= 0 ? reason.substring(0, where) : reason).replace('\n', ' ').strip());
    }

    @Override
    public void close() {
        try {
            xml.close();
            in.close();
        } catch (XMLStreamException | IOException e) {
            // nothing left to read; a failure to close loses nothing
        }
    }
}
