package dev.provingground.server.tasks;

import dev.provingground.server.support.InProcessRobot;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.VirtualServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task request may name the firms whose robots alone may do it ({@code "firms": [...]}): the dispatcher keeps to
 * them when the task is first dispatched and every time it is dispatched again. Real server in virtual time, robots on
 * its in-process link.
 */
class TaskFirmsTest {

    @TempDir
    Path data;
    VirtualServer virtual;
    TestServer server;
    String acme;
    final List<InProcessRobot> robots = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        startServer();
        acme = server.registerFirm("acme");
        server.registerFirm("beta");
        server.registerFirm("gamma");
    }

    /** A server on {@link #data}, new or kept from the one before. */
    private void startServer() throws Exception {
        virtual = VirtualServer.start(data, List.of(RobotDispatchModeTest.HALL));
        server = virtual.api();
    }

    @AfterEach
    void stop() {
        robots.forEach(InProcessRobot::close);
        virtual.stop();
    }

    /** Registers, connects and locates a robot of {@code firm} standing at {@code x} in the hall. */
    private Robot robot(String firm, String serial, double x) {
        var res = server.post("/api/v1/robots", server.operatorToken, new JsonObject().put("manufacturer", firm)
                .put("serialNumber", serial).put("firm", firm).put("profile", "indoor-delivery").put("site", "hall"));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
        JsonObject r = res.bodyAsJsonObject().getJsonObject("robot");
        InProcessRobot robot = virtual.robot(firm, serial, r.getString("id"),
                r.getJsonObject("mqtt").getString("password"));
        robots.add(robot);
        robot.connectOnline();
        robot.sendState("L1", x, 0, 90);
        assertThat(server.get("/api/v1/robots/" + r.getString("id"), server.operatorToken).bodyAsJsonObject()
                .getJsonObject("position")).as(serial + " located").isNotNull();
        return new Robot(r.getString("id"), robot);
    }

    /** A registered robot and its MQTT side, which records what the server sent it. */
    private record Robot(String id, InProcessRobot mqtt) {
        long orders() {
            return mqtt.receivedTopics.stream().filter(t -> t.endsWith("/order")).count();
        }
    }

    private JsonObject task(String id) {
        return server.get("/api/v1/tasks/" + id, server.operatorToken).bodyAsJsonObject();
    }

    private String assignee(String taskId) {
        JsonObject to = task(taskId).getJsonObject("assigned_to");
        return to == null ? null : to.getString("name");
    }

    private static JsonObject goToEnd() {
        return new JsonObject().put("site", "hall").put("category", "go_to_place")
                .put("description", new JsonObject().put("place", "end"));
    }

    @Test
    void aTaskForSomeFirmsGoesOnlyToTheirRobotsAndStaysWithThemWhenDispatchedAgain() {
        Robot nearer = robot("acme", "A-1", 18);
        Robot beta = robot("beta", "B-1", 0);

        var res = server.post("/api/v1/tasks", server.operatorToken, goToEnd().put("firms", new JsonArray().add("beta")));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
        assertThat(res.bodyAsJsonObject().getJsonArray("firms")).containsExactly("beta");
        String taskId = res.bodyAsJsonObject().getJsonObject("booking").getString("id");
        virtual.advanceUntil("the task at beta's robot", Duration.ofSeconds(10),
                () -> beta.id().equals(assignee(taskId)));
        virtual.advanceUntil("its order at beta's robot", Duration.ofSeconds(5), () -> beta.orders() == 1);
        assertThat(task(taskId).getJsonObject("dispatch").getJsonArray("decisions").getJsonObject(0)
                .getJsonArray("candidates").stream().map(c -> ((JsonObject) c).getString("robot")).toList())
                .as("robots considered").containsExactly(beta.id());

        beta.mqtt().disconnectCleanly();

        virtual.advanceUntil("the task back in the queue", Duration.ofSeconds(5),
                () -> "queued".equals(task(taskId).getString("status")));
        Robot secondBeta = robot("beta", "B-2", 10);
        virtual.advanceUntil("the task at beta's other robot", Duration.ofSeconds(10),
                () -> secondBeta.id().equals(assignee(taskId)));
        assertThat(nearer.orders()).as("orders at acme's robot, nearer all along").isZero();
        assertThat(task(taskId).getJsonArray("firms")).containsExactly("beta");
    }

    @Test
    void aQueuedTaskKeepsItsFirmsOverARestart() throws Exception {
        var registered = server.post("/api/v1/robots", server.operatorToken, new JsonObject().put("manufacturer", "beta")
                .put("serialNumber", "B-1").put("firm", "beta").put("profile", "indoor-delivery").put("site", "hall"));
        assertThat(registered.statusCode()).isEqualTo(201);
        // Its only robot is offline, so the task waits in the queue.
        var res = server.post("/api/v1/tasks", server.operatorToken, goToEnd().put("firms", new JsonArray().add("beta")));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
        String taskId = res.bodyAsJsonObject().getJsonObject("booking").getString("id");

        virtual.stop();
        startServer();

        assertThat(task(taskId).getString("status")).isEqualTo("queued");
        assertThat(task(taskId).getJsonArray("firms")).containsExactly("beta");
    }

    @Test
    void firmsMustBeRegisteredAndAVendorMayNameOnlyItsOwn() {
        robot("acme", "A-1", 0);
        robot("beta", "B-1", 0);

        var unknown = server.post("/api/v1/tasks", server.operatorToken,
                goToEnd().put("firms", new JsonArray().add("beta").add("nobody")));
        assertThat(unknown.statusCode()).isEqualTo(400);
        JsonObject error = unknown.bodyAsJsonObject().getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("invalid_input");
        assertThat(error.getJsonObject("details").getString("field")).isEqualTo("firms[1]");
        assertThat(error.getString("message")).contains("unknown firm \"nobody\"");
        assertThat(server.post("/api/v1/tasks", server.operatorToken, goToEnd().put("firms", new JsonArray()))
                .statusCode()).as("no firm at all").isEqualTo(400);
        assertThat(server.post("/api/v1/tasks", server.operatorToken, goToEnd().put("firms", "beta"))
                .statusCode()).as("not an array").isEqualTo(400);
        assertThat(server.post("/api/v1/tasks", acme, goToEnd().put("firms", new JsonArray().add("beta")))
                .statusCode()).as("a vendor naming another firm").isEqualTo(403);
        var noRobot = server.post("/api/v1/tasks", server.operatorToken,
                goToEnd().put("firms", new JsonArray().add("gamma")));
        assertThat(noRobot.statusCode()).isEqualTo(400);
        assertThat(noRobot.bodyAsJsonObject().getJsonObject("error").getString("message"))
                .contains("of the firms [gamma]");
        assertThat(server.get("/api/v1/tasks", server.operatorToken).bodyAsJsonObject().getJsonArray("tasks"))
                .as("tasks after refused requests").isEmpty();

        var own = server.post("/api/v1/tasks", acme, goToEnd().put("firms", new JsonArray().add("acme")));
        assertThat(own.statusCode()).as(own.bodyAsString()).isEqualTo(201);
        assertThat(own.bodyAsJsonObject().getJsonArray("firms")).containsExactly("acme");
    }
}
