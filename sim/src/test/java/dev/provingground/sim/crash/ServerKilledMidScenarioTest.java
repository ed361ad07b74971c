package dev.provingground.sim.crash;

import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.support.Await;
import dev.provingground.sim.demo.DemoFleet;
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
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server JVM is killed with SIGKILL while robots drive tasks across the demo building and ride its elevators;
 * restarted on the same data, it loses no task: every one submitted before the kill completes afterwards, robots left
 * in a car included.
 */
class ServerKilledMidScenarioTest {

    @TempDir
    Path data;

    final Vertx vertx = Vertx.vertx();
    final WebClient http = WebClient.create(vertx);
    final List<SimElevatorClient> cars = new ArrayList<>();
    SimFleet fleet;
    Process child;
    int httpPort;
    String token;

    @AfterEach
    void stop() throws Exception {
        if (fleet != null) Await.result(fleet.stop());
        for (SimElevatorClient c : cars) Await.result(c.disconnect());
        if (child != null) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        Await.result(vertx.close());
    }

    @Test
    void tasksUnderWayWhenTheServerIsKilledAreAllCompletedAfterItRestarts() throws Exception {
        int mqttPort;
        try (ServerSocket s = new ServerSocket(0)) {
            mqttPort = s.getLocalPort();
        }
        startChild(mqttPort);
        Site site = DemoSite.load();
        for (var elevator : site.elevators()) {
            for (ElevatorCar car : elevator.cars()) {
                JsonObject login = call(HttpMethod.POST, "/api/v1/sites/demo/elevators/" + elevator.id() + "/cars/"
                        + car.id() + "/credentials", new JsonObject()).bodyAsJsonObject();
                SimElevatorClient client = new SimElevatorClient(vertx, new SimElevatorCar(new SimElevatorSpec(car.id(),
                        car.levels(), car.levels().get(0), car.levels().get(0), 0.8, 1.5, 1.5, 0.5, 8, 0, 30, 1)),
                        "demo", new LiftCodec(), Clock.systemUTC(), 50);
                Await.result(client.connect("127.0.0.1", mqttPort, login.getString("username"), login.getString("password")));
                cars.add(client);
            }
        }
        List<SimRobotSpec> specs = new ArrayList<>();
        for (var firm : DemoFleet.firms()) {
            call(HttpMethod.POST, "/api/v1/firms", new JsonObject().put("id", firm.id()).put("name", firm.name()));
        }
        for (DemoFleet.RobotPlan p : DemoFleet.plan(site, 8)) {
            if (!p.profile().equals("indoor-delivery")) continue;
            JsonObject robot = call(HttpMethod.POST, "/api/v1/robots", new JsonObject()
                    .put("manufacturer", p.firm().manufacturer()).put("serialNumber", p.serialNumber())
                    .put("firm", p.firm().id()).put("profile", p.profile()).put("site", "demo"))
                    .bodyAsJsonObject().getJsonObject("robot");
            specs.add(new SimRobotSpec(p.firm().manufacturer(), p.serialNumber(), p.profile(), robot.getString("id"),
                    robot.getJsonObject("mqtt").getString("password"), p.level(), p.start().x(), p.start().y(), 0, 95));
        }
        fleet = new SimFleet(vertx, ProfileCatalog.builtIn(), specs, new SimFleet.Settings(50, 250, 0, 10)
                .withTimeScale(4), Clock.systemUTC()).useLifts(new SimBuilding(cars));
        Await.result(fleet.start("127.0.0.1", mqttPort));

        String[][] deliveries = {{"lobby-desk", "office-201"}, {"mail-room", "nurse-station"}, {"nurse-station", "parcel-room"},
                {"parcel-room", "office-204"}, {"lobby-desk", "ward-302"}, {"office-205", "staff-room"},
                {"mail-room", "office-203"}, {"lobby-desk", "staff-room"}};
        List<String> ids = new ArrayList<>();
        for (String[] d : deliveries) {
            var res = call(HttpMethod.POST, "/api/v1/tasks", new JsonObject().put("site", "demo").put("category", "delivery")
                    .put("description", new JsonObject().put("pickup", new JsonObject().put("place", d[0]))
                            .put("dropoff", new JsonObject().put("place", d[1]))));
            assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
            ids.add(res.bodyAsJsonObject().getJsonObject("booking").getString("id"));
        }
        // Kill while a robot rides, so the restarted server has to get it out of the car.
        Await.until("a robot aboard a car", Duration.ofMinutes(2),
                () -> cars.stream().anyMatch(c -> !c.withCar(SimElevatorCar::robotsAboard).isEmpty()));
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        startChild(mqttPort);
        Await.until("every task completed after the restart", Duration.ofMinutes(4), () -> {
            var list = call(HttpMethod.GET, "/api/v1/tasks", null).bodyAsJsonObject().getJsonArray("tasks").stream()
                    .map(JsonObject.class::cast).filter(t -> ids.contains(t.getJsonObject("booking").getString("id"))).toList();
            assertThat(list).as("tasks known after the restart").hasSize(ids.size());
            for (JsonObject t : list) {
                if ("failed".equals(t.getString("status")) || "canceled".equals(t.getString("status")))
                    throw new AssertionError("task ended " + t.getString("status") + ": " + t.getString("reason"));
            }
            return list.stream().allMatch(t -> "completed".equals(t.getString("status")));
        });
        for (SimElevatorClient c : cars) assertThat(c.withCar(SimElevatorCar::robotsAboard)).isEmpty();
    }

    private void startChild(int mqttPort) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ScenarioServerChild.class.getName(), data.toString(), String.valueOf(mqttPort))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
            // the server's own output before it is ready
        }
        if (line == null) throw new AssertionError("the server child ended before it was ready");
        String[] parts = line.split(" ");
        httpPort = Integer.parseInt(parts[1]);
        token = parts[2];
    }

    private HttpResponse<Buffer> call(HttpMethod method, String path, JsonObject body) {
        var req = http.request(method, httpPort, "127.0.0.1", path).putHeader("Authorization", "Bearer " + token);
        return Await.result(body == null ? req.send() : req.sendJsonObject(body));
    }
}
