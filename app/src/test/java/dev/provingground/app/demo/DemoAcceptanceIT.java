package dev.provingground.app.demo;

import dev.provingground.sim.demo.DemoSite;

import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestServer;
import dev.provingground.sim.fleet.SimFleet;
import dev.provingground.site.Site;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import dev.provingground.server.config.MqttConfig;

/** The demo as a user sees it: at least 12 robots of three kinds online on the demo site, and moving. */
class DemoAcceptanceIT {

    @TempDir
    Path data;

    @Test
    void demoFleetIsOnlineAndMoving() throws Exception {
        Site site = DemoSite.load();
        try (TestServer server = TestServer.start(data, MqttConfig.defaults().withPort(0),
                List.of(site))) {
            DemoLauncher demo = new DemoLauncher(server.vertx, server.server, site);
            demo.start(12, SimFleet.Settings.defaults());
            try {
                Await.until("12 robots online", Duration.ofSeconds(30), () -> robots(server).stream()
                        .map(JsonObject.class::cast).filter(r -> "ONLINE".equals(r.getString("connection"))).count() >= 12);
                JsonArray robots = robots(server);
                assertThat(robots.stream().map(JsonObject.class::cast).map(r -> r.getString("kind"))
                        .collect(Collectors.toSet())).containsAll(Set.of("DELIVERY", "SERVING", "DISINFECTION"));
                assertThat(robots.stream().map(JsonObject.class::cast).map(r -> r.getString("site"))
                        .collect(Collectors.toSet())).containsExactly("demo");

                Map<String, JsonObject> first = positions(server);
                // A robot may be handing over a tray or charging right then; nearly all must be on the move.
                Await.until("all but two robots moved within 3 s", Duration.ofSeconds(3), () -> {
                    Map<String, JsonObject> now = positions(server);
                    List<String> still = first.keySet().stream().filter(id -> first.get(id).equals(now.get(id))).toList();
                    return still.size() <= 2;
                });
            } finally {
                demo.stop();
            }
        }
    }

    private static JsonArray robots(TestServer server) {
        return server.get("/api/v1/robots", server.operatorToken).bodyAsJsonObject().getJsonArray("robots");
    }

    private static Map<String, JsonObject> positions(TestServer server) {
        Map<String, JsonObject> out = new HashMap<>();
        robots(server).stream().map(JsonObject.class::cast)
                .forEach(r -> out.put(r.getString("id"), r.getJsonObject("position")));
        return out;
    }
}
