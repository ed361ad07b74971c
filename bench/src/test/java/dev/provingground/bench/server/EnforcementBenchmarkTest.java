package dev.provingground.bench.server;

import dev.provingground.vda5050.Header;
import dev.provingground.vda5050.HeaderCounter;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.Vda5050Codec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark's bookkeeping, on a small real run; how fast it is is for the benchmark itself to say. */
class EnforcementBenchmarkTest {

    @Test
    void smallRunPausesEveryViolationAndReportsConsistentFigures() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EnforcementBenchmark.Options options = new EnforcementBenchmark.Options(5, 50, 7, 0, 0);

        EnforcementBenchmark.Result r = EnforcementBenchmark.run(options,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(r.robots()).isEqualTo(5);
        assertThat(r.violations()).isEqualTo(50);
        assertThat(r.answered()).as("violations answered by startPause").isEqualTo(50);
        assertThat(r.unanswered()).isZero();
        assertThat(r.everyViolationPaused()).isTrue();
        assertThat(r.pings()).isEqualTo(50);
        assertThat(r.unansweredPings()).isZero();
        assertThat(r.unexpectedMessages()).as("messages no robot waited for").isZero();
        // Each measured and warm-up entry is a violation the server itself opened, no more and no fewer.
        assertThat(r.warmupViolations()).as("one chunk, as no warm-up time was asked for").isEqualTo(options.warmup());
        assertThat(r.serverViolations()).isEqualTo(r.warmupViolations() + 50L);

        assertThat(r.p50Nanos()).isPositive().isLessThanOrEqualTo(r.p99Nanos());
        assertThat(r.p99Nanos()).isLessThanOrEqualTo(r.maxNanos());
        assertThat(r.pingP50Nanos()).isPositive().isLessThanOrEqualTo(r.pingP99Nanos());
        assertThat(r.pingP99Nanos()).isLessThanOrEqualTo(r.pingMaxNanos());
        assertThat(r.ratio()).isEqualTo((double) r.p50Nanos() / r.pingP50Nanos());

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSizeGreaterThan(3);
        assertThat(lines.get(lines.size() - 1)).isEqualTo(r.summaryLine())
                .matches("enforcement: p50 \\d+\\.\\d\\d ms, p99 \\d+\\.\\d\\d ms over 50 violations with 5 robots, "
                        + "\\d+\\.\\dx MQTT round trip");
        assertThat(lines.stream().filter(l -> l.startsWith("enforcement:"))).as("summary lines").hasSize(1);
    }

    @Test
    void benchServerLeavesNoDataDirectoryBehind() throws Exception {
        Path dataDir;
        try (BenchServer server = BenchServer.start(2)) {
            dataDir = server.dataDir();
            assertThat(server.robots()).extracting(BenchServer.RobotLogin::index).containsExactly(0, 1);
            assertThat(Files.list(dataDir)).isNotEmpty();
        }
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void percentilesAreNearestRankSamples() {
        Latencies hundred = Latencies.of(LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray());
        assertThat(hundred.percentileNanos(50)).isEqualTo(50);
        assertThat(hundred.percentileNanos(99)).isEqualTo(99);
        assertThat(hundred.maxNanos()).isEqualTo(100);

        Latencies one = Latencies.of(new long[] {7});
        assertThat(one.percentileNanos(50)).isEqualTo(7);
        assertThat(one.percentileNanos(99)).isEqualTo(7);

        assertThat(Latencies.merge(List.of(Latencies.of(new long[] {3, 1}), Latencies.of(new long[] {2}))).count())
                .isEqualTo(3);
        assertThatThrownBy(() -> Latencies.of(new long[0]).percentileNanos(50))
                .hasMessageContaining("no latencies");
    }

    @Test
    void restampedStateDecodesToTheStateWithThatHeader() {
        Vda5050Codec codec = new Vda5050Codec();
        StateTemplate template = new StateTemplate(codec, "BenchWorks", "bench-0001", "L1", 15, 2.5);
        HeaderCounter headers = new HeaderCounter("BenchWorks", "bench-0001");
        headers.next(Topic.STATE);
        Header second = headers.next(Topic.STATE);

        State decoded = codec.decode(State.class, template.render(second).getBytes());

        assertThat(decoded).isEqualTo(StateTemplate.state("BenchWorks", "bench-0001", "L1", 15, 2.5).withHeader(second));
        assertThat(decoded.headerId()).isEqualTo(1);
    }

    @Test
    void optionsOutOfRangeAreRefusedByName() {
        assertThatThrownBy(() -> new EnforcementBenchmark.Options(0, 1000, 1, 0, 0)).hasMessageContaining("--robots")
                .hasMessageContaining("0");
        assertThatThrownBy(() -> new EnforcementBenchmark.Options(100, 0, 1, 0, 0)).hasMessageContaining("--violations");
        assertThatThrownBy(() -> new EnforcementBenchmark.Options(100, 10, 1, -1, 0))
                .hasMessageContaining("--robot-lanes");
        assertThatThrownBy(() -> new EnforcementBenchmark.Options(100, 10, 1, 0, -1)).hasMessageContaining("--warmup");
        assertThat(EnforcementBenchmark.Options.defaults()).isEqualTo(new EnforcementBenchmark.Options(100, 1000,
                20_250_601L, 0, 15));
    }
}
