package dev.provingground.agent.rosbridge;

import dev.provingground.agent.support.Eventually;
import dev.provingground.agent.support.OnContext;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.sim.robot.SimRobot;
import dev.provingground.sim.ros.SimRosRobot;
import dev.provingground.sim.ros.SimRosbridgeServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Our rosbridge client against the simulated robot's rosbridge v2 server, over a loopback WebSocket. */
class RosbridgeClientIT {

    Vertx vertx;
    SimRosbridgeServer server;
    OnContext ctx;
    RosbridgeClient client;
    final List<RosbridgeProblem> problems = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        SimRobot robot = new SimRobot("Acme", "R-1", ProfileCatalog.builtIn().require("indoor-delivery"), "map", 0, 0, 0, 80);
        server = new SimRosbridgeServer(new SimRosRobot(robot), SimRosbridgeServer.Settings.onLoopback(SimRosbridgeServer.Flavour.NAV2));
        Eventually.result(vertx.deployVerticle(server));
        ctx = new OnContext(vertx);
        RosbridgeClient.Options options = new RosbridgeClient.Options(java.net.URI.create(server.uri()),
                Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(2), 1 << 20);
        client = ctx.call(() -> {
            RosbridgeClient c = new RosbridgeClient(vertx, options, "Acme/R-1");
            c.problemHandler(problems::add);
            return c;
        });
        Eventually.result(ctx.call(client::start));
    }

    @AfterEach
    void stop() {
        Eventually.result(vertx.close());
    }

    @Test
    void subscribedTopicsArriveAndStopAfterUnsubscribing() {
        List<JsonObject> odom = new CopyOnWriteArrayList<>();
        var handler = ctx.call(() -> client.subscribe("/odom", "nav_msgs/msg/Odometry", 0, odom::add));
        Eventually.until("odometry", () -> odom.size() >= 5);
        assertThat(odom.get(0).getJsonObject("twist")).isNotNull();
        ctx.run(() -> client.unsubscribe("/odom", handler));
        Eventually.until("the unsubscribe to be seen", () -> {
            int before = odom.size();
            try {
                // That no more messages come can only be seen by looking again after a pause.
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return odom.size() == before;
        });
    }

    @Test
    void whatTheClientPublishesReachesSubscribersOfTheTopic() {
        List<JsonObject> heard = new CopyOnWriteArrayList<>();
        ctx.run(() -> {
            client.subscribe("/chatter", "std_msgs/msg/String", 0, heard::add);
            client.advertise("/chatter", "std_msgs/msg/String");
        });
        Eventually.until("the echo of a published message", () -> {
            ctx.run(() -> client.publish("/chatter", new JsonObject().put("data", "hello")));
            return !heard.isEmpty();
        });
        assertThat(heard.get(0).getString("data")).isEqualTo("hello");
    }

    @Test
    void aServiceCallIsAnsweredByIdAndAnUnknownServiceFailsAtOnce() {
        JsonObject values = Eventually.result(ctx.call(() -> client.callService("/tray/handover", "std_srvs/srv/Trigger", new JsonObject())));
        assertThat(values.getBoolean("success")).isTrue();
        Throwable failed = Eventually.failure(ctx.call(() -> client.callService("/no/such", "std_srvs/srv/Trigger", null)));
        assertThat(failed).isInstanceOf(RosbridgeCallFailed.class).hasMessageContaining("does not exist");
        assertThat(problems).extracting(RosbridgeProblem::kind).contains(RosbridgeProblem.Kind.STATUS_ERROR);
    }

    @Test
    void aServiceCallWithoutAnswerFailsAfterTheCallTimeout() {
        long started = System.nanoTime();
        Throwable failed = Eventually.failure(ctx.call(() -> client.callService("/unresponsive", "std_srvs/srv/Trigger", null)));
        assertThat(failed).isInstanceOf(RosbridgeCallFailed.class).hasMessageContaining("no answer within 2000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(ctx.call(client::isConnected)).isTrue();
    }

    @Test
    void aNavigationGoalGivesFeedbackAndSucceedsWhereTheRobotArrives() {
        List<JsonObject> feedback = new CopyOnWriteArrayList<>();
        ActionGoal goal = ctx.call(() -> client.sendActionGoal("/navigate_to_pose", "nav2_msgs/action/NavigateToPose",
                new JsonObject().put("pose", pose(2, 0)), feedback::add));
        ActionResult result = Eventually.result(goal.result());
        assertThat(result.succeeded()).isTrue();
        assertThat(result.status()).isEqualTo(ActionResult.STATUS_SUCCEEDED);
        assertThat(feedback).isNotEmpty();
        assertThat(feedback.get(0).getDouble("distance_remaining")).isGreaterThan(0);
        assertThat(server.pose()[0]).isCloseTo(2.0, org.assertj.core.api.Assertions.within(0.06));
    }

    @Test
    void aCanceledGoalEndsCanceledAndARejectedOneFails() {
        ActionGoal goal = ctx.call(() -> client.sendActionGoal("/navigate_to_pose", "nav2_msgs/action/NavigateToPose",
                new JsonObject().put("pose", pose(50, 0)), f -> { }));
        Eventually.until("the robot driving", () -> server.odometerMetres() > 0.05);
        ctx.run(() -> client.cancelActionGoal(goal));
        assertThat(Eventually.result(goal.result()).canceled()).isTrue();

        Eventually.result(server.inject(SimRosRobot::rejectNextGoal));
        ActionGoal rejected = ctx.call(() -> client.sendActionGoal("/navigate_to_pose", "nav2_msgs/action/NavigateToPose",
                new JsonObject().put("pose", pose(1, 0)), null));
        ActionResult r = Eventually.result(rejected.result());
        assertThat(r.succeeded()).isFalse();
        assertThat(r.values().getString("error")).contains("rejected");
    }

    @Test
    void malformedJsonUnknownOpsAndBadFragmentsAreReportedAndTheLinkStays() {
        Eventually.result(server.sendRaw("{not json"));
        Eventually.result(server.sendRaw("{\"op\":\"dance\",\"id\":\"x1\"}"));
        Eventually.result(server.sendRaw("[1,2]"));
        Eventually.result(server.sendRaw("{\"op\":\"fragment\",\"id\":\"f\",\"data\":\"x\",\"num\":5,\"total\":2}"));
        Eventually.result(server.sendRaw("{\"op\":\"status\",\"level\":\"error\",\"msg\":\"publish to unknown topic\"}"));
        Eventually.until("five problems", () -> problems.size() >= 5);
        assertThat(problems).extracting(RosbridgeProblem::kind).containsExactly(
                RosbridgeProblem.Kind.MALFORMED_MESSAGE, RosbridgeProblem.Kind.UNKNOWN_OP,
                RosbridgeProblem.Kind.MALFORMED_MESSAGE, RosbridgeProblem.Kind.BAD_FRAGMENT,
                RosbridgeProblem.Kind.STATUS_ERROR);
        assertThat(ctx.call(client::isConnected)).isTrue();
        JsonObject values = Eventually.result(ctx.call(() -> client.callService("/tray/handover", "std_srvs/srv/Trigger", new JsonObject())));
        assertThat(values.getBoolean("success")).isTrue();
    }

    @Test
    void aFragmentedMessageIsPutBackTogether() {
        List<JsonObject> heard = new CopyOnWriteArrayList<>();
        ctx.run(() -> client.subscribe("/big", "std_msgs/msg/String", 0, heard::add));
        String whole = new JsonObject().put("op", "publish").put("topic", "/big")
                .put("msg", new JsonObject().put("data", "x".repeat(500))).encode();
        int third = whole.length() / 3;
        String[] parts = {whole.substring(0, third), whole.substring(third, 2 * third), whole.substring(2 * third)};
        for (int i : new int[]{2, 0, 1}) {
            Eventually.result(server.sendRaw(new JsonObject().put("op", "fragment").put("id", "big-1").put("data", parts[i])
                    .put("num", i).put("total", 3).encode()));
        }
        Eventually.until("the reassembled message", () -> !heard.isEmpty());
        assertThat(heard.get(0).getString("data")).hasSize(500);
    }

    @Test
    void afterADroppedLinkTheClientReconnectsResubscribesAndFailsWhatWasWaiting() {
        List<JsonObject> odom = new CopyOnWriteArrayList<>();
        List<Boolean> links = new CopyOnWriteArrayList<>();
        ctx.run(() -> {
            client.linkHandler(links::add);
            client.subscribe("/odom", "nav_msgs/msg/Odometry", 0, odom::add);
        });
        ActionGoal goal = ctx.call(() -> client.sendActionGoal("/navigate_to_pose", "nav2_msgs/action/NavigateToPose",
                new JsonObject().put("pose", pose(50, 0)), null));
        Eventually.until("odometry", () -> !odom.isEmpty());
        Eventually.result(server.dropConnections());
        assertThat(Eventually.failure(goal.result())).isInstanceOf(RosbridgeLinkLost.class);
        Eventually.until("the link back", () -> links.contains(false) && ctx.call(client::isConnected));
        int before = odom.size();
        Eventually.until("odometry after the reconnect", () -> odom.size() > before + 5);
        assertThat(ctx.call(client::connects)).isEqualTo(2);
    }

    static JsonObject pose(double x, double y) {
        return new JsonObject()
                .put("header", new JsonObject().put("frame_id", "map"))
                .put("pose", new JsonObject().put("position", new JsonObject().put("x", x).put("y", y).put("z", 0))
                        .put("orientation", new JsonObject().put("x", 0).put("y", 0).put("z", 0).put("w", 1)));
    }
}
