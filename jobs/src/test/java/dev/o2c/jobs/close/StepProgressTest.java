package dev.o2c.jobs.close;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StepProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void saysWhatIsDoneOfHowMuchTheRateAndTheTimeLeft() {
        assertThat(StepProgress.line("publish", 300_000, 1_000_000, "open items", 3 * SECOND))
                .isEqualTo("o2c: publish   300,000 of 1,000,000 open items (100,000 open items/s, about 7 s left)");
        assertThat(StepProgress.line("load", 1_200, 120_000, "KB", 2 * SECOND))
                .isEqualTo("o2c: load      1,200 of 120,000 KB (600 KB/s, about 3 min 18 s left)");
        assertThat(StepProgress.line("load", 0, 120_000, "KB", 0)).isEqualTo("o2c: load      0 of 120,000 KB (0 KB/s, starting)");
    }

    @Test
    void aStepThatCannotCountItsWorkShowsTheTimeSpent() {
        assertThat(StepProgress.line("compute", 0, -1, "", 75 * SECOND)).isEqualTo("o2c: compute   running for 1 min 15 s");
    }

    @Test
    void offATerminalNothingIsPrinted() {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        StepProgress progress = new StepProgress(false, new PrintStream(screen, true, StandardCharsets.UTF_8));
        progress.begin("load");
        progress.expect(10, "KB");
        progress.advance(5);
        progress.end();
        assertThat(screen.size()).isZero();
    }
}
