package dev.provingground.server.wiring;

import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.VirtualServer;
import dev.provingground.server.time.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator token in DATA/operator.token expires like any token; the next start after that writes a fresh one. */
class OperatorTokenRenewalTest {

    @TempDir
    Path data;

    @Test
    void aStartAfterTheOperatorTokenExpiredWritesAFreshOneAndTheOldOneStaysRefused() throws Exception {
        String first;
        try (VirtualServer server = VirtualServer.start(data)) {
            first = server.operatorToken();
        }
        VirtualClock later = new VirtualClock(VirtualServer.MONDAY_MORNING.plus(Duration.ofDays(91)));
        try (VirtualServer server = VirtualServer.start(data, List.of(TestServer.testSite()), later)) {
            String second = Files.readString(data.resolve("operator.token")).trim();
            assertThat(second).isNotEqualTo(first);
            assertThat(server.api().get("/api/v1/sites", second).statusCode()).isEqualTo(200);
            var refused = server.api().get("/api/v1/sites", first);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.bodyAsJsonObject().getJsonObject("error").getJsonObject("details").getString("reason"))
                    .isEqualTo("expired");
        }
    }
}
