package dev.provingground.scenarios.tasks;

import dev.provingground.scenarios.harness.BundleChecks;
import dev.provingground.scenarios.harness.LinkedCar;
import dev.provingground.scenarios.harness.Simulation;
import dev.provingground.server.tasks.Task;
import dev.provingground.server.tasks.TaskStatus;
import dev.provingground.sim.demo.DemoSite;
import dev.provingground.sim.elevator.SimElevatorSpec;
import dev.provingground.sim.robot.SimRobotSpec;
import dev.provingground.site.ElevatorCar;
import dev.provingground.site.Site;
import dev.provingground.site.lift.LiftMotionState;
import dev.provingground.trackrecord.kpi.KpiReport;
import dev.provingground.trackrecord.log.LogId;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One delivery robot upstairs, deliveries downstairs, and the service lift E2-A. Elevators whose controllers are
 * silent: the task waits, saying for what, instead of sending the robot to a door no car will open; once one car's
 * controller reports, the robot rides that car. Rules that close an elevator to the robot are planned around, and a
 * ride refused at the door because they changed on the way puts the task back in the queue and goes on the record as
 * refused. A task canceled while
 * the robot rides leaves the robot out of the car at the floor it was going to, free for the next task.
 */
class RidesOnTheServiceLiftTest {

    @TempDir
    Path data;
    Simulation sim;
    Site site;
    String robotId;

    @AfterEach
    void stop() {
        if (sim != null) sim.stop();
    }

    @BeforeEach
    void start() throws Exception {
        site = DemoSite.load();
        sim = Simulation.start(data, List.of(site));
        sim.api().registerFirm("acme");
        var robot = sim.api().post("/api/v1/robots", sim.operatorToken(), new JsonObject().put("manufacturer", "Acme")
                .put("serialNumber", "D-1").put("firm", "acme").put("profile", "indoor-delivery").put("site", "demo"))
                .bodyAsJsonObject().getJsonObject("robot");
        robotId = robot.getString("id");
        var mailRoom = site.place("mail-room").flatMap(p -> site.waypoint(p.waypoint())).orElseThrow();
        var linked = sim.addRobot(new SimRobotSpec("Acme", "D-1", "indoor-delivery", robotId,
                robot.getJsonObject("mqtt").getString("password"), "L2", mailRoom.x(), mailRoom.y(), 0, 90));
        sim.onServer(() -> linked.robot().useLifts(sim.doors()));
        sim.run(Duration.ofSeconds(1));
    }

    @Test
    void taskWaitsForACarWhoseControllerReportsAndThenRidesThatCar() {
        String id = submitDownstairsDelivery().bodyAsJsonObject().getJsonObject("booking").getString("id");

        sim.runUntil("the wait explained", Duration.ofSeconds(20), () -> ("waiting for a robot; 1 needs an elevator car"
                + " that is not serving now (E1-A, E2-A)").equals(sim.server().tasks().find(id).orElseThrow().progress().reason()));
        sim.run(Duration.ofSeconds(8));
        assertThat(sim.task(id).progress().status()).as("no robot sent to a door no car opens").isEqualTo(TaskStatus.QUEUED);

        connectServiceLift();

        sim.awaitTask(id, TaskStatus.COMPLETED, Duration.ofMinutes(6));
        List<JsonObject> rides = sim.api().get("/api/v1/events?type=elevator.ride", sim.operatorToken()).bodyAsJsonObject()
                .getJsonArray("events").stream().map(JsonObject.class::cast).toList();
        assertThat(rides).isNotEmpty().allSatisfy(r -> assertThat(r.getString("car")).isEqualTo("E2-A"));
    }

    @Test
    void elevatorsClosedToTheRobotsKindAreNeverPlannedAndServiceHoursMakeTheTaskWait() {
        connectServiceLift();
        sim.run(Duration.ofSeconds(1));
        assertThat(sim.api().get("/api/v1/sites/demo/elevators", sim.operatorToken()).bodyAsString())
                .as("E2-A reporting").contains("\"E2-A\"");
        for (String elevator : List.of("E1", "E2")) setRules(elevator, new JsonObject().put("allowedKinds", new JsonArray().add("SERVING")));

        var refused = submitDownstairsDelivery();
        assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(400);
        assertThat(refused.bodyAsString()).contains("cannot reach every stop");

        // E2 open to deliveries again, but only tomorrow morning: the task waits for it.
        setRules("E2", onlyTomorrowMorning());
        var waiting = submitDownstairsDelivery();
        assertThat(waiting.statusCode()).as(waiting.bodyAsString()).isEqualTo(201);
        String id = waiting.bodyAsJsonObject().getJsonObject("booking").getString("id");
        sim.runUntil("the wait explained", Duration.ofSeconds(20), () -> ("waiting for a robot; 1 needs an elevator car"
                + " that is not serving now (E2-A)").equals(sim.server().tasks().find(id).orElseThrow().progress().reason()));
    }

    @Test
    void aRideRefusedAtTheDoorBecauseTheRulesChangedSendsTheTaskBackToWaitInsteadOfFailingItAndGoesOnTheRecord() {
        connectServiceLift();
        sim.run(Duration.ofSeconds(1));
        var submitted = submitDownstairsDelivery();
        assertThat(submitted.statusCode()).as(submitted.bodyAsString()).isEqualTo(201);
        String id = submitted.bodyAsJsonObject().getJsonObject("booking").getString("id");
        sim.awaitTask(id, TaskStatus.UNDERWAY, Duration.ofSeconds(40));

        // The robot is on its way to E2's door on L2 when E2 closes to deliveries until tomorrow morning.
        setRules("E2", onlyTomorrowMorning());
        sim.runUntil("back in the queue, waiting for E2", Duration.ofMinutes(8), () -> {
            Task t = sim.server().tasks().find(id).orElseThrow();
            if (t.progress().status() == TaskStatus.FAILED) throw new AssertionError(t.toString());
            // E1's controller is not connected in this test, so E1-A is not serving either.
            return t.progress().status() == TaskStatus.QUEUED && ("waiting for a robot; 1 needs an elevator car that is"
                    + " not serving now (E1-A, E2-A)").equals(t.progress().reason());
        });

        // The refusal is on the firm's record with the rule that refused it, and counted as refused, not as a ride.
        List<JsonObject> refusals = events("elevator.refusal");
        assertThat(refusals).singleElement().satisfies(r -> {
            assertThat(r.getString("robot")).isEqualTo(robotId);
            assertThat(r.getString("elevator")).isEqualTo("E2");
            assertThat(r.getString("fromFloor")).isEqualTo("L2");
            assertThat(r.getString("toFloor")).isEqualTo("L1");
            assertThat(r.getString("rule")).isEqualTo("OUTSIDE_SERVICE_HOURS");
            assertThat(r.getString("reason")).isNotBlank();
        });
        KpiReport refused = BundleChecks.exportedKpis(sim.server().trackRecord(), LogId.firmLog("demo", "acme"));
        assertThat(refused.value("elevator.refusals")).isEqualByComparingTo("1");
        assertThat(refused.value("elevator.refusals.rule.outside_service_hours")).isEqualByComparingTo("1");
        assertThat(refused.value("elevator.rides")).isEqualByComparingTo("0");

        setRules("E2", new JsonObject().put("allowedKinds", new JsonArray().add("DELIVERY")));
        sim.awaitTask(id, TaskStatus.COMPLETED, Duration.ofMinutes(6));
        KpiReport rode = BundleChecks.exportedKpis(sim.server().trackRecord(), LogId.firmLog("demo", "acme"));
        assertThat(rode.value("elevator.refusals")).as("the refusal counted once").isEqualByComparingTo("1");
        assertThat(rode.value("elevator.rides")).isEqualByComparingTo("1");
    }

    private List<JsonObject> events(String type) {
        return sim.api().get("/api/v1/events?type=" + type, sim.operatorToken()).bodyAsJsonObject()
                .getJsonArray("events").stream().map(JsonObject.class::cast).toList();
    }

    @Test
    void aTaskCanceledWhileTheRobotRidesBringsTheRobotOutWhereTheCarWasGoing() {
        LinkedCar lift = connectServiceLift();
        sim.run(Duration.ofSeconds(1));
        var submitted = submitDownstairsDelivery();
        assertThat(submitted.statusCode()).as(submitted.bodyAsString()).isEqualTo(201);
        String id = submitted.bodyAsJsonObject().getJsonObject("booking").getString("id");
        String robot = robotId;
        sim.runUntil("robot aboard E2-A on its way down", Duration.ofMinutes(8), () -> {
            Task t = sim.server().tasks().find(id).orElseThrow();
            if (t.progress().status().isFinal()) throw new AssertionError(t.toString());
            return lift.car().robotsAboard().contains(robot) && lift.car().motionState() != LiftMotionState.STOPPED;
        });
        assertThat(serviceLiftState().getJsonArray("robots")).as("the server sees the robot aboard").contains(robot);

        var canceled = sim.api().post("/api/v1/tasks/" + id + "/cancel", sim.operatorToken(), new JsonObject());
        assertThat(canceled.statusCode()).as(canceled.bodyAsString()).isEqualTo(200);

        var door = site.waypoint("L1-e2").orElseThrow();
        sim.runUntilSeen("robot out of the car at E2's door on L1", Duration.ofMinutes(4), () -> {
            JsonObject at = sim.api().get("/api/v1/robots/" + robot, sim.operatorToken()).bodyAsJsonObject()
                    .getJsonObject("position");
            return serviceLiftState().getJsonArray("robots").isEmpty() && "L1".equals(at.getString("mapId"))
                    && Math.hypot(at.getDouble("x") - door.x(), at.getDouble("y") - door.y()) < 0.05;
        });
        // One ride, L2 → L1, as it happened: not a lapsed ride and a second one out of the car at L1.
        sim.runUntilSeen("the ride on the record", Duration.ofSeconds(30), () -> sim.api().get(
                "/api/v1/events?type=elevator.ride", sim.operatorToken()).bodyAsJsonObject().getJsonArray("events")
                .stream().map(JsonObject.class::cast)
                .anyMatch(r -> robot.equals(r.getString("robot")) && "E2-A".equals(r.getString("car"))
                        && "L2".equals(r.getString("fromFloor")) && "L1".equals(r.getString("toFloor"))
                        && "COMPLETED".equals(r.getString("outcome"))));
        assertThat(sim.api().get("/api/v1/events?type=elevator.ride", sim.operatorToken()).bodyAsJsonObject()
                .getJsonArray("events")).as("one ride, not a lapsed one and another").hasSize(1);

        var next = sim.api().post("/api/v1/tasks", sim.operatorToken(), new JsonObject().put("site", "demo")
                .put("category", "go_to_place").put("description", new JsonObject().put("place", "staff-room")));
        assertThat(next.statusCode()).as(next.bodyAsString()).isEqualTo(201);
        sim.awaitTask(next.bodyAsJsonObject().getJsonObject("booking").getString("id"), TaskStatus.COMPLETED,
                Duration.ofMinutes(4));
    }

    /** E2 open to deliveries only tomorrow (by the virtual clock, in the site's time zone) from 10 to 11. */
    private JsonObject onlyTomorrowMorning() {
        String tomorrow = ZonedDateTime.ofInstant(sim.clock().instant(), site.timeZone()).plusDays(1).getDayOfWeek().name();
        return new JsonObject().put("allowedKinds", new JsonArray().add("DELIVERY")).put("serviceHours",
                new JsonArray().add(new JsonObject().put("days", new JsonArray().add(tomorrow)).put("from", "10:00").put("to", "11:00")));
    }

    private JsonObject serviceLiftState() {
        return sim.api().get("/api/v1/sites/demo/elevators", sim.operatorToken()).bodyAsJsonObject().getJsonArray("elevators")
                .stream().map(JsonObject.class::cast).filter(e -> e.getString("id").equals("E2")).findFirst().orElseThrow()
                .getJsonArray("cars").getJsonObject(0).getJsonObject("state");
    }

    private void setRules(String elevator, JsonObject rules) {
        var res = sim.api().call(HttpMethod.PUT, "/api/v1/sites/demo/elevators/" + elevator + "/rules",
                sim.operatorToken(), rules.put("maxRobotsPerCar", 1).put("passengerPolicy", "ROBOT_ONLY"));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
    }

    private HttpResponse<Buffer> submitDownstairsDelivery() {
        return sim.api().post("/api/v1/tasks", sim.operatorToken(), new JsonObject().put("site", "demo")
                .put("category", "delivery").put("description", new JsonObject()
                        .put("pickup", new JsonObject().put("place", "lobby-desk"))
                        .put("dropoff", new JsonObject().put("place", "staff-room"))));
    }

    private LinkedCar connectServiceLift() {
        ElevatorCar e2a = site.elevatorCars().stream().filter(c -> c.id().equals("E2-A")).findFirst().orElseThrow();
        JsonObject login = sim.api().post("/api/v1/sites/demo/elevators/E2/cars/E2-A/credentials", sim.operatorToken(),
                new JsonObject()).bodyAsJsonObject();
        return sim.addCar("demo", new SimElevatorSpec(e2a.id(), e2a.levels(), "L1", "L1", 0.8, 1.5, 1.5, 0.5, 8, 0, 30, 1),
                login);
    }
}
