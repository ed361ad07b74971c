package dev.provingground.server.mqtt;

import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.elevator.Decision;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.MosquittoBroker;
import dev.provingground.server.support.TcpProxy;
import dev.provingground.server.support.TestLiftController;
import dev.provingground.server.support.TestServer;
import dev.provingground.site.lift.LiftCodec;
import dev.provingground.site.lift.LiftMode;
import dev.provingground.site.lift.LiftRequest;
import dev.provingground.site.lift.LiftRequestType;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Elevator car controllers through a real Mosquitto broker, the server being the broker's client (external mode):
 * states reach the elevators API, bad ones are refused and counted, a controller's will arrives through the broker,
 * and the manager's requests reach the car.
 */
class ExternalLiftLinkIT {

    @TempDir
    Path dir;
    MosquittoBroker broker;
    TestServer server;

    @BeforeEach
    void start() throws Exception {
        broker = MosquittoBroker.start(dir.resolve("mosquitto"));
        server = TestServer.start(dir.resolve("data"), MqttConfig.external("127.0.0.1", broker.port()),
                List.of(TestLiftController.towerSite()));
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop();
        if (broker != null) broker.close();
    }

    private JsonObject stateOf(String car) {
        return TestLiftController.stateInApi(server, "tower", car);
    }

    @Test
    void controllerStatesThroughTheBrokerShowInTheElevatorsApiAndBadOnesAreCounted() {
        try (TestLiftController lift = TestLiftController.create(server.vertx, "tower", "E1-A", null, null)) {
            lift.connectAndListen(broker.port());
            lift.report(lift.state(LiftMode.HUMAN, "L2", ""));
            Await.until("E1-A's state in the API", Duration.ofSeconds(5), () -> stateOf("E1-A") != null);
            assertThat(stateOf("E1-A").getString("mode")).isEqualTo("HUMAN");
            assertThat(stateOf("E1-A").getString("floor")).isEqualTo("L2");

            lift.publishRaw("lifts/tower/E1-A/state", "{not json".getBytes(StandardCharsets.UTF_8));
            lift.publishRaw("lifts/tower/E9/state", new LiftCodec().encode(
                    TestLiftController.state("E9", LiftMode.HUMAN, "L1", "")));
            Await.until("two refusals", Duration.ofSeconds(5),
                    () -> server.server.rejections().count(Rejection.MALFORMED_JSON) == 1
                            && server.server.rejections().count(Rejection.UNKNOWN_LIFT) == 1);
            assertThat(stateOf("E1-A").getString("floor")).isEqualTo("L2");
        }
    }

    @Test
    void aControllersWillSentByTheBrokerMarksTheCarOffline() {
        try (TcpProxy link = TcpProxy.start(server.vertx, broker.port())) {
            TestLiftController lift = TestLiftController.create(server.vertx, "tower", "E1-A", null, null);
            lift.connectAndListen(link.port());
            lift.report(lift.state(LiftMode.HUMAN, "L1", ""));
            Await.until("HUMAN mode", Duration.ofSeconds(5),
                    () -> stateOf("E1-A") != null && "HUMAN".equals(stateOf("E1-A").getString("mode")));
            link.cut();
            Await.until("the OFFLINE will", Duration.ofSeconds(5),
                    () -> "OFFLINE".equals(stateOf("E1-A").getString("mode")));
        }
    }

    @Test
    void aRideTheManagerGrantsReachesTheControllerThroughTheBroker() throws Exception {
        try (TestLiftController lift = TestLiftController.create(server.vertx, "tower", "E1-A", null, null)) {
            lift.connectAndListen(broker.port());
            lift.report(lift.state(LiftMode.HUMAN, "L1", ""));
            Await.until("E1-A's state", Duration.ofSeconds(5), () -> stateOf("E1-A") != null);

            Decision decision = TestLiftController.requestRide(server, "r1", "L1", "L2");
            assertThat(decision.allowed()).as(decision.toString()).isTrue();
            LiftRequest request = lift.awaitRequest();
            assertThat(request.requestType()).isEqualTo(LiftRequestType.AGV_MODE);
            assertThat(request.liftName() + " " + request.destinationFloor() + " " + request.doorState())
                    .isEqualTo("E1-A L1 OPEN");
        }
    }
}
