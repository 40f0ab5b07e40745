package dev.o2c.jobs.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.o2c.domain.bank.BankStatement;
import dev.o2c.jobs.bench.ProwideMt940;
import dev.o2c.readers.csv.InputFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The evidence for reading MT940/MT942 with our own reader rather than prowide-core: both
 * read the shared samples and are held to the same expectations as in
 * {@link StatementSamplesTest}. Writes target/mt940-ours-vs-prowide.md (summarised in
 * docs/benchmarks.md) and fails if prowide ever agrees with more samples than we do, so
 * that the choice is looked at again.
 */
class ProwideConformanceTest {

    record Row(String file, String kind, String ours, String prowide) {
    }

    @Test
    void ourMt940ReaderAgreesWithAtLeastAsManySamplesAsProwide() throws IOException {
        assumeTrue(Files.isDirectory(StatementSamplesTest.SAMPLES), "../shared/samples is absent: the comparison did not run");
        List<Row> rows = new ArrayList<>();
        int positives = 0;
        int oursAgree = 0;
        int prowideAgree = 0;
        int negatives = 0;
        int oursRefuse = 0;
        int prowideRefuse = 0;
        for (String[] row : StatementSamplesTest.manifest()) {
            String file = row[0];
            if (!row[1].equals("mt940") && !row[1].equals("mt942") || StatementSamplesTest.UPSTREAM_MISREADS.containsKey(file)) {
                continue;
            }
            Path path = StatementSamplesTest.SAMPLES.resolve(file);
            boolean negative = row[6].contains("NEGATIVE:");
            List<BankStatement> ours = null;
            List<BankStatement> theirs = null;
            String oursFailure = null;
            String theirFailure = null;
            try {
                ours = StatementSamplesTest.parse(path, file, List.of(), dev.o2c.readers.bank.ReadingRules.STANDARD);
            } catch (InputFormatException e) {
                oursFailure = e.getMessage();
            }
            try {
                theirs = ProwideMt940.read(path);
            } catch (RuntimeException e) {
                theirFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (negative) {
                negatives++;
                oursRefuse += oursFailure != null ? 1 : 0;
                prowideRefuse += theirFailure != null ? 1 : 0;
                rows.add(new Row(file, "negative", oursFailure != null ? "refused" : "read", theirFailure != null ? "refused" : "read"));
                continue;
            }
            StatementSamplesTest.Expectation e = StatementSamplesTest.expectation(path, row[6]);
            if (e == null) {
                rows.add(new Row(file, "positive, golden not read yet", "-", "-"));
                continue;
            }
            positives++;
            String oursVerdict = verdict(e, ours, oursFailure);
            String theirVerdict = verdict(e, theirs, theirFailure);
            oursAgree += oursVerdict.equals("agrees") ? 1 : 0;
            prowideAgree += theirVerdict.equals("agrees") ? 1 : 0;
            rows.add(new Row(file, "positive", oursVerdict, theirVerdict));
        }
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "MT940/MT942 samples: ours agrees with %d of %d, prowide-core with %d of %d",
                oursAgree, positives, prowideAgree, positives));
        if (negatives > 0) {
            md.append(String.format(Locale.ROOT, "; of %d that must be refused, ours refuses %d, prowide-core %d", negatives, oursRefuse, prowideRefuse));
        }
        md.append(".\n\n| file | kind | ours | prowide-core |\n| --- | --- | --- | --- |\n");
        for (Row r : rows) {
            md.append("| ").append(r.file().substring(r.file().indexOf('/') + 1)).append(" | ").append(r.kind()).append(" | ")
                    .append(cell(r.ours())).append(" | ").append(cell(r.prowide())).append(" |\n");
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/mt940-ours-vs-prowide.md"), md);
        assertThat(positives).as("MT940 samples compared").isGreaterThan(0);
        assertThat(oursAgree).as("our reader against prowide-core, see target/mt940-ours-vs-prowide.md").isGreaterThanOrEqualTo(prowideAgree);
    }

    private static String verdict(StatementSamplesTest.Expectation e, List<BankStatement> parsed, String failure) {
        if (failure != null) {
            return "refused: " + failure;
        }
        List<String> differences = StatementSamplesTest.compare(e, parsed);
        return differences.isEmpty() ? "agrees" : String.join("; ", differences);
    }

    private static String cell(String text) {
        String t = text.replace("|", "\\|").replace("\n", " ");
        return t.length() > 160 ? t.substring(0, 157) + "..." : t;
    }
}
