package dev.provingground.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The product jar, as {@code mvn package} leaves it for the launcher: runnable, with every module of the product
 * and no benchmark or test class (benchmarks ship in target/proving-ground-bench.jar).
 */
class ProductJarIT {

    private static final Path JAR = Path.of(System.getProperty("productJar", "../target/proving-ground.jar"));

    @Test
    void theProductJarHoldsTheServerTheSimulatorAndTheLauncherButNoBenchmarkOrTest() throws IOException {
        assertThat(JAR).as("built by mvn package").isRegularFile();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> classes = jar.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class"))
                    .filter(n -> n.startsWith("dev/provingground/")).toList();

            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(ProvingGround.class.getName());
            assertThat(classes).contains("dev/provingground/server/wiring/FleetServer.class",
                    "dev/provingground/sim/robot/SimRobot.class", "dev/provingground/app/ProvingGround.class");
            assertThat(classes).noneMatch(n -> n.startsWith("dev/provingground/bench/"));
            assertThat(classes).noneMatch(n -> n.endsWith("Test.class") || n.endsWith("IT.class")
                    || n.contains("/archfixture/") || n.startsWith("dev/provingground/server/support/"));
        }
    }
}
