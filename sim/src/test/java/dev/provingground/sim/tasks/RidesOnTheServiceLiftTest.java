package dev.provingground.sim.tasks;

import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestServer;
import dev.provingground.sim.demo.DemoSite;
import dev.provingground.sim.elevator.SimBuilding;
import dev.provingground.sim.elevator.SimElevatorCar;
import dev.provingground.sim.elevator.SimElevatorClient;
import dev.provingground.sim.elevator.SimElevatorSpec;
import dev.provingground.sim.fleet.SimFleet;
import dev.provingground.sim.robot.SimRobotSpec;
import dev.provingground.site.ElevatorCar;
import dev.provingground.site.Site;
import dev.provingground.site.lift.LiftCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.time.ZonedDateTime;

/**
 * One delivery robot upstairs, deliveries downstairs, and the service lift E2-A. Elevators whose controllers are
 * silent: the task waits, saying for what, instead of sending the robot to a door no car will open; once one car's
 * controller reports, the robot rides that car. Rules that close an elevator to the robot are planned around, and a
 * ride refused at the door because they changed on the way puts the task back in the queue. A task canceled while
 * the robot rides leaves the robot out of the car at the floor it was going to, free for the next task.
 */
class RidesOnTheServiceLiftTest {

    @TempDir
    Path data;
    TestServer server;
    SimFleet fleet;
    SimElevatorClient serviceLift;
    Site site;
    String robotId;

    @AfterEach
    void stop() {
        if (fleet != null) Await.result(fleet.stop());
        if (serviceLift != null) Await.result(serviceLift.disconnect());
        if (server != null) server.stop();
    }

    @BeforeEach
    void start() throws Exception {
        site = DemoSite.load();
        server = TestServer.start(data, MqttConfig.defaults().withPort(0), List.of(site));
        server.registerFirm("acme");
        ElevatorCar e2a = site.elevatorCars().stream().filter(c -> c.id().equals("E2-A")).findFirst().orElseThrow();
        serviceLift = new SimElevatorClient(server.vertx, new SimElevatorCar(new SimElevatorSpec(e2a.id(), e2a.levels(),
                "L1", "L1", 0.8, 1.5, 1.5, 0.5, 8, 0, 30, 1)), "demo", new LiftCodec(), Clock.systemUTC(), 50);

        var robot = server.post("/api/v1/robots", server.operatorToken, new JsonObject().put("manufacturer", "Acme")
                .put("serialNumber", "D-1").put("firm", "acme").put("profile", "indoor-delivery").put("site", "demo"))
                .bodyAsJsonObject().getJsonObject("robot");
        robotId = robot.getString("id");
        var mailRoom = site.place("mail-room").flatMap(p -> site.waypoint(p.waypoint())).orElseThrow();
        fleet = new SimFleet(server.vertx, ProfileCatalog.builtIn(), List.of(new SimRobotSpec("Acme", "D-1",
                "indoor-delivery", robot.getString("id"), robot.getJsonObject("mqtt").getString("password"), "L2",
                mailRoom.x(), mailRoom.y(), 0, 90)), new SimFleet.Settings(50, 250, 0, 10).withTimeScale(4), Clock.systemUTC())
                .useLifts(new SimBuilding(List.of(serviceLift)));
        Await.result(fleet.start("127.0.0.1", server.server.mqttPort()));
        Await.until("robot online", Duration.ofSeconds(10), () -> server.get("/api/v1/robots", server.operatorToken)
                .bodyAsJsonObject().getJsonArray("robots").getJsonObject(0).getJsonObject("position") != null);
    }

    @Test
    void taskWaitsForACarWhoseControllerReportsAndThenRidesThatCar() throws Exception {
        String id = submitDownstairsDelivery().bodyAsJsonObject().getJsonObject("booking").getString("id");

        Await.until("the wait explained", Duration.ofSeconds(10), () -> ("waiting for a robot; 1 needs an elevator car"
                + " that is not serving now (E1-A, E2-A)").equals(task(id).getString("reason")));
        Thread.sleep(2000);
        assertThat(task(id).getString("status")).as("no robot sent to a door no car opens").isEqualTo("queued");

        connectServiceLift();

        Await.until("task completed", Duration.ofSeconds(90), () -> {
            String status = task(id).getString("status");
            if ("failed".equals(status) || "canceled".equals(status)) throw new AssertionError(task(id).encode());
            return "completed".equals(status);
        });
        List<JsonObject> rides = server.get("/api/v1/events?type=elevator.ride", server.operatorToken).bodyAsJsonObject()
                .getJsonArray("events").stream().map(JsonObject.class::cast).toList();
        assertThat(rides).isNotEmpty().allSatisfy(r -> assertThat(r.getString("car")).isEqualTo("E2-A"));
    }

    @Test
    void elevatorsClosedToTheRobotsKindAreNeverPlannedAndServiceHoursMakeTheTaskWait() throws Exception {
        connectServiceLift();
        Await.until("E2-A reporting", Duration.ofSeconds(5), () -> server.get("/api/v1/sites/demo/elevators",
                server.operatorToken).bodyAsString().contains("\"E2-A\""));
        for (String elevator : List.of("E1", "E2")) setRules(elevator, new JsonObject().put("allowedKinds", new JsonArray().add("SERVING")));

        var refused = submitDownstairsDelivery();
        assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(400);
        assertThat(refused.bodyAsString()).contains("cannot reach every stop");

        // E2 open to deliveries again, but only tomorrow morning: the task waits for it.
        String tomorrow = ZonedDateTime.now(site.timeZone()).plusDays(1).getDayOfWeek().name();
        setRules("E2", new JsonObject().put("allowedKinds", new JsonArray().add("DELIVERY")).put("serviceHours",
                new JsonArray().add(new JsonObject().put("days", new JsonArray().add(tomorrow)).put("from", "10:00").put("to", "11:00"))));
        var waiting = submitDownstairsDelivery();
        assertThat(waiting.statusCode()).as(waiting.bodyAsString()).isEqualTo(201);
        String id = waiting.bodyAsJsonObject().getJsonObject("booking").getString("id");
        Await.until("the wait explained", Duration.ofSeconds(10), () -> ("waiting for a robot; 1 needs an elevator car"
                + " that is not serving now (E2-A)").equals(task(id).getString("reason")));
    }

    @Test
    void aRideRefusedAtTheDoorBecauseTheRulesChangedSendsTheTaskBackToWaitInsteadOfFailingIt() throws Exception {
        connectServiceLift();
        Await.until("E2-A reporting", Duration.ofSeconds(5), () -> server.get("/api/v1/sites/demo/elevators",
                server.operatorToken).bodyAsString().contains("\"E2-A\""));
        var submitted = submitDownstairsDelivery();
        assertThat(submitted.statusCode()).as(submitted.bodyAsString()).isEqualTo(201);
        String id = submitted.bodyAsJsonObject().getJsonObject("booking").getString("id");
        Await.until("underway", Duration.ofSeconds(10), () -> "underway".equals(task(id).getString("status")));

        // The robot is on its way to E2's door on L2 when E2 closes to deliveries until tomorrow morning.
        String tomorrow = ZonedDateTime.now(site.timeZone()).plusDays(1).getDayOfWeek().name();
        setRules("E2", new JsonObject().put("allowedKinds", new JsonArray().add("DELIVERY")).put("serviceHours",
                new JsonArray().add(new JsonObject().put("days", new JsonArray().add(tomorrow)).put("from", "10:00").put("to", "11:00"))));
        Await.until("back in the queue, waiting for E2", Duration.ofSeconds(120), () -> {
            JsonObject t = task(id);
            if ("failed".equals(t.getString("status"))) throw new AssertionError(t.encode());
            // E1's controller is not connected in this test, so E1-A is not serving either.
            return "queued".equals(t.getString("status")) && ("waiting for a robot; 1 needs an elevator car that is"
                    + " not serving now (E1-A, E2-A)").equals(t.getString("reason"));
        });

        setRules("E2", new JsonObject().put("allowedKinds", new JsonArray().add("DELIVERY")));
        Await.until("task completed", Duration.ofSeconds(90), () -> {
            String status = task(id).getString("status");
            if ("failed".equals(status) || "canceled".equals(status)) throw new AssertionError(task(id).encode());
            return "completed".equals(status);
        });
    }

    @Test
    void aTaskCanceledWhileTheRobotRidesBringsTheRobotOutWhereTheCarWasGoing() throws Exception {
        connectServiceLift();
        Await.until("E2-A reporting", Duration.ofSeconds(5), () -> serviceLiftState() != null);
        var submitted = submitDownstairsDelivery();
        assertThat(submitted.statusCode()).as(submitted.bodyAsString()).isEqualTo(201);
        String id = submitted.bodyAsJsonObject().getJsonObject("booking").getString("id");
        String robot = robotId;
        Await.until("robot aboard E2-A on its way down", Duration.ofSeconds(120), () -> {
            String status = task(id).getString("status");
            if ("failed".equals(status) || "canceled".equals(status)) throw new AssertionError(task(id).encode());
            JsonObject car = serviceLiftState();
            return car.getJsonArray("robots").contains(robot) && !"STOPPED".equals(car.getString("motion"));
        });

        var canceled = server.post("/api/v1/tasks/" + id + "/cancel", server.operatorToken, new JsonObject());
        assertThat(canceled.statusCode()).as(canceled.bodyAsString()).isEqualTo(200);

        var door = site.waypoint("L1-e2").orElseThrow();
        Await.until("robot out of the car at E2's door on L1", Duration.ofSeconds(60), () -> {
            JsonObject at = server.get("/api/v1/robots/" + robot, server.operatorToken).bodyAsJsonObject()
                    .getJsonObject("position");
            return serviceLiftState().getJsonArray("robots").isEmpty() && "L1".equals(at.getString("mapId"))
                    && Math.hypot(at.getDouble("x") - door.x(), at.getDouble("y") - door.y()) < 0.05;
        });
        // One ride, L2 → L1, as it happened: not a lapsed ride and a second one out of the car at L1.
        Await.until("the ride on the record", Duration.ofSeconds(5), () -> server.get("/api/v1/events?type=elevator.ride",
                server.operatorToken).bodyAsJsonObject().getJsonArray("events").stream().map(JsonObject.class::cast)
                .anyMatch(r -> robot.equals(r.getString("robot")) && "E2-A".equals(r.getString("car"))
                        && "L2".equals(r.getString("fromFloor")) && "L1".equals(r.getString("toFloor"))
                        && "COMPLETED".equals(r.getString("outcome"))));

        var next = server.post("/api/v1/tasks", server.operatorToken, new JsonObject().put("site", "demo")
                .put("category", "go_to_place").put("description", new JsonObject().put("place", "staff-room")));
        assertThat(next.statusCode()).as(next.bodyAsString()).isEqualTo(201);
        String nextId = next.bodyAsJsonObject().getJsonObject("booking").getString("id");
        Await.until("the next task completed", Duration.ofSeconds(60), () -> {
            String status = task(nextId).getString("status");
            if ("failed".equals(status) || "canceled".equals(status)) throw new AssertionError(task(nextId).encode());
            return "completed".equals(status);
        });
    }

    private JsonObject serviceLiftState() {
        return server.get("/api/v1/sites/demo/elevators", server.operatorToken).bodyAsJsonObject().getJsonArray("elevators")
                .stream().map(JsonObject.class::cast).filter(e -> e.getString("id").equals("E2")).findFirst().orElseThrow()
                .getJsonArray("cars").getJsonObject(0).getJsonObject("state");
    }

    private void setRules(String elevator, JsonObject rules) {
        var res = server.call(HttpMethod.PUT, "/api/v1/sites/demo/elevators/" + elevator + "/rules",
                server.operatorToken, rules.put("maxRobotsPerCar", 1).put("passengerPolicy", "ROBOT_ONLY"));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
    }

    private HttpResponse<Buffer> submitDownstairsDelivery() {
        return server.post("/api/v1/tasks", server.operatorToken, new JsonObject().put("site", "demo")
                .put("category", "delivery").put("description", new JsonObject()
                        .put("pickup", new JsonObject().put("place", "lobby-desk"))
                        .put("dropoff", new JsonObject().put("place", "staff-room"))));
    }

    private void connectServiceLift() {
        JsonObject login = server.post("/api/v1/sites/demo/elevators/E2/cars/E2-A/credentials", server.operatorToken,
                new JsonObject()).bodyAsJsonObject();
        Await.result(serviceLift.connect("127.0.0.1", server.server.mqttPort(), login.getString("username"),
                login.getString("password")));
    }

    private JsonObject task(String id) {
        return server.get("/api/v1/tasks/" + id, server.operatorToken).bodyAsJsonObject();
    }
}
