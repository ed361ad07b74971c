package dev.provingground.bench.agent;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's bookkeeping, on a small real run with both child processes; the figures are for the benchmark. */
class AgentBenchmarkTest {

    @Test
    void smallRunMeasuresTheAgentAndTheBareClientAndEndsWithTheSummary() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AgentBenchmark.Options options = new AgentBenchmark.Options(3_050, 2, 3_050, List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        AgentBenchmark.Result r;
        try {
            r = AgentBenchmark.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new AssertionError(e.getMessage() + "; the benchmark said:\n" + bytes.toString(StandardCharsets.UTF_8), e);
        }
        assertThat(r.messages()).isEqualTo(3_050);
        assertThat(r.agentMicros()).isPositive();
        assertThat(r.bareMicros()).isPositive();
        assertThat(r.peakResidentMb()).isPositive().isGreaterThanOrEqualTo(r.residentMb());
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo(r.summaryLine())
                .matches("agent: \\d+\\.\\d µs per message, \\d+\\.\\dx bare parse, \\d+ MB resident");
        assertThat(lines).filteredOn(l -> l.startsWith("  burst ")).hasSize(2);
    }
}
