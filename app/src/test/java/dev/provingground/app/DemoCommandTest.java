package dev.provingground.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void certificatesOfTheDemoNameLoopbackAndTheOneAddressItIsBoundTo() {
        assertThat(DemoCommand.certificateHosts("127.0.0.1")).containsExactly("localhost", "127.0.0.1", "::1");
        assertThat(DemoCommand.certificateHosts("0.0.0.0")).containsExactly("localhost", "127.0.0.1", "::1");
        assertThat(DemoCommand.certificateHosts("192.0.2.7"))
                .containsExactly("localhost", "127.0.0.1", "::1", "192.0.2.7");
    }

    @Test
    void tlsOptionsTheDemoCannotServeAreRefusedNamingThemBeforeAnythingStarts() throws Exception {
        Path data = dir.resolve("data");
        CommandRun ownCertificate = CommandRun.of("demo", "--data", data.toString(), "--tls-cert",
                dir.resolve("server.pem").toString(), "--tls-key", dir.resolve("server.key").toString());
        assertThat(ownCertificate.exit()).isEqualTo(2);
        assertThat(ownCertificate.stderr()).contains("--tls-cert and --tls-key are for `serve`").contains("--tls");

        CommandRun broker = CommandRun.of("demo", "--data", data.toString(), "--tls", "--mqtt-broker", "127.0.0.1");
        assertThat(broker.exit()).isEqualTo(2);
        assertThat(broker.stderr()).contains("--tls").contains("--mqtt-broker");
        assertThat(Files.exists(data.resolve("tls"))).as("no certificate made").isFalse();
    }
}
