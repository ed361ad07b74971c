package dev.provingground.bench.server;

import dev.provingground.server.tasks.DispatchDecision;
import dev.provingground.server.tasks.Dispatcher;
import dev.provingground.server.tasks.Stop;
import dev.provingground.server.tasks.Task;
import dev.provingground.server.tasks.TaskCategory;
import dev.provingground.server.tasks.TaskRequest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark's plumbing and its check against the baseline; its figures are measured by running it, never asserted. */
class DispatchBenchmarkTest {

    private static final DispatchBenchmark.Options TINY = DispatchBenchmark.Options.defaults()
            .withGrid(3, 12, 10).withRobots(25).withTasks(40).withBaselineTasks(8).withWarmupTasks(5);

    @Test
    void tinyRunOfTheServersDispatcherAgreesWithTheBaselineAndEndsWithTheSummaryLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DispatchBenchmark.Result result = DispatchBenchmark.run(TINY, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines[lines.length - 1])
                .matches("dispatch: \\d+ tasks/s, p99 \\d+\\.\\d\\d ms per decision, \\d+\\.\\dx baseline")
                .isEqualTo(result.summaryLine());
        assertThat(lines).anyMatch(l -> l.contains("extrapolated")).noneMatch(l -> l.contains("ERROR"));
        assertThat(result.waypoints()).isEqualTo(3 * 12 * 10);
        assertThat(result.robots()).isEqualTo(25);
        assertThat(result.tasks()).isEqualTo(40);
        assertThat(result.baselineTasks()).isEqualTo(8);
        assertThat(result.assigned()).as("most tasks can be done").isGreaterThan(30);
    }

    @Test
    void aChoiceDearerThanTheBaselinesBestIsADisagreement() {
        Task task = Task.queued(new TaskRequest("t", "bench-grid", TaskCategory.DELIVERY, null, null, 0, List.of(),
                "bench", null, List.of(), "DELIVERY", null,
                List.of(Stop.at("pickup", "L1", "L1-0-0"), Stop.at("dropoff", "L1", "L1-1-0")), DispatchBenchmark.PLANNED_AT));
        var baseline = new DispatchBenchmark.Baseline.Choice("r1", 10, List.of("r1", "r2"), new double[]{10, 12});
        var choseR2 = new Dispatcher.Outcome(Optional.of("r2"), new DispatchDecision(DispatchBenchmark.PLANNED_AT, "r2",
                List.of(new DispatchDecision.Candidate("r1", 10.0, 1.0, null), new DispatchDecision.Candidate("r2", 12.0, 1.0, null))),
                false, null);
        var choseR1 = new Dispatcher.Outcome(Optional.of("r1"), new DispatchDecision(DispatchBenchmark.PLANNED_AT, "r1",
                List.of(new DispatchDecision.Candidate("r1", 10.0, 1.0, null), new DispatchDecision.Candidate("r2", 12.0, 1.0, null))),
                false, null);

        assertThat(DispatchBenchmark.disagreement(choseR2, baseline, task))
                .isEqualTo("L1-0-0 -> L1-1-0: dispatcher chose r2 at 12.000000 s (baseline prices it at 12.000000 s),"
                        + " baseline's best is r1 at 10.000000 s");
        assertThat(DispatchBenchmark.disagreement(choseR1, baseline, task)).isNull();
    }

    @Test
    void baselineSampleLargerThanTheTaskCountIsRefused() {
        assertThatThrownBy(() -> TINY.withTasks(10).withBaselineTasks(11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--baseline-tasks: must be 1..10, got 11");
        assertThat(TINY.withTasks(5).baselineTasks()).as("the sample shrinks with the task count").isEqualTo(5);
    }
}
