package dev.provingground.bench.server;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark's bookkeeping, on a small real run; how fast it is is for the benchmark itself to say. */
class HistoryBenchmarkTest {

    @Test
    void aSmallRunMeasuresBothPhasesAndEndsWithTheSummaryLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        HistoryBenchmark.Result r = HistoryBenchmark.run(new HistoryBenchmark.Options(5, 500, 5, 0),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(r.without().finishedTasks()).isZero();
        assertThat(r.with().finishedTasks()).isEqualTo(500);
        for (HistoryBenchmark.Phase phase : List.of(r.without(), r.with())) {
            assertThat(phase.failedSubmissions()).as("submissions refused or lost").isZero();
            assertThat(phase.submissions().count()).as("submissions in 5 s, one every 500 ms").isBetween(8, 11);
            assertThat(phase.loopBusyShare()).isPositive().isLessThan(1.0);
            assertThat(phase.heapAfterGcBytes()).isPositive();
        }
        assertThat(r.ratio()).isEqualTo(r.with().loopBusyShare() / r.without().loopBusyShare());
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo(r.summaryLine())
                .startsWith("history: event loop ").contains("with 500 finished tasks").endsWith("5 robots at 1 Hz");
    }

    @Test
    void optionsOutsideTheirRangeAreRefusedNamingTheFlag() {
        assertThatThrownBy(() -> new HistoryBenchmark.Options(0, 10, 30, 0)).hasMessageStartingWith("--robots");
        assertThatThrownBy(() -> new HistoryBenchmark.Options(10, 0, 30, 0)).hasMessageStartingWith("--finished-tasks");
        assertThatThrownBy(() -> new HistoryBenchmark.Options(10, 10, 1, 0)).hasMessageStartingWith("--seconds");
        assertThatThrownBy(() -> new HistoryBenchmark.Options(10, 10, 30, -1)).hasMessageStartingWith("--warmup-seconds");
    }
}
