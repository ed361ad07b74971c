package dev.provingground.bench.server;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The harness's bookkeeping on a short run of both phases; the figures are the bench's, not the test's. */
class LanesBenchmarkTest {

    private static final Pattern SUMMARY = Pattern.compile(
            "lanes: (\\d+) states/s on (\\d+) lanes, (\\d+\\.\\d\\d)x one event loop \\((\\d+) states/s\\)");

    @Test
    void aShortRunHandlesStatesOnOneLoopThenOnTheLanesAndEndsWithTheSummary() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        LanesBenchmark.Result r = LanesBenchmark.run(new LanesBenchmark.Options(20, 0, 1, 2),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(r.single().statesPerSecond()).as("states handled on one loop").isPositive();
        assertThat(r.spread().statesPerSecond()).as("states handled on the lanes").isPositive();
        assertThat(r.single().lanes()).isEqualTo(1);
        assertThat(r.spread().lanes()).isEqualTo(2);
        // One loop: the robots' work is on the server's own event loop alone; two lanes: on two others.
        assertThat(r.single().eventLoops().cores().values()).filteredOn(c -> c > 0.01).hasSize(1);
        assertThat(r.spread().eventLoops().cores().values()).filteredOn(c -> c > 0.01).hasSizeGreaterThanOrEqualTo(2);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        String last = lines.get(lines.size() - 1);
        assertThat(last).isEqualTo(r.summaryLine());
        Matcher m = SUMMARY.matcher(last);
        assertThat(m.matches()).as(last).isTrue();
        assertThat(m.group(2)).isEqualTo("2");
        assertThat(lines).filteredOn(l -> l.startsWith("  1 lane ")).hasSize(1);
        assertThat(lines).filteredOn(l -> l.startsWith("  2 lanes ")).hasSize(1);
    }

    @Test
    void badOptionsAreRefusedByName() {
        assertThatThrownBy(() -> new LanesBenchmark.Options(0, 1, 1, 0)).hasMessageContaining("--robots");
        assertThatThrownBy(() -> new LanesBenchmark.Options(1, 1, 0, 0)).hasMessageContaining("--duration");
        assertThatThrownBy(() -> new LanesBenchmark.Options(1, 1, 1, -1)).hasMessageContaining("--robot-lanes");
    }
}
