package dev.provingground.bench.garbage;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The harness's bookkeeping on a short run; the figures are the bench's, not the test's. */
class GarbageBenchmarkTest {

    private static final Pattern SUMMARY = Pattern.compile("garbage: state decode \\d+ bytes \\d+\\.\\d\\d µs "
            + "\\(\\d+\\.\\d\\dx the tree alone\\), commit \\d+\\.\\d KB \\d+ µs \\(\\d+\\.\\d\\dx MapDB's own\\)");

    @Test
    void aShortRunMeasuresBothOperationsAndTheirBaselinesAndEndsWithTheSummary() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        GarbageBenchmark.Result r = GarbageBenchmark.run(new GarbageBenchmark.Options(2_000, 20),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(r.decode().bytes()).as("a decoded state is records at least").isPositive();
        assertThat(r.tree().bytes()).isPositive();
        assertThat(r.commit().bytes()).isPositive();
        assertThat(r.mapDbCommit().bytes()).isPositive();
        assertThat(r.decodeRatio()).isEqualTo(r.decode().bytes() / r.tree().bytes());
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        String last = lines.get(lines.size() - 1);
        assertThat(last).isEqualTo(r.summaryLine()).matches(SUMMARY);
    }

    @Test
    void noDecodesOrNoCommitsIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> new GarbageBenchmark.Options(0, 10)).hasMessageContaining("--decodes");
        assertThatThrownBy(() -> new GarbageBenchmark.Options(10, 0)).hasMessageContaining("--commits");
    }
}
