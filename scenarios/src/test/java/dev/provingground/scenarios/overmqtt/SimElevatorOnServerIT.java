package dev.provingground.scenarios.overmqtt;

import dev.provingground.sim.elevator.SimElevatorCar;
import dev.provingground.sim.elevator.SimElevatorClient;
import dev.provingground.sim.elevator.SimElevatorSpec;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.elevator.Decision;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestLiftController;
import dev.provingground.server.support.TestServer;
import dev.provingground.site.lift.LiftCodec;
import dev.provingground.site.lift.LiftMode;
import dev.provingground.site.lift.LiftState;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated elevator controller logged in to the server's embedded endpoint, serving a ride the server grants. */
class SimElevatorOnServerIT {

    @TempDir
    Path data;

    @Test
    void simulatedCarWithItsLoginReportsToTheServerAndObeysTheSessionTheServerGrants() throws Exception {
        try (TestServer server = TestServer.start(data, MqttConfig.defaults().withPort(0),
                List.of(TestLiftController.towerSite()))) {
            var res = server.post("/api/v1/sites/tower/elevators/E1/cars/E1-A/credentials", server.operatorToken, null);
            assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
            JsonObject login = res.bodyAsJsonObject();
            // Fast doors and travel so the ride takes about a second of wall time.
            SimElevatorSpec spec = new SimElevatorSpec("E1-A", List.of("L1", "L2"), "L2", "L1",
                    0.2, 0.5, 0.2, 0.2, 8, 0, 30, 1);
            SimElevatorClient elevator = new SimElevatorClient(server.vertx, new SimElevatorCar(spec), "tower",
                    new LiftCodec(), Clock.systemUTC(), 50);

            assertThat(Await.failure(elevator.connect("127.0.0.1", server.server.mqttPort())))
                    .as("without its login the endpoint refuses the controller").isNotNull();

            Await.result(elevator.connect("127.0.0.1", server.server.mqttPort(), login.getString("username"),
                    login.getString("password")));
            Await.until("the car's state in the elevators API", Duration.ofSeconds(5), () -> stateOf(server) != null);
            assertThat(stateOf(server).getString("mode")).isEqualTo("HUMAN");
            assertThat(stateOf(server).getString("floor")).isEqualTo("L2");

            Decision decision = TestLiftController.requestRide(server, "r1", "L1", "L2");
            assertThat(decision.allowed()).as(decision.toString()).isTrue();

            Await.until("the car open at L1 for r1's session", Duration.ofSeconds(10), () -> {
                LiftState s = elevator.withCar(c -> c.state(Clock.systemUTC().instant()));
                return s.openAt("L1") && s.sessionId().startsWith("r1-") && s.currentMode() == LiftMode.AGV;
            });
            Await.until("the server to see it", Duration.ofSeconds(5), () -> {
                JsonObject s = stateOf(server);
                return "AGV".equals(s.getString("mode")) && "L1".equals(s.getString("floor"))
                        && "OPEN".equals(s.getString("doors")) && s.getString("session").startsWith("r1-");
            });
            Await.result(elevator.disconnect());
            Await.until("the OFFLINE state it said before leaving", Duration.ofSeconds(5),
                    () -> "OFFLINE".equals(stateOf(server).getString("mode")));
        }
    }

    private static JsonObject stateOf(TestServer server) {
        return TestLiftController.stateInApi(server, "tower", "E1-A");
    }
}
