package dev.provingground.bench.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provingground.server.support.Executables;
import dev.provingground.server.support.RequiredPeer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./proving-ground bench console}, small: the benchmark jar starts a server with simulated robots, opens the
 * console in Debian's headless chromium, measures both pages and ends with its summary line. Only that it works is
 * checked here; the figures belong in docs/BENCHMARKS.md.
 */
class ConsoleBenchIT {

    private static final Path JAR = Path.of(System.getProperty("benchJar", "../target/proving-ground-bench.jar"));

    @Test
    void theConsoleBenchWatchesAHundredRobotsMoveInChromiumAndEndsWithItsSummaryLine() throws Exception {
        RequiredPeer.assume(Executables.find("chromium", Path.of("/usr/bin/chromium")).isPresent()
                        && Executables.find("chromedriver", Path.of("/usr/bin/chromedriver")).isPresent(),
                "chromium and chromedriver (looked in /usr/bin and on PATH)", "apt-get install " + ConsoleBrowser.PACKAGES);
        assertThat(JAR).as("built by mvn package").isRegularFile();
        Process bench = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(), "console", "--robots", "100", "--baseline-robots", "5",
                "--seconds", "3").redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bench.getInputStream().transferTo(out);
        assertThat(bench.waitFor(5, TimeUnit.MINUTES)).as("the bench ended").isTrue();
        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(output).as(output)
                .containsPattern("100-robot page: \\d+ long tasks, p50 [\\d.]+ / p95 [\\d.]+ / max [\\d.]+ ms")
                .containsPattern("console: p95 long task [\\d.]+ ms with 100 robots over 3 s \\(\\d+ long tasks, \\d+ ms "
                        + "blocked; (renderer CPU [\\d.]+ cores|main thread busy [\\d.]+%), [\\d.]+x the 5-robot page\\), "
                        + "markers moving; longest task per second p95 [\\d.]+ ms \\(\\d+ of \\d+ s with a long task\\)");
        assertThat(bench.exitValue()).as(output).isZero();
    }
}
