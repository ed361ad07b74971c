package dev.provingground.bench.ingest;

import dev.provingground.sim.load.LoadSettings;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The harness's bookkeeping, on a small real run against a server JVM and Mosquitto; the figures are the bench's. */
class IngestBenchmarkTest {

    private static final Pattern SUMMARY = Pattern.compile(
            "ingest: (\\d+) states/s with (\\d+) robots, p99 enforcement (\\d+\\.\\d) ms, (\\d+\\.\\d\\d)x Mosquitto forwarding");

    @Test
    void aSmallRunCountsWhatTheServerHandledAgainstWhatWasSentAndEndsWithTheSummary() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // Half the robots cross the zone, which each enters every 8 s: a few pauses in a few seconds.
        LoadSettings load = new LoadSettings(20, 4, 1, 0.5, 2, 7);
        IngestBenchmark.Options options = new IngestBenchmark.Options(load, 2, 5,
                List.of("-Xmx256m", "-XX:TieredStopAtLevel=1")).withRobotLanes(2).withSingleLoop(true);

        IngestBenchmark.Result r = IngestBenchmark.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(r.handledStates()).as("states the server handled").isPositive()
                .isLessThanOrEqualTo(r.generatedStates() + load.robots());
        assertThat(r.mosquitto().deliveredPerSecond()).as("states Mosquitto forwarded").isPositive();
        assertThat(r.mosquitto().deliveredPerSecond()).isLessThanOrEqualTo(r.mosquitto().sentPerSecond() * 1.1);
        assertThat(r.server().enforcementNanos()).as("zone entries answered by startPause").isNotEmpty();
        // A pause may answer an entry made just before the measured window: at most one per crossing robot.
        assertThat((long) r.server().enforcementNanos().length).isLessThanOrEqualTo(r.server().zoneEntries() + 10);
        assertThat(r.server().maxHeapBytes()).as("server heap from /metrics").isPositive();
        assertThat(r.server().targetCores()).as("server CPU").isPositive();
        assertThat(r.server().generatorCores()).as("generator CPU").isPositive();
        assertThat(r.server().connectionsLost()).isZero();
        // Robot traffic went over the server's two lanes besides its own event loop.
        assertThat(r.server().eventLoops().cores().values()).as("event loops that worked")
                .filteredOn(cores -> cores > 0).hasSizeGreaterThanOrEqualTo(3);
        assertThat(r.server().apiNanos()).as("GET /api/v1/robots answered during the window").isNotEmpty();
        assertThat(r.server().apiFailures()).isZero();
        assertThat(r.server().stalls().measured()).as("the server's stall file read over the window").isTrue();
        assertThat(r.mosquitto().stalls().measured()).isFalse();
        if (Files.exists(Path.of("/proc/thread-self/schedstat")))
            assertThat(r.server().stalls().coreWait().measured()).as("the event loops' run-queue wait").isTrue();
        assertThat(r.singleLoop().deliveredPerSecond()).as("the single-loop server's handled states").isPositive();
        assertThat(r.lanesRatio()).isEqualTo(r.server().deliveredPerSecond() / r.singleLoop().deliveredPerSecond());

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        String last = lines.get(lines.size() - 1);
        assertThat(last).isEqualTo(r.summaryLine());
        Matcher m = SUMMARY.matcher(last);
        assertThat(m.matches()).as(last).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(Math.round(r.statesPerSecond()));
        assertThat(m.group(2)).isEqualTo("20");
        assertThat(Double.parseDouble(m.group(4))).isPositive();
        assertThat(lines).filteredOn(l -> l.startsWith("  server ")).hasSize(5);
        assertThat(lines).filteredOn(l -> l.startsWith("  mosquitto ")).hasSize(5);
        assertThat(lines).filteredOn(l -> l.startsWith("  single-loop server ")).hasSize(5);
        assertThat(lines).anyMatch(l -> l.startsWith("ingest bench: robot lanes: ") && l.contains(" on one event loop: "));
        assertThat(lines).anyMatch(l -> l.startsWith("ingest bench: server: a task planned every 5 ms ran late by "
                + ">=10/20/50/100/200 ms on the event loops "));
    }

    @Test
    void aRunWithoutACrossingRobotIsRefusedByName() {
        LoadSettings none = LoadSettings.defaults().withCrossingShare(0);
        assertThatThrownBy(() -> IngestBenchmark.Options.defaults().withLoad(none))
                .hasMessageContaining("--crossing-share");
        assertThatThrownBy(() -> IngestBenchmark.Options.defaults().withSeconds(0)).hasMessageContaining("--duration");
    }
}
