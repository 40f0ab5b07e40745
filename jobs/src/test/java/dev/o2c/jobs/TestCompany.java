package dev.o2c.jobs;

import dev.o2c.jobs.generate.CompanyGenerator;
import java.nio.file.Path;
import java.time.LocalDate;

/** A small generated company, closed as of the end of its last month. */
final class TestCompany {

    static final LocalDate AS_OF = LocalDate.of(2025, 10, 31);

    private TestCompany() {
    }

    static Path write(Path dir) {
        new CompanyGenerator(new CompanyGenerator.Settings(7, 30, 450, 4, AS_OF)).writeTo(dir);
        return dir;
    }

    /** A camt.053 beside the company's statements whose line 4 holds an amount that is no number ("12..34"). */
    static void writeBrokenStatement(Path input) {
        try {
            java.nio.file.Files.writeString(input.resolve("bank/broken.xml"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
                    <Stmt><Id>S1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
                    <Ntry><Amt Ccy="EUR">12..34</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2025-10-01</Dt></BookgDt></Ntry>
                    </Stmt></BkToCstmrStmt></Document>
                    """);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
