package dev.provingground.server.metrics;

import dev.provingground.server.config.AuthConfig;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.config.StoreConfig;
import dev.provingground.server.support.InProcessRobot;
import dev.provingground.server.support.PrometheusText;
import dev.provingground.server.wiring.Environment;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.VirtualServer;
import dev.provingground.site.SiteFormat;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /metrics} is Micrometer's Prometheus exposition: after a robot's messages, a task and a refused token, each
 * histogram and counter the server keeps shows counts; without an operator token it is refused.
 */
class MetricsTest {

    @TempDir
    Path data;

    @Test
    void afterRobotTrafficATaskAndABadTokenEveryHistogramAndCounterHasCounts() throws Exception {
        var site = SiteFormat.read(("""
                {"id": "hall", "name": "Hall", "timeZone": "UTC",
                 "levels": [{"id": "L1", "name": "Hall", "floor": 1, "outdoor": false,
                   "waypoints": [{"id": "a", "x": 0, "y": 0}, {"id": "b", "x": 10, "y": 0}],
                   "lanes": [{"from": "a", "to": "b"}]}],
                 "places": [{"name": "end", "level": "L1", "waypoint": "b"}], "chargers": [], "elevators": []}
                """).getBytes(StandardCharsets.UTF_8), "hall.json");
        try (VirtualServer virtual = VirtualServer.start(data, List.of(site))) {
            TestServer server = virtual.api();
            String vendor = server.registerFirm("acme");
            JsonObject r = server.post("/api/v1/robots", server.operatorToken, new JsonObject().put("manufacturer", "Acme")
                    .put("serialNumber", "A-1").put("firm", "acme").put("profile", "indoor-delivery").put("site", "hall"))
                    .bodyAsJsonObject().getJsonObject("robot");
            try (InProcessRobot robot = virtual.robot("Acme", "A-1", r.getString("id"),
                    r.getJsonObject("mqtt").getString("password"))) {
                robot.connectOnline();
                robot.sendState("L1", 0, 0, 90);
                robot.sendState("L1", 0.5, 0, 90);
                var res = server.post("/api/v1/tasks", server.operatorToken, new JsonObject().put("site", "hall")
                        .put("category", "go_to_place").put("description", new JsonObject().put("place", "end")));
                assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
                virtual.advance(Duration.ofSeconds(6));
                virtual.settle();
            }
            assertThat(server.get("/api/v1/robots", "pg.nope.nope").statusCode()).isEqualTo(401);

            assertThat(server.get("/metrics", null).statusCode()).isEqualTo(401);
            assertThat(server.get("/metrics", vendor).statusCode()).isEqualTo(403);
            var answer = server.get("/metrics", server.operatorToken);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.getHeader("content-type")).startsWith("text/plain");
            String scrape = answer.bodyAsString();

            assertThat(PrometheusText.value(scrape, "pg_mqtt_message_handling_seconds_count")).isGreaterThanOrEqualTo(3);
            assertThat(PrometheusText.value(scrape, "pg_enforcement_latency_seconds_count")).isGreaterThanOrEqualTo(2);
            // Exactly the robot's two states: connection messages and refusals are not states handled.
            assertThat(PrometheusText.value(scrape, "pg_robot_states_handled_total")).isEqualTo(2);
            assertThat(scrape).contains("jvm_memory_used_bytes{area=\"heap\"");
            assertThat(PrometheusText.value(scrape, "pg_dispatch_decision_seconds_count{outcome=\"assigned\"}")).isGreaterThanOrEqualTo(1);
            assertThat(PrometheusText.value(scrape, "pg_trackrecord_commit_seconds_count")).isGreaterThanOrEqualTo(1);
            assertThat(scrape).contains("# TYPE pg_enforcement_latency_seconds histogram")
                    .contains("pg_enforcement_latency_seconds_bucket{le=\"");
            // The wrong token is a failed login; the request without any token is not.
            assertThat(PrometheusText.value(scrape, "pg_login_failures_total{kind=\"http_token\"}")).isEqualTo(1);
            assertThat(PrometheusText.value(scrape, "pg_login_blocked_total{kind=\"http_token\"}")).isZero();
            assertThat(PrometheusText.value(scrape, "pg_http_connections_refused_total")).isZero();
            assertThat(PrometheusText.value(scrape, "pg_storage_failing{store=\"trackRecord\"}")).isZero();
            assertThat(PrometheusText.value(scrape, "pg_storage_held_events{store=\"database\"}")).isZero();
            assertThat(PrometheusText.value(scrape, "pg_mqtt_rejected_total{reason=\"auth_failed\"}")).isZero();
            assertThat(PrometheusText.value(scrape, "pg_robots{connection=\"ONLINE\"}")).isEqualTo(0);
        }
    }

    @Test
    void everyRefusedRequestIsCountedByTheReasonItWasAnsweredWith() throws Exception {
        try (VirtualServer virtual = VirtualServer.start(data)) {
            TestServer server = virtual.api();
            String vendor = server.registerFirm("acme");
            String operator = server.operatorToken;
            JsonObject robot = new JsonObject().put("manufacturer", "Acme").put("serialNumber", "A-1")
                    .put("firm", "acme").put("profile", "indoor-delivery").put("site", "test");
            assertThat(server.post("/api/v1/robots", operator, robot).statusCode()).isEqualTo(201);

            assertThat(server.get("/api/v1/robots", null).statusCode()).isEqualTo(401);
            assertThat(server.get("/api/v1/robots", "pg.nope.nope").statusCode()).isEqualTo(401);
            assertThat(server.get("/api/v1/quarantine", vendor).statusCode()).isEqualTo(403);
            assertThat(server.post("/api/v1/robots", operator, robot.copy().put("descripton", "x")).statusCode())
                    .isEqualTo(400);
            assertThat(server.post("/api/v1/robots", operator, robot.copy().put("profile", "no-such")).statusCode())
                    .isEqualTo(400);
            assertThat(server.post("/api/v1/robots", operator, robot).statusCode()).isEqualTo(409);
            assertThat(server.get("/api/v1/robots/rb-0000000000", operator).statusCode()).isEqualTo(404);
            assertThat(server.get("/api/v1/no-such-thing", operator).statusCode()).isEqualTo(404);
            assertThat(server.post("/api/v1/firms", operator, new JsonObject().put("id", "x".repeat(300_000))
                    .put("name", "Big")).statusCode()).isEqualTo(413);

            String scrape = server.get("/metrics", operator).bodyAsString();
            assertThat(PrometheusText.value(scrape, "pg_http_refused_total{reason=\"unauthorized\"}")).isEqualTo(2);
            assertThat(PrometheusText.value(scrape, "pg_http_refused_total{reason=\"forbidden\"}")).isEqualTo(1);
            assertThat(PrometheusText.value(scrape, "pg_http_refused_total{reason=\"invalid_input\"}")).isEqualTo(2);
            assertThat(PrometheusText.value(scrape, "pg_http_refused_total{reason=\"conflict\"}")).isEqualTo(1);
            assertThat(PrometheusText.value(scrape, "pg_http_refused_total{reason=\"not_found\"}")).isEqualTo(2);
            assertThat(PrometheusText.value(scrape, "pg_http_refused_total{reason=\"payload_too_large\"}")).isEqualTo(1);
            assertThat(scrape).as("accepted requests are not refusals")
                    .doesNotContain("pg_http_refused_total{reason=\"internal\"}");
        }
    }

    @Test
    void openedForLoopbackAScraperOnThisMachineReadsMetricsWithoutAToken() throws Exception {
        try (TestServer server = TestServer.start(data, MqttConfig.defaults().withPort(0), List.of(TestServer.testSite()),
                Environment.production(Clock.systemUTC()), StoreConfig.defaults(), new AuthConfig(90, true))) {
            var answer = server.get("/metrics", null);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.bodyAsString()).contains("pg_mqtt_message_handling_seconds_count");
        }
    }
}
