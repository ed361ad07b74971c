package dev.provingground.server.mqtt;

import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.elevator.Decision;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.TcpProxy;
import dev.provingground.server.support.TestLiftController;
import dev.provingground.server.support.TestServer;
import dev.provingground.site.lift.LiftCodec;
import dev.provingground.site.lift.LiftDoorState;
import dev.provingground.site.lift.LiftMode;
import dev.provingground.site.lift.LiftRequest;
import dev.provingground.site.lift.LiftState;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import dev.provingground.site.lift.LiftMotionState;

/**
 * Elevator car controllers on the embedded MQTT endpoint over real TCP on loopback: logins issued over the API, the
 * per-car ACL, states reaching the elevators API, the last will, and the manager's requests reaching the car.
 */
class LiftControllerEndpointIT {

    private static final String CREDENTIALS = "/api/v1/sites/tower/elevators/E1/cars/%s/credentials";

    @TempDir
    Path data;
    TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = startServer();
    }

    private TestServer startServer() throws Exception {
        return TestServer.start(data, MqttConfig.defaults().withPort(0), List.of(TestLiftController.towerSite()));
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop();
    }

    private JsonObject issue(String car) {
        var res = server.post(CREDENTIALS.formatted(car), server.operatorToken, null);
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
        return res.bodyAsJsonObject();
    }

    private TestLiftController controller(String car, JsonObject login) {
        return TestLiftController.create(server.vertx, "tower", car, login.getString("username"), login.getString("password"));
    }

    private JsonObject stateOf(String car) {
        return TestLiftController.stateInApi(server, "tower", car);
    }

    @Test
    void operatorIssuesAControllerLoginOnceAndAgainRotatesIt() throws Exception {
        JsonObject first = issue("E1-A");
        assertThat(first.getString("username")).isEqualTo("lift:tower:E1-A");
        assertThat(first.getString("password")).hasSizeGreaterThan(20);
        JsonObject second = issue("E1-A");
        assertThat(second.getString("password")).isNotEqualTo(first.getString("password"));

        try (TestLiftController stale = controller("E1-A", first)) {
            assertThat(stale.connect(server.server.mqttPort()))
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
        }
        var events = server.get("/api/v1/events?type=config.change", server.operatorToken).bodyAsJsonObject()
                .getJsonArray("events").stream().map(JsonObject.class::cast)
                .filter(ev -> "CREDENTIAL".equals(ev.getString("target"))).toList();
        assertThat(events).extracting(ev -> ev.getString("action")).containsExactly("CREATE", "UPDATE");
        assertThat(events).allSatisfy(ev -> {
            assertThat(ev.getString("targetId")).isEqualTo("lift:tower:E1-A");
            assertThat(ev.encode()).doesNotContain(first.getString("password"), second.getString("password"));
        });

        // Only the hash is stored, and it outlives the server.
        server.stop();
        server = startServer();
        try (TestLiftController lift = controller("E1-A", second)) {
            assertThat(lift.connect(server.server.mqttPort())).isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
        }
    }

    @Test
    void rotatingAControllersPasswordClosesTheSessionOpenedWithTheOldOne() {
        JsonObject first = issue("E1-A");
        try (TestLiftController lift = controller("E1-A", first); TestLiftController other = controller("E1-B", issue("E1-B"))) {
            lift.connectAndListen(server.server.mqttPort());
            other.connectAndListen(server.server.mqttPort());

            JsonObject second = issue("E1-A");

            Await.until("the old session closed", Duration.ofSeconds(5), () -> !lift.isConnected());
            assertThat(other.isConnected()).as("the other car's controller").isTrue();
            try (TestLiftController fresh = controller("E1-A", second)) {
                assertThat(fresh.connect(server.server.mqttPort())).isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
            }
        }
    }

    @Test
    void onlyAnOperatorMayIssueControllerLoginsAndUnknownCarsAreNamed() {
        String vendor = server.registerFirm("acme");
        var forbidden = server.post(CREDENTIALS.formatted("E1-A"), vendor, null);
        assertThat(forbidden.statusCode()).isEqualTo(403);

        var noCar = server.post(CREDENTIALS.formatted("E1-Z"), server.operatorToken, null);
        assertThat(noCar.statusCode()).isEqualTo(404);
        assertThat(noCar.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("\"E1-Z\"");
        var noElevator = server.post("/api/v1/sites/tower/elevators/E9/cars/E1-A/credentials", server.operatorToken, null);
        assertThat(noElevator.statusCode()).isEqualTo(404);
        assertThat(noElevator.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("\"E9\"");
        var noSite = server.post("/api/v1/sites/nowhere/elevators/E1/cars/E1-A/credentials", server.operatorToken, null);
        assertThat(noSite.statusCode()).isEqualTo(404);
        assertThat(noSite.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("\"nowhere\"");
    }

    @Test
    void liftControllerLogsInAndTheElevatorsApiShowsTheStateItReported() {
        assertThat(server.get("/api/v1/sites/tower/elevators", server.operatorToken).bodyAsJsonObject()
                .getJsonArray("elevators").getJsonObject(0).getJsonArray("cars").getJsonObject(0).fieldNames())
                .contains("state");
        assertThat(stateOf("E1-A")).isNull();
        try (TestLiftController lift = controller("E1-A", issue("E1-A"))) {
            lift.connectAndListen(server.server.mqttPort());
            Instant before = Instant.now();
            lift.report(new LiftState(Instant.parse("2026-03-02T09:15:31Z"), "E1-A", List.of("L1", "L2"), "L2", "L2",
                    LiftDoorState.OPEN, LiftMotionState.STOPPED,
                    List.of(LiftMode.HUMAN, LiftMode.AGV), LiftMode.HUMAN, "", 3, List.of("rb-1")));
            Await.until("E1-A's state in the API", Duration.ofSeconds(5), () -> stateOf("E1-A") != null);
            JsonObject s = stateOf("E1-A");
            assertThat(s.getString("mode")).isEqualTo("HUMAN");
            assertThat(s.getString("floor")).isEqualTo("L2");
            assertThat(s.getString("doors")).isEqualTo("OPEN");
            assertThat(s.getString("motion")).isEqualTo("STOPPED");
            assertThat(s.getString("session")).isEmpty();
            assertThat(s.getInteger("passengers")).isEqualTo(3);
            assertThat(s.getJsonArray("robots")).containsExactly("rb-1");
            assertThat(s.getString("reportedAt")).isEqualTo("2026-03-02T09:15:31Z");
            assertThat(Instant.parse(s.getString("receivedAt"))).isAfterOrEqualTo(before.minusSeconds(1));
            assertThat(stateOf("E1-B")).isNull();
        }
    }

    @Test
    void liftControllerMayOnlyPublishItsOwnCarsState() {
        try (TestLiftController lift = controller("E1-A", issue("E1-A"))) {
            lift.connectAndListen(server.server.mqttPort());
            lift.publishRaw("lifts/tower/E1-B/state", new LiftCodec().encode(
                    TestLiftController.state("E1-B", LiftMode.HUMAN, "L1", "")));
            lift.publishRaw("lifts/tower/E1-A/request", new LiftCodec().encode(
                    LiftRequest.agvMode("E1-A", Instant.now(), "s", "L2", LiftDoorState.OPEN)));
            lift.publishRaw("uagv/v2/Acme/A-1/state", "{}".getBytes(StandardCharsets.UTF_8));
            lift.report(lift.state(LiftMode.HUMAN, "L1", ""));

            Await.until("E1-A's own state", Duration.ofSeconds(5), () -> stateOf("E1-A") != null);
            assertThat(server.server.rejections().count(Rejection.TOPIC_NOT_ALLOWED)).isEqualTo(3);
            assertThat(stateOf("E1-B")).isNull();
            assertThat(lift.isConnected()).isTrue();
        }
    }

    @Test
    void liftControllerMayOnlySubscribeToItsOwnCarsRequests() {
        try (TestLiftController lift = controller("E1-A", issue("E1-A"))) {
            lift.connectAndListen(server.server.mqttPort());
            // By message id: the SUBACK of the controller's own subscription may still be on its way.
            Map<Integer, List<Integer>> granted = new ConcurrentHashMap<>();
            lift.client.subscribeCompletionHandler(ack -> granted.put(ack.messageId(), ack.grantedQoSLevels()));
            int subscription = Await.result(lift.client.subscribe(Map.of("lifts/tower/E1-B/request", 1,
                    "lifts/tower/+/request", 1, "lifts/#", 1)));
            Await.until("the SUBACK", Duration.ofSeconds(5), () -> granted.containsKey(subscription));
            assertThat(granted.get(subscription)).containsOnly(MqttQoS.FAILURE.value());
            assertThat(server.server.rejections().count(Rejection.SUBSCRIPTION_NOT_ALLOWED)).isEqualTo(3);
            assertThat(lift.isConnected()).isTrue();
        }
    }

    @Test
    void wrongPasswordOrAForeignWillIsRefusedAtConnect() {
        JsonObject login = issue("E1-A");
        try (TestLiftController impostor = TestLiftController.create(server.vertx, "tower", "E1-A",
                login.getString("username"), "not-the-password")) {
            assertThat(impostor.connect(server.server.mqttPort()))
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
        }
        try (TestLiftController unknownCar = TestLiftController.create(server.vertx, "tower", "E1-B", "lift:tower:E1-B",
                login.getString("password"))) {
            assertThat(unknownCar.connect(server.server.mqttPort()))
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
        }
        assertThat(server.server.rejections().count(Rejection.AUTH_FAILED)).isEqualTo(2);

        try (TestLiftController foreignWill = TestLiftController.withWill(server.vertx, "tower", "E1-A",
                login.getString("username"), login.getString("password"), "lifts/tower/E1-B/state")) {
            assertThat(foreignWill.connect(server.server.mqttPort()))
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
        }
        assertThat(server.server.rejections().count(Rejection.WILL_NOT_ALLOWED)).isEqualTo(1);
    }

    @Test
    void malformedStatesAreRefusedCountedAndTheLastGoodStateStays() {
        try (TestLiftController lift = controller("E1-A", issue("E1-A"))) {
            lift.connectAndListen(server.server.mqttPort());
            lift.report(lift.state(LiftMode.HUMAN, "L1", ""));
            Await.until("a good state", Duration.ofSeconds(5), () -> stateOf("E1-A") != null);

            String topic = "lifts/tower/E1-A/state";
            JsonObject good = new JsonObject(new String(new LiftCodec().encode(lift.state(LiftMode.AGV, "L2", "x")),
                    StandardCharsets.UTF_8));
            lift.publishRaw(topic, "{not json".getBytes(StandardCharsets.UTF_8));
            lift.publishRaw(topic, good.copy().put("current_mode", "SIDEWAYS").encode().getBytes(StandardCharsets.UTF_8));
            JsonObject noFloor = good.copy();
            noFloor.remove("current_floor");
            lift.publishRaw(topic, noFloor.encode().getBytes(StandardCharsets.UTF_8));
            lift.publishRaw(topic, good.copy().put("lift_name", "E1-B").encode().getBytes(StandardCharsets.UTF_8));

            Await.until("four refusals", Duration.ofSeconds(5), () -> server.server.rejections().snapshot().values()
                    .stream().mapToLong(Long::longValue).sum() == 4);
            assertThat(server.server.rejections().count(Rejection.MALFORMED_JSON)).isEqualTo(1);
            assertThat(server.server.rejections().count(Rejection.INVALID_MESSAGE)).isEqualTo(2);
            assertThat(server.server.rejections().count(Rejection.HEADER_MISMATCH)).isEqualTo(1);
            assertThat(lift.isConnected()).isTrue();
            assertThat(stateOf("E1-A").getString("mode")).isEqualTo("HUMAN");
            assertThat(stateOf("E1-B")).isNull();
        }
    }

    @Test
    void whenTheControllersLinkDropsItsWillMarksTheCarOffline() {
        try (TcpProxy link = TcpProxy.start(server.vertx, server.server.mqttPort())) {
            TestLiftController lift = controller("E1-A", issue("E1-A"));
            lift.connectAndListen(link.port());
            lift.report(lift.state(LiftMode.HUMAN, "L1", ""));
            Await.until("HUMAN mode", Duration.ofSeconds(5),
                    () -> stateOf("E1-A") != null && "HUMAN".equals(stateOf("E1-A").getString("mode")));
            link.cut();
            Await.until("the OFFLINE will applied", Duration.ofSeconds(5),
                    () -> "OFFLINE".equals(stateOf("E1-A").getString("mode")));
        }
    }

    @Test
    void aCleanDisconnectVoidsTheWillAndALinkDroppedWithoutOneFeedsTheCarNothing() {
        JsonObject loginA = issue("E1-A");
        JsonObject loginB = issue("E1-B");
        TestLiftController a = controller("E1-A", loginA);
        a.connectAndListen(server.server.mqttPort());
        a.report(a.state(LiftMode.HUMAN, "L1", ""));
        try (TcpProxy link = TcpProxy.start(server.vertx, server.server.mqttPort())) {
            TestLiftController b = TestLiftController.withWill(server.vertx, "tower", "E1-B",
                    loginB.getString("username"), loginB.getString("password"), null);
            b.connectAndListen(link.port());
            b.report(b.state(LiftMode.AGV, "L2", ""));
            Await.until("both states", Duration.ofSeconds(5), () -> stateOf("E1-A") != null && stateOf("E1-B") != null);

            a.close();
            link.cut();
            Await.until("both controllers gone", Duration.ofSeconds(5),
                    () -> !controllers().isConnected("tower", "E1-A") && !controllers().isConnected("tower", "E1-B"));
            assertThat(stateOf("E1-A").getString("mode")).isEqualTo("HUMAN");
            assertThat(stateOf("E1-B").getString("mode")).isEqualTo("AGV");
        }
    }

    private LiftControllerEndpoint controllers() {
        return (LiftControllerEndpoint) server.server.elevators().lifts();
    }

    @Test
    void aRideTheManagerGrantsReachesTheCarsControllerAsAnAgvModeRequest() throws Exception {
        try (TestLiftController lift = controller("E1-A", issue("E1-A"))) {
            lift.connectAndListen(server.server.mqttPort());
            lift.report(lift.state(LiftMode.HUMAN, "L1", ""));
            Await.until("E1-A's state", Duration.ofSeconds(5), () -> stateOf("E1-A") != null);

            Decision decision = TestLiftController.requestRide(server, "r1", "L1", "L2");
            assertThat(decision.allowed()).as(decision.toString()).isTrue();
            assertThat(lift.awaitRequest()).isEqualTo(LiftRequest.agvMode("E1-A", lift.requests.get(0).requestTime(),
                    lift.requests.get(0).sessionId(), "L1", LiftDoorState.OPEN));
            assertThat(lift.requests.get(0).sessionId()).startsWith("r1-");
        }
    }
}
