package dev.provingground.trackrecord.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import java.util.Arrays;

class JsonlLeavesTest {

    private final RfcMerkle merkle = new RfcMerkle();

    /** Reads every line through JsonlLeaves, collecting what the listener saw and the leaf hashes handed out. */
    private List<byte[]> readAll(byte[] file, List<byte[]> hashes) {
        List<byte[]> lines = new ArrayList<>();
        // Small reads force lines across buffer refills.
        InputStream trickle = new ByteArrayInputStream(file) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7_919));
            }
        };
        JsonlLeaves leaves = new JsonlLeaves(trickle, merkle, (number, buffer, offset, length) ->
                lines.add(Arrays.copyOfRange(buffer, offset, offset + length)));
        while (true) {
            byte[] hash = leaves.next();
            if (leaves.ranOut()) {
                break;
            }
            hashes.add(hash);
        }
        assertThat(leaves.linesRead()).isEqualTo(lines.size());
        return lines;
    }

    @Test
    void linesOfEveryLengthComeBackExactlyWithTheirLeafHashes() {
        Random random = new Random(7);
        List<byte[]> written = new ArrayList<>();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (int i = 0; i < 400; i++) {
            int length = i % 50 == 0 ? 70_000 + random.nextInt(5_000) : random.nextInt(300);
            byte[] line = new byte[length];
            for (int j = 0; j < length; j++) {
                byte b = (byte) (random.nextInt(255) + 1);
                line[j] = b == '\n' ? (byte) 'y' : b;
            }
            written.add(line);
            file.writeBytes(line);
            file.write('\n');
        }
        List<byte[]> hashes = new ArrayList<>();

        List<byte[]> read = readAll(file.toByteArray(), hashes);

        assertThat(read).hasSameSizeAs(written);
        for (int i = 0; i < written.size(); i++) {
            assertThat(read.get(i)).as("line %d", i + 1).isEqualTo(written.get(i));
            assertThat(hashes.get(i)).as("leaf hash %d", i + 1).isEqualTo(merkle.leafHash(written.get(i)));
        }
    }

    @Test
    void emptyLinesAreLeavesAndAMissingFinalNewlineStillEndsALine() {
        List<byte[]> hashes = new ArrayList<>();
        List<byte[]> read = readAll("a\n\nlast".getBytes(StandardCharsets.UTF_8), hashes);

        assertThat(read).extracting(bytes -> new String(bytes, StandardCharsets.UTF_8)).containsExactly("a", "", "last");
        assertThat(hashes.get(1)).isEqualTo(merkle.leafHash(new byte[0]));
    }

    @Test
    void newlineSearchAgreesWithAPlainScanAtEveryOffset() {
        Random random = new Random(11);
        byte[] bytes = new byte[4096];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = random.nextInt(40) == 0 ? (byte) '\n' : (byte) (random.nextInt(256) - 128);
        }
        for (int from = 0; from < 200; from++) {
            for (int to = from; to < from + 150; to++) {
                int expected = to;
                for (int i = from; i < to; i++) {
                    if (bytes[i] == '\n') {
                        expected = i;
                        break;
                    }
                }
                assertThat(JsonlLeaves.newlineOrLimit(bytes, from, to)).as("[%d, %d)", from, to).isEqualTo(expected);
            }
        }
    }
}
