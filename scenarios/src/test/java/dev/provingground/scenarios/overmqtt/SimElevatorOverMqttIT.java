package dev.provingground.scenarios.overmqtt;

import dev.provingground.sim.elevator.SimElevatorCar;
import dev.provingground.sim.elevator.SimElevatorClient;
import dev.provingground.sim.elevator.SimElevatorSpec;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.MosquittoBroker;
import dev.provingground.site.lift.LiftCodec;
import dev.provingground.site.lift.LiftDoorState;
import dev.provingground.site.lift.LiftMode;
import dev.provingground.site.lift.LiftRequest;
import dev.provingground.site.lift.LiftState;
import dev.provingground.site.lift.LiftTopic;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated elevator controller through a real Mosquitto broker, spoken to as the server will. */
class SimElevatorOverMqttIT {

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final LiftCodec codec = new LiftCodec();

    @AfterEach
    void closeVertx() {
        Await.result(vertx.close());
    }

    @Test
    void controllerObeysASessionOverMqttAndReportsItsStateAndFinallyOffline() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir.resolve("mosquitto"))) {
            // Fast doors and travel so the ride takes about a second of wall time.
            SimElevatorSpec spec = new SimElevatorSpec("A1", List.of("L1", "L2", "L3"), "L1", "L1",
                    0.2, 0.5, 0.2, 0.2, 8, 0, 30, 1);
            SimElevatorClient elevator = new SimElevatorClient(vertx, new SimElevatorCar(spec), "demo", codec,
                    Clock.systemUTC(), 50);
            Await.result(elevator.connect("127.0.0.1", broker.port()));

            AtomicReference<LiftState> latest = new AtomicReference<>();
            MqttClient server = MqttClient.create(vertx, new MqttClientOptions().setClientId("test-server"));
            server.publishHandler(m -> {
                if (m.topicName().equals("lifts/demo/A1/state")) latest.set(codec.decodeState(m.payload().getBytes()));
            });
            Await.result(server.connect(broker.port(), "127.0.0.1"));
            Await.result(server.subscribe(LiftTopic.allStates("demo"), 1));
            Await.until("a retained state", Duration.ofSeconds(5), () -> latest.get() != null);
            assertThat(latest.get().currentMode()).isEqualTo(LiftMode.HUMAN);
            assertThat(latest.get().availableFloors()).containsExactly("L1", "L2", "L3");

            LiftRequest request = LiftRequest.agvMode("A1", Clock.systemUTC().instant(), "robot-1-E1-0", "L3", LiftDoorState.OPEN);
            Await.result(server.publish(LiftTopic.request("demo", "A1").toString(), Buffer.buffer(codec.encode(request)),
                    MqttQoS.AT_LEAST_ONCE, false, false));
            Await.until("the car open at L3 for the session", Duration.ofSeconds(10), () -> {
                LiftState s = latest.get();
                return s.openAt("L3") && s.sessionId().equals("robot-1-E1-0") && s.currentMode() == LiftMode.AGV;
            });

            elevator.act(car -> car.fireAlarm(true));
            Await.until("fire mode reported", Duration.ofSeconds(5), () -> latest.get().currentMode() == LiftMode.FIRE);
            assertThat(latest.get().sessionId()).isEmpty();

            Await.result(elevator.disconnect());
            Await.until("the retained OFFLINE state", Duration.ofSeconds(5), () -> latest.get().currentMode() == LiftMode.OFFLINE);
            Await.result(server.disconnect());
        }
    }
}
