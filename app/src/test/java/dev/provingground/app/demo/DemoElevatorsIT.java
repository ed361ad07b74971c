package dev.provingground.app.demo;

import dev.provingground.sim.demo.DemoSite;

import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.MosquittoBroker;
import dev.provingground.server.support.TestServer;
import dev.provingground.site.Site;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's simulated elevator cars report to the server in both MQTT modes. */
class DemoElevatorsIT {

    @TempDir
    Path dir;

    @Test
    void everyDemoCarLogsInToTheEmbeddedEndpointAndReportsItsState() throws Exception {
        Site site = DemoSite.load();
        try (TestServer server = TestServer.start(dir.resolve("data"), MqttConfig.defaults().withPort(0), List.of(site))) {
            DemoElevators elevators = new DemoElevators(server.vertx, Endpoints.of(server), site);
            Await.result(elevators.start("127.0.0.1", server.server.mqttPort()));
            try {
                Await.until("E1-A and E2-A in service", Duration.ofSeconds(10),
                        () -> modes(server).equals(Map.of("E1-A", "HUMAN", "E2-A", "HUMAN")));
                assertThat(server.get("/api/v1/events?type=config.change", server.operatorToken).bodyAsJsonObject()
                        .getJsonArray("events").stream().map(JsonObject.class::cast)
                        .filter(ev -> "CREDENTIAL".equals(ev.getString("target")))
                        .map(ev -> ev.getString("targetId")).toList())
                        .containsExactlyInAnyOrder("lift:demo:E1-A", "lift:demo:E2-A");
            } finally {
                Await.result(elevators.stop());
            }
            Await.until("both cars OFFLINE after the demo stops", Duration.ofSeconds(10),
                    () -> modes(server).equals(Map.of("E1-A", "OFFLINE", "E2-A", "OFFLINE")));
        }
    }

    @Test
    void everyDemoCarReportsThroughMosquittoInExternalMode() throws Exception {
        Site site = DemoSite.load();
        try (MosquittoBroker broker = MosquittoBroker.start(dir.resolve("mosquitto"));
             TestServer server = TestServer.start(dir.resolve("data"), MqttConfig.external("127.0.0.1", broker.port()),
                     List.of(site))) {
            DemoElevators elevators = new DemoElevators(server.vertx, Endpoints.of(server), site);
            Await.result(elevators.start("127.0.0.1", server.server.mqttPort()));
            try {
                Await.until("E1-A and E2-A in service", Duration.ofSeconds(10),
                        () -> modes(server).equals(Map.of("E1-A", "HUMAN", "E2-A", "HUMAN")));
            } finally {
                Await.result(elevators.stop());
            }
        }
    }

    /** Each car that reported, with its mode. */
    private static Map<String, String> modes(TestServer server) {
        return server.get("/api/v1/sites/demo/elevators", server.operatorToken).bodyAsJsonObject()
                .getJsonArray("elevators").stream().map(JsonObject.class::cast)
                .flatMap(e -> e.getJsonArray("cars").stream().map(JsonObject.class::cast))
                .filter(c -> c.getJsonObject("state") != null)
                .collect(Collectors.toMap(c -> c.getString("id"), c -> c.getJsonObject("state").getString("mode")));
    }
}
