package dev.provingground.server.tasks;

import dev.provingground.server.support.InProcessRobot;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.VirtualServer;
import dev.provingground.server.support.Zones;
import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dispatch: SERVER | VENDOR}: a robot whose vendor keeps its own fleet manager gets no work from the server's
 * dispatcher, yet is held to the zones and recorded like every other robot. Real server in virtual time, robots on
 * its in-process link.
 */
class RobotDispatchModeTest {

    /** A hall of three waypoints in a row; "end" is at the far one. */
    static final Site HALL = SiteFormat.read(("""
            {"id": "hall", "name": "Hall", "timeZone": "UTC",
             "levels": [{"id": "L1", "name": "Hall", "floor": 1, "outdoor": false,
               "waypoints": [{"id": "a", "x": 0, "y": 0}, {"id": "b", "x": 10, "y": 0}, {"id": "c", "x": 20, "y": 0}],
               "lanes": [{"from": "a", "to": "b"}, {"from": "b", "to": "c"}]}],
             "places": [{"name": "start", "level": "L1", "waypoint": "a"}, {"name": "end", "level": "L1", "waypoint": "c"}],
             "chargers": [], "elevators": []}
            """).getBytes(StandardCharsets.UTF_8), "hall.json");

    @TempDir
    Path data;
    VirtualServer virtual;
    TestServer server;
    String acme;
    String beta;
    final List<InProcessRobot> robots = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        virtual = VirtualServer.start(data, List.of(HALL));
        server = virtual.api();
        acme = server.registerFirm("acme");
        beta = server.registerFirm("beta");
    }

    @AfterEach
    void stop() {
        robots.forEach(InProcessRobot::close);
        virtual.stop();
    }

    /** Registers a robot of acme with its vendor token, connects it and has it report standing at {@code x}. */
    private Robot robot(String serial, String dispatch, double x) {
        JsonObject body = new JsonObject().put("manufacturer", "Acme").put("serialNumber", serial)
                .put("profile", "indoor-delivery").put("site", "hall");
        if (dispatch != null) body.put("dispatch", dispatch);
        var res = server.post("/api/v1/robots", acme, body);
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
        JsonObject r = res.bodyAsJsonObject().getJsonObject("robot");
        InProcessRobot mqtt = virtual.robot("Acme", serial, r.getString("id"),
                r.getJsonObject("mqtt").getString("password"));
        robots.add(mqtt);
        mqtt.connectOnline();
        mqtt.sendState("L1", x, 0, 90);
        assertThat(robotJson(r.getString("id")).getJsonObject("position")).as(serial + " located").isNotNull();
        return new Robot(r.getString("id"), mqtt);
    }

    /** A registered robot and its MQTT side, which records what the server sent it. */
    private record Robot(String id, InProcessRobot mqtt) {
        long orders() {
            return mqtt.receivedTopics.stream().filter(t -> t.endsWith("/order")).count();
        }

        boolean received(String actionType) {
            return mqtt.received.stream().anyMatch(m -> m.contains("\"actionType\":\"" + actionType + "\""));
        }
    }

    private JsonObject robotJson(String id) {
        return server.get("/api/v1/robots/" + id, server.operatorToken).bodyAsJsonObject();
    }

    private JsonObject task(String id) {
        return server.get("/api/v1/tasks/" + id, server.operatorToken).bodyAsJsonObject();
    }

    private String goToEnd() {
        var res = server.post("/api/v1/tasks", server.operatorToken, new JsonObject().put("site", "hall")
                .put("category", "go_to_place").put("description", new JsonObject().put("place", "end")));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
        return res.bodyAsJsonObject().getJsonObject("booking").getString("id");
    }

    private String assignee(String taskId) {
        JsonObject to = task(taskId).getJsonObject("assigned_to");
        return to == null ? null : to.getString("name");
    }

    private HttpResponse<Buffer> put(String path, String token, JsonObject body) {
        return server.call(HttpMethod.PUT, path, token, body);
    }

    @Test
    void aVendorRobotGetsNoOrderForATaskWhileAServerRobotDoes() {
        Robot served = robot("A-1", null, 0);
        Robot vendors = robot("A-2", "VENDOR", 18); // nearer the place: the dispatcher's pick, were it dispatchable
        assertThat(robotJson(served.id()).getString("dispatch")).isEqualTo("SERVER");
        assertThat(robotJson(vendors.id()).getString("dispatch")).isEqualTo("VENDOR");

        String taskId = goToEnd();

        virtual.advanceUntil("the task under way", Duration.ofSeconds(10), () -> assignee(taskId) != null);
        assertThat(assignee(taskId)).isEqualTo(served.id());
        virtual.advanceUntil("an order at the server's robot", Duration.ofSeconds(5), () -> served.orders() == 1);
        assertThat(vendors.mqtt().received).as("what the vendor's robot received").isEmpty();
        JsonArray candidates = task(taskId).getJsonObject("dispatch").getJsonArray("decisions").getJsonObject(0)
                .getJsonArray("candidates");
        assertThat(candidates.stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("robot").equals(vendors.id())).findFirst().orElseThrow()
                .getString("excludedBecause")).contains("dispatch VENDOR");
    }

    @Test
    void aVendorRobotDrivingIntoAPauseZoneIsStillPaused() {
        Robot vendors = robot("A-2", "VENDOR", 2);
        var zone = server.post("/api/v1/sites/hall/zones", server.operatorToken,
                Zones.withProperty(Zones.rectangle("pit", "KEEP_OUT", 4, -1, 6, 1), "onViolation", "PAUSE"));
        assertThat(zone.statusCode()).as(zone.bodyAsString()).isEqualTo(201);

        vendors.mqtt().sendState("L1", 3, 0, 90);
        vendors.mqtt().sendState("L1", 5, 0, 90);

        virtual.advanceUntil("startPause at the vendor's robot", Duration.ofSeconds(5),
                () -> vendors.received("startPause"));
        assertThat(server.get("/api/v1/events?type=geofence&robot=" + vendors.id(), server.operatorToken)
                .bodyAsJsonObject().getJsonArray("events").stream().map(JsonObject.class::cast))
                .anySatisfy(e -> {
                    assertThat(e.getString("transition")).isEqualTo("VIOLATION_STARTED");
                    assertThat(e.getString("zone")).isEqualTo("pit");
                    assertThat(e.getString("action")).isEqualTo("PAUSE");
                    assertThat(e.getString("firm")).isEqualTo("acme");
                });
        assertThat(vendors.orders()).isZero();
    }

    @Test
    void switchingARobotToVendorTakesBackItsTaskCancelsItsOrderAndIsRecorded() {
        Robot robot = robot("A-1", null, 0);
        String taskId = goToEnd();
        virtual.advanceUntil("the task under way at A-1", Duration.ofSeconds(10),
                () -> robot.id().equals(assignee(taskId)));
        virtual.advanceUntil("its order at A-1", Duration.ofSeconds(5), () -> robot.orders() == 1);

        var res = put("/api/v1/robots/" + robot.id() + "/dispatch", acme, new JsonObject().put("dispatch", "VENDOR"));

        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
        assertThat(res.bodyAsJsonObject().getString("dispatch")).isEqualTo("VENDOR");
        virtual.advanceUntil("cancelOrder at A-1", Duration.ofSeconds(5), () -> robot.received("cancelOrder"));
        // No robot the server dispatches is left: the task fails in the next round, saying why.
        virtual.advanceUntil("the task failed", Duration.ofSeconds(10),
                () -> "failed".equals(task(taskId).getString("status")));
        assertThat(task(taskId).getString("reason")).contains("dispatch VENDOR");
        assertThat(server.get("/api/v1/events?type=task", server.operatorToken).bodyAsJsonObject()
                .getJsonArray("events").stream().map(JsonObject.class::cast)
                .filter(e -> "REQUEUED".equals(e.getString("phase"))).map(e -> e.getString("reason")).toList())
                .singleElement().asString().contains("switched to dispatch VENDOR by vendor:acme:");
        assertThat(robot.orders()).isEqualTo(1);

        JsonObject change = dispatchChanges(robot).get(0);
        assertThat(change.getString("firm")).isEqualTo("acme");
        assertThat(change.getString("target")).isEqualTo("ROBOT");
        assertThat(change.getString("targetId")).isEqualTo(robot.id());
        assertThat(change.getString("action")).isEqualTo("UPDATE");
        assertThat(change.getString("actor")).startsWith("vendor:acme:");
        assertThat(change.getJsonObject("details")).isEqualTo(new JsonObject().put("dispatch", "VENDOR")
                .put("previousDispatch", "SERVER"));
    }

    @Test
    void onlyTheRobotsFirmOrAnOperatorSetsItsDispatchAndOnlyToAKnownMode() {
        Robot robot = robot("A-1", null, 0);
        String path = "/api/v1/robots/" + robot.id() + "/dispatch";

        var otherFirm = put(path, beta, new JsonObject().put("dispatch", "VENDOR"));
        assertThat(otherFirm.statusCode()).as(otherFirm.bodyAsString()).isEqualTo(403);
        var badValue = put(path, server.operatorToken, new JsonObject().put("dispatch", "vendor"));
        assertThat(badValue.statusCode()).isEqualTo(400);
        JsonObject error = badValue.bodyAsJsonObject().getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("invalid_input");
        assertThat(error.getJsonObject("details").getString("field")).isEqualTo("dispatch");
        assertThat(error.getString("message")).contains("SERVER", "VENDOR", "\"vendor\"");
        assertThat(put(path, acme, new JsonObject()).bodyAsJsonObject().getJsonObject("error")
                .getString("message")).startsWith("dispatch: required");
        assertThat(put(path, acme, new JsonObject().put("dispatch", 1)).statusCode()).isEqualTo(400);
        assertThat(robotJson(robot.id()).getString("dispatch")).as("after refused changes").isEqualTo("SERVER");

        var refusedRegistration = server.post("/api/v1/robots", acme, new JsonObject().put("manufacturer", "Acme")
                .put("serialNumber", "A-9").put("profile", "indoor-delivery").put("site", "hall").put("dispatch", "BOTH"));
        assertThat(refusedRegistration.statusCode()).isEqualTo(400);
        assertThat(refusedRegistration.bodyAsJsonObject().getJsonObject("error").getJsonObject("details")
                .getString("field")).isEqualTo("dispatch");
        assertThat(server.get("/api/v1/robots", server.operatorToken).bodyAsJsonObject().getJsonArray("robots"))
                .as("robots after the refused registration").hasSize(1);

        var byOperator = put(path, server.operatorToken, new JsonObject().put("dispatch", "VENDOR"));
        assertThat(byOperator.statusCode()).as(byOperator.bodyAsString()).isEqualTo(200);
        assertThat(server.get("/api/v1/robots", acme).bodyAsJsonObject().getJsonArray("robots").getJsonObject(0)
                .getString("dispatch")).isEqualTo("VENDOR");
        var byItsFirm = put(path, acme, new JsonObject().put("dispatch", "SERVER"));
        assertThat(byItsFirm.bodyAsJsonObject().getString("dispatch")).isEqualTo("SERVER");
        var unchanged = put(path, acme, new JsonObject().put("dispatch", "SERVER"));
        assertThat(unchanged.statusCode()).isEqualTo(200);
        assertThat(dispatchChanges(robot)).as("changes recorded; setting the same mode is none").hasSize(2);
    }

    /** The robot's recorded dispatch changes: its config.change events other than its registration. */
    private java.util.List<JsonObject> dispatchChanges(Robot robot) {
        return server.get("/api/v1/events?type=config.change&robot=" + robot.id(), server.operatorToken)
                .bodyAsJsonObject().getJsonArray("events").stream().map(JsonObject.class::cast)
                .filter(e -> "UPDATE".equals(e.getString("action"))).toList();
    }
}
