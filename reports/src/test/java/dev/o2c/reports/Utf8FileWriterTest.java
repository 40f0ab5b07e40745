package dev.o2c.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Byte for byte what the JDK's UTF-8 writer writes, however the text is cut into calls. */
class Utf8FileWriterTest {

    private static final char[] ALPHABET = {'a', 'Z', '0', '<', '&', ' ', '\n', 'é', 'ß', '€', '日', '\uFFFD',
        '\uD83D', '\uDCB6', '\uD800', '\uDFFF'}; // the last four: halves of pairs, which may come alone

    @Test
    void writesWhatTheJdksEncoderWrites() throws IOException {
        Random random = new Random(11);
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(random.nextBoolean() ? 20 : 150_000); // past the writer's 64 KB buffer
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(3) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)] : (char) ('a' + random.nextInt(26)));
            }
            String s = text.toString();
            char[] chars = s.toCharArray();
            ByteArrayOutputStream jdk = new ByteArrayOutputStream();
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            try (Writer a = new OutputStreamWriter(jdk, StandardCharsets.UTF_8); Writer b = new Utf8FileWriter(ours)) {
                int at = 0;
                while (at < s.length()) { // cut at random places, through pairs too, by every kind of call
                    int n = Math.min(s.length() - at, 1 + random.nextInt(50));
                    switch (random.nextInt(3)) {
                        case 0 -> {
                            a.write(s, at, n);
                            b.write(s, at, n);
                        }
                        case 1 -> {
                            a.write(chars, at, n);
                            b.write(chars, at, n);
                        }
                        default -> {
                            n = 1;
                            a.write(s.charAt(at));
                            b.write(s.charAt(at));
                        }
                    }
                    at += n;
                }
            }
            assertThat(ours.toByteArray()).as("round %d", round).isEqualTo(jdk.toByteArray());
        }
    }
}
