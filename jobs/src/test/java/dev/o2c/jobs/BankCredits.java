package dev.o2c.jobs;

import dev.o2c.domain.bank.BankStatement;
import dev.o2c.domain.bank.BankTransaction;
import dev.o2c.jobs.bench.ProwideMt940;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVRecord;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The credits of the sample company's bank files, by bank reference, read without our
 * readers (a test that checks the close against its own parse proves little): bank CSV
 * with Commons CSV, camt.053 with the JDK's DOM, MT940 with prowide-core.
 */
final class BankCredits {

    private BankCredits() {
    }

    static Map<String, BigDecimal> of(Path file) {
        String name = file.getFileName().toString();
        Map<String, BigDecimal> credits = new HashMap<>();
        if (name.endsWith(".csv")) {
            for (CSVRecord r : Files2.csv(file)) {
                BigDecimal amount = new BigDecimal(r.get("amount"));
                if (amount.signum() > 0) {
                    credits.put(r.get("transaction_id"), amount);
                }
            }
        } else if (name.endsWith(".xml")) {
            try {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                NodeList entries = f.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("Ntry");
                for (int i = 0; i < entries.getLength(); i++) {
                    Element e = (Element) entries.item(i);
                    if (child(e, "CdtDbtInd").equals("CRDT")) {
                        credits.put(child(e, "AcctSvcrRef"), new BigDecimal(child(e, "Amt")));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(file + ": " + e.getMessage(), e);
            }
        } else if (name.endsWith(".sta")) {
            try {
                for (BankStatement s : ProwideMt940.read(file)) {
                    for (BankTransaction t : s.transactions()) {
                        if (t.amount().signum() > 0) {
                            credits.put(t.transactionId(), t.amount().amount());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            throw new IllegalStateException("no oracle for " + file);
        }
        return credits;
    }

    /** The text of an entry's own child element (not one inside its details). */
    private static String child(Element entry, String tag) {
        for (org.w3c.dom.Node n = entry.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        throw new IllegalStateException("entry without " + tag);
    }
}
