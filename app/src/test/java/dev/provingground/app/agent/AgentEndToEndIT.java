package dev.provingground.app.agent;

import dev.provingground.agent.RobotAgent;
import dev.provingground.agent.config.AgentConfig;
import dev.provingground.agent.frames.FrameTransform;
import dev.provingground.profiles.HardwareProfile;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.Zones;
import dev.provingground.sim.elevator.SimBuilding;
import dev.provingground.sim.elevator.SimElevatorCar;
import dev.provingground.sim.elevator.SimElevatorClient;
import dev.provingground.sim.elevator.SimElevatorSpec;
import dev.provingground.sim.robot.SimRobot;
import dev.provingground.sim.ros.SimRosRobot;
import dev.provingground.sim.ros.SimRosbridgeServer;
import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;
import dev.provingground.site.lift.LiftCodec;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.verify.BundleVerifier;
import dev.provingground.trackrecord.verify.VerifyResult;
import dev.provingground.vda5050.Vda5050Codec;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.provingground.server.support.Bundles.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * End to end over real sockets: a simulated Nav2 robot behind its rosbridge server, the robot agent, and the real
 * fleet server. Tasks complete; an e-stop and a diagnostics error show up on the server (the e-stop in the track
 * record); a PAUSE keep-out zone cancels the ROS goal and stopPause resumes it; an MQTT outage while driving comes
 * back as backfill, and the firm's bundle verifies with the distance the robot drove. Each test has its own server,
 * robot and agent on free ports, so the three run side by side: the 60 s outage sets the pace.
 */
@Execution(ExecutionMode.CONCURRENT)
class AgentEndToEndIT {

    @TempDir
    Path data;
    @TempDir
    Path agentData;
    @TempDir
    Path out;

    static Site hall() {
        return SiteFormat.read(("""
                {"id": "hall", "name": "Hall", "timeZone": "UTC",
                 "levels": [{"id": "L1", "name": "Hall", "floor": 1, "outdoor": false,
                   "waypoints": [{"id": "a", "x": 0, "y": 0}, {"id": "b", "x": 10, "y": 0}, {"id": "c", "x": 20, "y": 0}],
                   "lanes": [{"from": "a", "to": "b"}, {"from": "b", "to": "c"}]}],
                 "places": [{"name": "start", "level": "L1", "waypoint": "a"}, {"name": "far", "level": "L1", "waypoint": "c"}],
                 "chargers": [], "elevators": []}
                """).getBytes(StandardCharsets.UTF_8), "hall.json");
    }

    /** A Nav2 robot of the firm acme on the hall: the simulated robot behind its rosbridge server, and its agent. */
    private record HallRobot(String id, SimRosbridgeServer ros, RobotAgent agent, String deployment) {
    }

    /** Registers A-1 and starts its simulated robot and agent, the agent speaking MQTT to {@code mqttPort}. */
    private HallRobot startHallRobot(TestServer server, Vertx vertx, int mqttPort) {
        JsonObject robot = server.post("/api/v1/robots", server.operatorToken, new JsonObject().put("manufacturer", "Acme")
                .put("serialNumber", "A-1").put("firm", "acme").put("profile", "indoor-delivery").put("site", "hall"))
                .bodyAsJsonObject().getJsonObject("robot");
        String robotId = robot.getString("id");
        HardwareProfile profile = ProfileCatalog.builtIn().require("indoor-delivery");
        SimRosbridgeServer ros = new SimRosbridgeServer(new SimRosRobot(new SimRobot("Acme", "A-1", profile, "map",
                0, 0, 0, 90)), new SimRosbridgeServer.Settings("127.0.0.1", 0, SimRosbridgeServer.Flavour.NAV2, 20, 3.0));
        Await.result(vertx.deployVerticle(ros));
        AgentConfig config = AgentConfig.parse(new JsonObject()
                .put("manufacturer", "Acme").put("serialNumber", "A-1").put("profile", "indoor-delivery")
                .put("mqtt", new JsonObject().put("port", mqttPort).put("username", robotId)
                        .put("password", robot.getJsonObject("mqtt").getString("password"))
                        .put("keepAliveSeconds", 5).put("reconnectSeconds", 0.2).put("maxReconnectSeconds", 1))
                .put("rosbridge", new JsonObject().put("uri", ros.uri()))
                .put("ros", new JsonObject().put("estopTopic", "/estop"))
                .put("maps", new JsonArray().add(new JsonObject().put("rosMap", "map").put("levelMapId", "L1")))
                .put("stateIntervalSeconds", 0.5)
                .put("backfill", new JsonObject().put("directory", agentData.toString())));
        RobotAgent agent = new RobotAgent(config, profile, new Vda5050Codec(), Clock.systemUTC());
        String deployment = Await.result(vertx.deployVerticle(agent));
        Await.until("the robot's position on the server", Duration.ofSeconds(20), () ->
                server.get("/api/v1/robots/" + robotId, server.operatorToken).bodyAsJsonObject().getJsonObject("position") != null);
        return new HallRobot(robotId, ros, agent, deployment);
    }

    @Test
    void aRosRobotDoesTasksReportsItsFaultsAndIsPausedByAKeepOutZone() throws Exception {
        try (TestServer server = TestServer.start(data, MqttConfig.defaults().withPort(0), List.of(hall()))) {
            server.registerFirm("acme");
            Vertx vertx = Vertx.vertx();
            try {
                HallRobot robot = startHallRobot(server, vertx, server.server.mqttPort());
                String robotId = robot.id();
                SimRosbridgeServer ros = robot.ros();
                RobotAgent agent = robot.agent();

                // A task completes.
                String first = task(server, "far");
                awaitStatus(server, first, "completed");
                assertThat(ros.pose()[0]).isCloseTo(20, within(0.1));
                restAWhile(ros, agent);

                // An e-stop and a diagnostics error on the robot reach the fleet as VDA 5050 errors and safety state,
                // and both reach the track record (the error's CLEARED follows 10 s after it goes, not waited for here).
                Await.result(ros.inject(r -> r.eStop(true)));
                Await.until("the e-stop recorded", Duration.ofSeconds(10), () -> server.get("/api/v1/events?type=estop",
                        server.operatorToken).bodyAsString().contains("TRIGGERED"));
                Await.result(ros.inject(r -> r.eStop(false)));
                Await.result(ros.inject(r -> r.diagnostic("lidar", 2, "no scan for 2 s")));
                Await.until("the diagnostics error on the server", Duration.ofSeconds(10), () -> server.get(
                        "/api/v1/robots/" + robotId, server.operatorToken).bodyAsString().contains("lidar: no scan for 2 s"));
                Await.until("the diagnostics error recorded", Duration.ofSeconds(10), () -> server.get(
                        "/api/v1/events?type=robot.error", server.operatorToken).bodyAsString().contains("\"phase\":\"RAISED\""));
                Await.result(ros.inject(r -> r.diagnostic("lidar", 0, "ok")));
                Await.until("the diagnostics error cleared", Duration.ofSeconds(10), () -> !server.get(
                        "/api/v1/robots/" + robotId, server.operatorToken).bodyAsString().contains("rosDiagnostic"));

                // A PAUSE keep-out zone drawn across its way back pauses the robot: the ROS goal is canceled, it holds.
                long goalsBefore = ros.goalsReceived();
                String back = task(server, "start");
                Await.until("driving back", Duration.ofSeconds(20), () -> ros.pose()[0] < 18);
                var zone = server.post("/api/v1/sites/hall/zones", server.operatorToken,
                        Zones.withProperty(Zones.rectangle("pit", "KEEP_OUT", 9, -1, 11, 1), "onViolation", "PAUSE"));
                assertThat(zone.statusCode()).as(zone.bodyAsString()).isEqualTo(201);
                Await.until("paused in the zone", Duration.ofSeconds(30), () -> agent.lastState() != null
                        && Boolean.TRUE.equals(agent.lastState().paused()));
                Await.until("the robot holding", Duration.ofSeconds(10), () -> standsStill(ros));
                assertThat(ros.pose()[0]).isBetween(7.5, 11.0);
                long goalsWhilePaused = ros.goalsReceived();
                var resume = server.post("/api/v1/robots/" + robotId + "/instant-actions", server.operatorToken,
                        new JsonObject().put("actions", new JsonArray().add(new JsonObject().put("actionType", "stopPause")
                                .put("actionId", "operator-resume-1"))));
                assertThat(resume.statusCode()).as(resume.bodyAsString()).isEqualTo(202);
                awaitStatus(server, back, "completed");
                assertThat(ros.goalsReceived()).as("the goal was sent again on resume").isGreaterThan(goalsWhilePaused);
                assertThat(goalsWhilePaused).isGreaterThan(goalsBefore);
                assertThat(ros.pose()[0]).isCloseTo(0, within(0.1));
                assertThat(server.call(io.vertx.core.http.HttpMethod.DELETE, "/api/v1/sites/hall/zones/pit",
                        server.operatorToken, null).statusCode()).isBetween(200, 204);
            } finally {
                Await.result(vertx.close());
            }
        }
    }

    @Test
    void anMqttOutageWhileDrivingIsBackfilledAndTheFirmsBundleVerifiesWithTheDistanceDriven() throws Exception {
        try (TestServer server = TestServer.start(data, MqttConfig.defaults().withPort(0), List.of(hall()))) {
            String acmeToken = server.registerFirm("acme");
            Vertx vertx = Vertx.vertx();
            try (OutageProxy proxy = OutageProxy.start(vertx, server.server.mqttPort())) {
                HallRobot robot = startHallRobot(server, vertx, proxy.port());
                String robotId = robot.id();
                SimRosbridgeServer ros = robot.ros();
                RobotAgent agent = robot.agent();

                // The MQTT link goes down for 60 s while the robot drives a long straight order; every state of the gap
                // comes back as backfill. (A direct order, not a task: a task would be dispatched again on the
                // reconnect, which is the server's business.)
                var order = server.post("/api/v1/robots/" + robotId + "/orders", server.operatorToken, new JsonObject()
                        .put("nodes", new JsonArray().add(new JsonObject().put("x", 0).put("y", 0).put("mapId", "L1"))
                                .add(new JsonObject().put("x", 160).put("y", 0).put("mapId", "L1"))));
                assertThat(order.statusCode()).as(order.bodyAsString()).isEqualTo(202);
                Await.until("driving", Duration.ofSeconds(20), () -> ros.pose()[0] > 2);
                long queuedBefore = agent.statesQueued();
                Instant cut = Instant.now();
                proxy.down();
                // The outage itself is the scenario: 60 s of it, however long the waiting takes.
                Await.until("60 s of outage", Duration.ofSeconds(70), () -> Duration.between(cut, Instant.now()).getSeconds() >= 60);
                assertThat(ros.pose()[0]).as("the robot drove on through the outage").isLessThan(159);
                long queuedInOutage = agent.statesQueued() - queuedBefore;
                Instant restored = Instant.now();
                proxy.up();
                Await.until("the backlog sent", Duration.ofSeconds(30), () -> agent.isMqttUp() && agent.backlogSize() == 0);
                assertThat(queuedInOutage).as("a state every 0.5 s of the outage").isGreaterThanOrEqualTo(110);
                assertThat(agent.backfillPublished()).isGreaterThanOrEqualTo(queuedInOutage);
                // The order has done its part: the operator stops the robot where it is rather than letting it drive on.
                var stop = server.post("/api/v1/robots/" + robotId + "/instant-actions", server.operatorToken,
                        new JsonObject().put("actions", new JsonArray().add(new JsonObject().put("actionType", "cancelOrder")
                                .put("actionId", "operator-stop-1"))));
                assertThat(stop.statusCode()).as(stop.bodyAsString()).isEqualTo(202);
                Await.until("the robot at rest", Duration.ofSeconds(60), () -> standsStill(ros) && agent.lastState() != null
                        && !agent.lastState().driving());
                // The server writes a robot's late samples a batch per 30 s of sample time, the last one once the
                // backfill has been quiet for 2 s: wait for the batch that reaches the reconnect, not just the first.
                Await.until("the late samples recorded up to the reconnect", Duration.ofSeconds(30), () ->
                        lateSampleTimes(server, robotId).stream().anyMatch(t -> t.isAfter(restored.minusSeconds(2))));
                restAWhile(ros, agent);
                double drove = ros.odometerMetres();
                Await.result(vertx.undeploy(robot.deployment()));
                Await.until("the robot offline", Duration.ofSeconds(10), () -> "OFFLINE".equals(server.get(
                        "/api/v1/robots/" + robotId, server.operatorToken).bodyAsJsonObject().getString("connection")));
                var res = server.get("/api/v1/reports/export?site=hall&firm=acme&robot=" + robotId, acmeToken);
                assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
                Path bundle = out.resolve("acme.zip");
                Files.write(bundle, res.body().getBytes());
                VerifierKey key = VerifierKey.parse(server.get("/api/v1/sites/hall/log/key?firm=acme", acmeToken).bodyAsString().trim());
                VerifyResult verified = new BundleVerifier().verify(bundle, key);
                assertThat(verified.ok()).as(verified.firstProblem()).isTrue();
                double km = new JsonObject(entry(bundle, "kpis.json")).getJsonArray("metrics").stream().map(m -> (JsonObject) m)
                        .filter(m -> m.getString("name").equals("distance.total_km")).findFirst().orElseThrow().getDouble("value");
                System.out.printf("agent end to end: the robot drove %.3f m, the bundle's distance KPI %.3f m (%.2f %%), "
                        + "%d states backfilled after a 60 s outage%n", drove, km * 1000, 100 * (km * 1000 - drove) / drove,
                        agent.backfillPublished());
                System.out.println("agent end to end: events other than samples in the bundle: " + entry(bundle, "events.jsonl")
                        .lines().map(JsonObject::new).filter(e -> !"state.samples".equals(e.getString("type")))
                        .map(e -> e.getString("type") + (e.containsKey("state") ? " " + e.getString("state") : "")
                                + (e.containsKey("phase") ? " " + e.getString("phase") : "")).toList());
                List<JsonObject> late = entry(bundle, "events.jsonl").lines().map(JsonObject::new)
                        .filter(e -> Boolean.TRUE.equals(e.getBoolean("late"))).toList();
                List<Instant> lateTimes = late.stream().flatMap(e -> e.getJsonArray("samples").stream())
                        .map(x -> Instant.parse(((JsonObject) x).getString("time"))).sorted().toList();
                // From the cut to the reconnect. The server samples a moving robot at most once a second and a
                // robot at rest (the test lets it rest between legs) less often, so the count is a floor, not a rate;
                // that the whole outage counts is what the distance check below shows.
                assertThat(lateTimes).as("late samples across the gap").hasSizeGreaterThanOrEqualTo(30);
                assertThat(lateTimes.get(0)).isBefore(cut.plusSeconds(2));
                assertThat(lateTimes.get(lateTimes.size() - 1)).isAfter(restored.minusSeconds(2));
                assertThat(km * 1000).as("the distance KPI against the simulated robot's odometer").isCloseTo(drove, within(drove * 0.01));
            } finally {
                Await.result(vertx.close());
            }
        }
    }

    static Site tower() {
        return SiteFormat.read(("""
                {"id": "tower", "name": "Tower", "timeZone": "UTC",
                 "levels": [
                   {"id": "L1", "name": "Floor 1", "floor": 1, "outdoor": false,
                    "waypoints": [{"id": "l1-a", "x": 0, "y": 0}, {"id": "l1-ea", "x": 5, "y": 0}],
                    "lanes": [{"from": "l1-a", "to": "l1-ea"}]},
                   {"id": "L2", "name": "Floor 2", "floor": 2, "outdoor": false,
                    "waypoints": [{"id": "l2-a", "x": 0, "y": 0}, {"id": "l2-ea", "x": 5, "y": 0}],
                    "lanes": [{"from": "l2-a", "to": "l2-ea"}]}],
                 "places": [{"name": "mail-room", "level": "L1", "waypoint": "l1-a"},
                            {"name": "office", "level": "L2", "waypoint": "l2-a"}],
                 "chargers": [],
                 "elevators": [{"id": "E1", "name": "Lift", "cars": [
                   {"id": "E1-A", "levels": ["L1", "L2"], "doorWaypoints": {"L1": "l1-ea", "L2": "l2-ea"}, "capacityRobots": 1}]}]}
                """).getBytes(StandardCharsets.UTF_8), "tower.json");
    }

    @Test
    void aDeliveryAcrossTwoFloorsRidesTheElevatorOnARobotWhoseUpperMapIsTurnedAndShifted() throws Exception {
        try (TestServer server = TestServer.start(data, MqttConfig.defaults().withPort(0), List.of(tower()))) {
            server.registerFirm("acme");
            JsonObject robot = server.post("/api/v1/robots", server.operatorToken, new JsonObject().put("manufacturer", "Acme")
                    .put("serialNumber", "A-2").put("firm", "acme").put("profile", "indoor-delivery").put("site", "tower"))
                    .bodyAsJsonObject().getJsonObject("robot");
            String robotId = robot.getString("id");
            var login = server.post("/api/v1/sites/tower/elevators/E1/cars/E1-A/credentials", server.operatorToken, null);
            assertThat(login.statusCode()).as(login.bodyAsString()).isEqualTo(201);
            SimElevatorClient car = new SimElevatorClient(server.vertx, new SimElevatorCar(new SimElevatorSpec("E1-A",
                    List.of("L1", "L2"), "L2", "L1", 0.3, 1.0, 0.5, 0.2, 8, 0, 30, 1)), "tower", new LiftCodec(),
                    Clock.systemUTC(), 50);
            Await.result(car.connect("127.0.0.1", server.server.mqttPort(), login.bodyAsJsonObject().getString("username"),
                    login.bodyAsJsonObject().getString("password")));
            HardwareProfile profile = ProfileCatalog.builtIn().require("indoor-delivery");
            // The robot's floor-2 map is turned a quarter left and shifted: level = R(90°)·ros + (5, -5).
            FrameTransform upstairs = new FrameTransform(5, -5, Math.PI / 2, 1);
            Vertx vertx = Vertx.vertx();
            try {
                SimRosbridgeServer ros = new SimRosbridgeServer(new SimRosRobot(new SimRobot("Acme", "A-2", profile, "L1",
                        0, 0, 0, 90)).useLifts(new SimBuilding(List.of(car))),
                        new SimRosbridgeServer.Settings("127.0.0.1", 0, SimRosbridgeServer.Flavour.NAV2, 20, 3.0));
                Await.result(vertx.deployVerticle(ros));
                AgentConfig config = AgentConfig.parse(new JsonObject()
                        .put("manufacturer", "Acme").put("serialNumber", "A-2")
                        .put("mqtt", new JsonObject().put("port", server.server.mqttPort()).put("username", robotId)
                                .put("password", robot.getJsonObject("mqtt").getString("password")))
                        .put("rosbridge", new JsonObject().put("uri", ros.uri()))
                        .put("maps", new JsonArray()
                                .add(new JsonObject().put("rosMap", "floor1").put("frameId", "L1").put("levelMapId", "L1"))
                                .add(new JsonObject().put("rosMap", "floor2").put("frameId", "L2").put("levelMapId", "L2")
                                        .put("transform", new JsonObject().put("x", upstairs.x()).put("y", upstairs.y())
                                                .put("yaw", upstairs.yaw()))))
                        .put("actions", new JsonObject()
                                .put("trayHandover", new JsonObject().put("service", "/tray/handover").put("serviceType", "std_srvs/srv/Trigger"))
                                .put("elevatorBoard", new JsonObject().put("service", "/elevator/board").put("serviceType", "pg_msgs/srv/Lift"))
                                .put("elevatorAlight", new JsonObject().put("service", "/elevator/alight").put("serviceType", "pg_msgs/srv/Lift")))
                        .put("stateIntervalSeconds", 0.5)
                        .put("backfill", new JsonObject().put("directory", agentData.toString())));
                RobotAgent agent = new RobotAgent(config, profile, new Vda5050Codec(), Clock.systemUTC());
                Await.result(vertx.deployVerticle(agent));
                Await.until("the robot's position on the server", Duration.ofSeconds(20), () ->
                        server.get("/api/v1/robots/" + robotId, server.operatorToken).bodyAsJsonObject().getJsonObject("position") != null);

                var res = server.post("/api/v1/tasks", server.operatorToken, new JsonObject().put("site", "tower")
                        .put("category", "delivery").put("description", new JsonObject()
                                .put("pickup", new JsonObject().put("place", "mail-room"))
                                .put("dropoff", new JsonObject().put("place", "office"))));
                assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
                String id = res.bodyAsJsonObject().getJsonObject("booking").getString("id");
                awaitStatus(server, id, "completed");

                // The task completes on the state that reaches the office; the next states show the robot at rest there.
                Await.until("the robot at rest at the office", Duration.ofSeconds(10), () -> {
                    JsonObject at = server.get("/api/v1/robots/" + robotId, server.operatorToken).bodyAsJsonObject()
                            .getJsonObject("position");
                    return "L2".equals(at.getString("mapId")) && Math.hypot(at.getDouble("x"), at.getDouble("y")) < 0.1;
                });
                JsonObject position = server.get("/api/v1/robots/" + robotId, server.operatorToken).bodyAsJsonObject()
                        .getJsonObject("position");
                assertThat(position.getString("mapId")).isEqualTo("L2");
                assertThat(position.getDouble("x")).isCloseTo(0, within(0.1));
                assertThat(position.getDouble("y")).isCloseTo(0, within(0.1));
                double[] office = upstairs.toRos(0, 0);
                assertThat(ros.pose()[0]).as("the office in the robot's floor-2 map").isCloseTo(office[0], within(0.1));
                assertThat(ros.pose()[1]).isCloseTo(office[1], within(0.1));
                assertThat(server.get("/api/v1/events?type=elevator.ride", server.operatorToken).bodyAsString())
                        .contains("E1-A");
            } finally {
                Await.result(vertx.close());
                Await.result(car.disconnect());
            }
        }
    }

    /** The times of the robot's late samples on record, as the events API gives them. */
    private static List<Instant> lateSampleTimes(TestServer server, String robotId) {
        return server.get("/api/v1/events?type=state.samples&robot=" + robotId, server.operatorToken).bodyAsJsonObject()
                .getJsonArray("events").stream().map(JsonObject.class::cast)
                .filter(e -> Boolean.TRUE.equals(e.getBoolean("late")))
                .flatMap(e -> e.getJsonArray("samples").stream())
                .map(x -> Instant.parse(((JsonObject) x).getString("time"))).toList();
    }

    private static String task(TestServer server, String place) {
        var res = server.post("/api/v1/tasks", server.operatorToken, new JsonObject().put("site", "hall")
                .put("category", "go_to_place").put("description", new JsonObject().put("place", place)));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
        return res.bodyAsJsonObject().getJsonObject("booking").getString("id");
    }

    private static void awaitStatus(TestServer server, String task, String status) {
        Await.until("task " + task + " " + status, Duration.ofSeconds(60), () -> status.equals(
                server.get("/api/v1/tasks/" + task, server.operatorToken).bodyAsJsonObject().getString("status")));
    }

    /**
     * The server samples live states a second apart, so a robot that turns round within a second of arriving has the
     * corner cut in its travelled distance; robots on a trial rest between tasks. Wait until the robot stands and the
     * agent has sent three more states, so the server has a sample at the resting place.
     */
    private static void restAWhile(SimRosbridgeServer ros, RobotAgent agent) {
        Await.until("the robot at rest", Duration.ofSeconds(60), () -> standsStill(ros));
        long published = agent.statesPublished();
        Await.until("three more states at rest", Duration.ofSeconds(10), () -> agent.statesPublished() >= published + 3);
    }

    private static boolean standsStill(SimRosbridgeServer ros) {
        double before = ros.odometerMetres();
        try {
            // Stillness is the absence of motion over a while: the odometer is read again after a pause.
            Thread.sleep(300);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return ros.odometerMetres() == before;
    }
}
