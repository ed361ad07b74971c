package dev.provingground.server.evidence;

import dev.provingground.server.support.InProcessRobot;
import dev.provingground.server.support.VirtualServer;
import dev.provingground.server.support.TestServer;
import dev.provingground.vda5050.OperatingMode;
import dev.provingground.vda5050.State;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.provingground.server.support.Bundles.entry;
import static org.assertj.core.api.Assertions.assertThat;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;

/**
 * Interventions and incidents reach the track record: a robot a person took over (VDA 5050 operating mode MANUAL)
 * by itself, and what people report over REST, with who reported it; the exported KPIs count them.
 */
class ReportedInterventionsAndIncidentsTest {

    @TempDir
    Path data;
    @TempDir
    Path out;
    VirtualServer virtual;
    TestServer server;
    String acmeToken;
    String boltToken;
    String robotId;
    InProcessRobot robot;

    @BeforeEach
    void start() throws Exception {
        virtual = VirtualServer.start(data);
        server = virtual.api();
        acmeToken = server.registerFirm("acme");
        boltToken = server.registerFirm("bolt");
        JsonObject r = server.registerRobot("acme", "Acme", "A-1", "indoor-delivery");
        robotId = r.getString("id");
        robot = virtual.robot("Acme", "A-1", robotId, r.getJsonObject("mqtt").getString("password"));
        robot.connectOnline();
    }

    @AfterEach
    void stop() {
        robot.close();
        virtual.stop();
    }

    private static State in(State s, OperatingMode mode) {
        return new State(s.headerId(), s.timestamp(), s.version(), s.manufacturer(), s.serialNumber(), s.maps(),
                s.orderId(), s.orderUpdateId(), s.zoneSetId(), s.lastNodeId(), s.lastNodeSequenceId(), s.driving(),
                s.paused(), s.newBaseRequest(), s.distanceSinceLastNode(), mode, s.nodeStates(), s.edgeStates(),
                s.agvPosition(), s.velocity(), s.loads(), s.actionStates(), s.batteryState(), s.errors(),
                s.information(), s.safetyState());
    }

    private List<JsonObject> events(String type) {
        return server.get("/api/v1/events?type=" + type, server.operatorToken).bodyAsJsonObject().getJsonArray("events")
                .stream().map(JsonObject.class::cast).toList();
    }

    @Test
    void robotTakenOverByHandIsOneOnSiteInterventionWithTheTimeItTook() throws Exception {
        State base = robot.state("L1", 1, 0, 80);
        robot.publish(in(base, OperatingMode.AUTOMATIC));
        robot.publish(in(base, OperatingMode.MANUAL));
        virtual.advance(Duration.ofMillis(400));
        robot.publish(in(base, OperatingMode.MANUAL));
        robot.publish(in(base, OperatingMode.AUTOMATIC));
        robot.publish(in(base, OperatingMode.AUTOMATIC));

        List<JsonObject> interventions = events("intervention");
        assertThat(interventions).hasSize(1);
        JsonObject i = interventions.get(0);
        assertThat(i.getString("robot")).isEqualTo(robotId);
        assertThat(i.getString("firm")).isEqualTo("acme");
        assertThat(i.getString("kind")).isEqualTo("ON_SITE");
        assertThat(i.getString("reason")).contains("operatingMode MANUAL");
        assertThat(i.getDouble("resolveSeconds")).isEqualTo(0.4);
    }

    @Test
    void aVendorReportsARemoteAssistOfItsOwnRobotAndTheExportCountsIt() throws Exception {
        var reported = server.post("/api/v1/robots/" + robotId + "/interventions", acmeToken, new JsonObject()
                .put("kind", "REMOTE_ASSIST").put("reason", "blocked by a trolley; operator chose the detour")
                .put("resolveSeconds", 42.5));
        assertThat(reported.statusCode()).as(reported.bodyAsString()).isEqualTo(201);
        JsonObject event = reported.bodyAsJsonObject().getJsonObject("event");
        assertThat(event.getString("type")).isEqualTo("intervention");
        assertThat(event.getString("reason")).startsWith("blocked by a trolley; operator chose the detour (reported by vendor:acme:");
        assertThat(event.getDouble("resolveSeconds")).isEqualTo(42.5);

        var bundle = server.get("/api/v1/reports/export?site=test&firm=acme", acmeToken);
        assertThat(bundle.statusCode()).as(bundle.bodyAsString()).isEqualTo(200);
        Path zip = out.resolve("acme.zip");
        Files.write(zip, bundle.body().getBytes());
        assertThat(entry(zip, "events.jsonl")).contains("\"type\":\"intervention\"");
        JsonArray metrics = new JsonObject(entry(zip, "kpis.json")).getJsonArray("metrics");
        assertThat(metrics.stream().map(JsonObject.class::cast)
                .filter(m -> m.getString("name").equals("interventions.count")).findFirst().orElseThrow()
                .getDouble("value")).isEqualTo(1.0);
    }

    @Test
    void reportsThatAreWrongOrNotTheirsAreRefusedAndRecordNothing() {
        JsonObject good = new JsonObject().put("kind", "TELEOP").put("reason", "driven out of a dead end").put("resolveSeconds", 30);
        assertThat(server.post("/api/v1/robots/" + robotId + "/interventions", boltToken, good).statusCode())
                .as("another firm's robot").isEqualTo(403);
        assertThat(server.post("/api/v1/robots/rb-nope/interventions", acmeToken, good).statusCode()).isEqualTo(404);
        assertBadRequest(server.post("/api/v1/robots/" + robotId + "/interventions", acmeToken, good.copy().put("kind", "PRAYER")),
                "kind: must be one of [REMOTE_ASSIST, TELEOP, ON_SITE], got \"PRAYER\"");
        assertBadRequest(server.post("/api/v1/robots/" + robotId + "/interventions", acmeToken, good.copy().put("resolveSeconds", -1)),
                "resolveSeconds: must be at least 0, got -1");
        assertBadRequest(server.post("/api/v1/robots/" + robotId + "/interventions", acmeToken, good.copy().put("reason", " ")),
                "reason: is required: say what happened");

        JsonObject collision = new JsonObject().put("severity", "MINOR").put("description", "touched a door frame");
        assertThat(server.post("/api/v1/sites/test/incidents", acmeToken, collision).statusCode())
                .as("a vendor without a robot").isEqualTo(403);
        assertThat(server.post("/api/v1/sites/test/incidents", boltToken, collision.copy().put("robot", robotId)).statusCode())
                .as("another firm's robot").isEqualTo(403);
        assertThat(server.post("/api/v1/sites/nowhere/incidents", server.operatorToken, collision).statusCode()).isEqualTo(404);
        assertBadRequest(server.post("/api/v1/sites/test/incidents", server.operatorToken, collision.copy().put("severity", "MEH")),
                "severity: must be one of [MINOR, MODERATE, SERIOUS, CRITICAL], got \"MEH\"");

        assertThat(events("intervention")).isEmpty();
        assertThat(events("incident")).isEmpty();
    }

    @Test
    void incidentsGoToTheRobotsFirmOrTheSiteWithWhoReportedThem() {
        var byVendor = server.post("/api/v1/sites/test/incidents", acmeToken, new JsonObject().put("severity", "MODERATE")
                .put("description", "bumped a guest's suitcase in the lobby").put("robot", robotId));
        assertThat(byVendor.statusCode()).as(byVendor.bodyAsString()).isEqualTo(201);
        var byOperator = server.post("/api/v1/sites/test/incidents", server.operatorToken, new JsonObject()
                .put("severity", "MINOR").put("description", "a resident complained about noise at night"));
        assertThat(byOperator.statusCode()).as(byOperator.bodyAsString()).isEqualTo(201);

        List<JsonObject> incidents = events("incident");
        assertThat(incidents).hasSize(2);
        // Both happened at the same instant of the virtual clock, in different logs: /events orders them by time only.
        JsonObject vendors = incidents.stream().filter(i -> i.containsKey("robot")).findFirst().orElseThrow();
        JsonObject operators = incidents.stream().filter(i -> !i.containsKey("robot")).findFirst().orElseThrow();
        assertThat(vendors.getString("firm")).isEqualTo("acme");
        assertThat(vendors.getString("robot")).isEqualTo(robotId);
        assertThat(vendors.getString("severity")).isEqualTo("MODERATE");
        assertThat(vendors.getString("reportedBy")).startsWith("vendor:acme:");
        assertThat(operators.containsKey("firm")).as("site-wide").isFalse();
        assertThat(operators.getString("reportedBy")).startsWith("operator:");
        List<JsonObject> boltSees = server.get("/api/v1/events?type=incident", boltToken).bodyAsJsonObject()
                .getJsonArray("events").stream().map(JsonObject.class::cast).toList();
        assertThat(boltSees).as("bolt sees the site-wide one only").hasSize(1);
    }

    private static void assertBadRequest(HttpResponse<Buffer> res, String message) {
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(400);
        assertThat(res.bodyAsJsonObject().getJsonObject("error").getString("message")).startsWith(message);
    }
}
