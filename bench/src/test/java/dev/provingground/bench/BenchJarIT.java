package dev.provingground.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The benchmark jar the launcher runs for {@code ./proving-ground bench}: its own entry point, every benchmark. */
class BenchJarIT {

    private static final Path JAR = Path.of(System.getProperty("benchJar", "../target/proving-ground-bench.jar"));

    @Test
    void theBenchmarkJarStartsAtTheBenchCommandAndListsEveryBenchmark() throws Exception {
        assertThat(JAR).as("built by mvn package").isRegularFile();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(BenchCommand.class.getName());
        }
        Process help = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(), "--help").redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        help.getInputStream().transferTo(out);
        assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("geofence", "enforcement", "track-record", "dispatch", "agent", "console", "ingest");
        assertThat(help.exitValue()).isZero();
    }
}
