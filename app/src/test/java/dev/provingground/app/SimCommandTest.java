package dev.provingground.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SimCommandTest {

    @TempDir
    Path dir;

    @Test
    void aCaFileThatIsMissingOrNoCertificateIsRefusedNamingTheOptionBeforeAnyRobotConnects() throws Exception {
        CommandRun missing = CommandRun.of("sim", "--mqtt-ca", dir.resolve("absent.pem").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.stderr()).contains("--mqtt-ca").contains("absent.pem");

        Path notPem = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        CommandRun wrong = CommandRun.of("sim", "--mqtt-ca", notPem.toString());
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.stderr()).contains("--mqtt-ca").contains("not a readable PEM certificate");
    }
}
