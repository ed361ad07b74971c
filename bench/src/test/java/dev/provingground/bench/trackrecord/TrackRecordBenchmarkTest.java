package dev.provingground.bench.trackrecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackRecordBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void aShortRunMeasuresEveryPhaseAndEndsWithTheResultLine() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        TrackRecordBenchmark.Options tiny = new TrackRecordBenchmark.Options(Duration.ofMillis(100), Duration.ofMillis(300),
                200, Duration.ofMillis(50), 8192, 20_000, 2_000, dir);

        TrackRecordBenchmark.Result result = TrackRecordBenchmark.run(tiny, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(result.appendsPerSecond()).isPositive();
        assertThat(result.plainMapDbPutsPerSecond()).isPositive();
        assertThat(result.verifyLeavesPerSecond()).isPositive();
        assertThat(result.rawSha256LeavesPerSecond()).isPositive();
        assertThat(result.bundleVerifyLeavesPerSecond()).isPositive();
        String[] lines = printed.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines[lines.length - 1]).matches(
                "track-record: \\d+ appends/s \\(\\d+\\.\\d\\dx plain MapDB\\), verify \\d+ leaves/s \\(\\d+\\.\\d\\dx raw SHA-256\\)");
    }

    @Test
    void benchmarkEventsHaveExactlyTheRequestedSizeAndDiffer() {
        TrackRecordBenchmark.EventMaker maker = new TrackRecordBenchmark.EventMaker(200);

        assertThat(maker.event(0)).hasSize(200);
        assertThat(maker.event(1234567)).hasSize(200).isNotEqualTo(maker.event(1234568));
        assertThat(new String(maker.event(42), StandardCharsets.UTF_8)).endsWith("\"taskId\":\"t0000000042\"}");
    }
}
