package dev.provingground.server.store;

import dev.provingground.server.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A server JVM killed with SIGKILL mid-write loses nothing it acknowledged, and its store opens again. */
class RegistryCrashIT {

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedRegistrationSurvivesSigkill() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                RegistryCrashChild.class.getName(), data.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> acknowledged = new ArrayList<>();
        String operatorToken = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while ((line = out.readLine()) != null && acknowledged.size() < 40 && System.nanoTime() < deadline) {
                if (line.startsWith("READY ")) operatorToken = line.substring(6);
                if (line.startsWith("REGISTERED ")) acknowledged.add(line.substring(11));
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, possibly mid-commit
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSize(40);
        assertThat(operatorToken).isNotNull();

        try (TestServer reopened = TestServer.start(data)) {
            var res = reopened.get("/api/v1/robots", operatorToken);
            assertThat(res.statusCode()).isEqualTo(200);
            Set<String> present = res.bodyAsJsonObject().getJsonArray("robots").stream().map(JsonObject.class::cast)
                    .map(r -> r.getString("id")).collect(Collectors.toSet());
            assertThat(present).containsAll(acknowledged);
        }
    }
}
