package dev.provingground.server.support;

import dev.provingground.server.elevator.Decision;
import dev.provingground.server.elevator.Rider;
import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;
import dev.provingground.site.lift.LiftCodec;
import dev.provingground.site.lift.LiftDoorState;
import dev.provingground.site.lift.LiftMode;
import dev.provingground.site.lift.LiftMotionState;
import dev.provingground.site.lift.LiftRequest;
import dev.provingground.site.lift.LiftState;
import dev.provingground.site.lift.LiftTopic;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A hand-driven elevator car controller for the server's tests: a real MQTT client on loopback that publishes exactly
 * the states (or bytes) a test tells it to and records the lift requests it receives.
 */
public final class TestLiftController implements AutoCloseable {

    public final String site;
    public final String car;
    public final MqttClient client;
    public final List<LiftRequest> requests = new CopyOnWriteArrayList<>();
    private final LiftCodec codec = new LiftCodec();

    private TestLiftController(Vertx vertx, String site, String car, String username, String password, String willTopic) {
        this.site = site;
        this.car = car;
        MqttClientOptions options = new MqttClientOptions().setClientId("test-lift-" + site + "-" + car)
                .setKeepAliveInterval(30);
        if (username != null) options.setUsername(username).setPassword(password);
        if (willTopic != null) {
            options.setWillFlag(true).setWillQoS(1).setWillRetain(true).setWillTopic(willTopic)
                    .setWillMessageBytes(Buffer.buffer(codec.encode(state(car, LiftMode.OFFLINE, "L1", ""))));
        }
        this.client = MqttClient.create(vertx, options);
        client.publishHandler(m -> requests.add(codec.decodeRequest(m.payload().getBytes())));
    }

    /** Site "tower": levels L1 and L2, elevator E1 with two cars, E1-A and E1-B. */
    public static Site towerSite() {
        String json = """
                {"id": "tower", "name": "Tower", "timeZone": "UTC",
                 "levels": [
                   {"id": "L1", "name": "Floor 1", "floor": 1, "outdoor": false,
                    "waypoints": [{"id": "l1-a", "x": 0, "y": 0}, {"id": "l1-ea", "x": 5, "y": 0}, {"id": "l1-eb", "x": 5, "y": 3}],
                    "lanes": [{"from": "l1-a", "to": "l1-ea"}, {"from": "l1-a", "to": "l1-eb"}]},
                   {"id": "L2", "name": "Floor 2", "floor": 2, "outdoor": false,
                    "waypoints": [{"id": "l2-a", "x": 0, "y": 0}, {"id": "l2-ea", "x": 5, "y": 0}, {"id": "l2-eb", "x": 5, "y": 3}],
                    "lanes": [{"from": "l2-a", "to": "l2-ea"}, {"from": "l2-a", "to": "l2-eb"}]}],
                 "places": [], "chargers": [],
                 "elevators": [{"id": "E1", "name": "Lift", "cars": [
                   {"id": "E1-A", "levels": ["L1", "L2"], "doorWaypoints": {"L1": "l1-ea", "L2": "l2-ea"}, "capacityRobots": 1},
                   {"id": "E1-B", "levels": ["L1", "L2"], "doorWaypoints": {"L1": "l1-eb", "L2": "l2-eb"}, "capacityRobots": 1}]}]}
                """;
        return SiteFormat.read(json.getBytes(StandardCharsets.UTF_8), "tower.json");
    }

    /** A controller of {@code car} whose last will is an OFFLINE state on its own state topic. */
    public static TestLiftController create(Vertx vertx, String site, String car, String username, String password) {
        return new TestLiftController(vertx, site, car, username, password, LiftTopic.state(site, car).toString());
    }

    /** A controller whose will is on {@code willTopic}, or that has none when it is null. */
    public static TestLiftController withWill(Vertx vertx, String site, String car, String username, String password,
                                              String willTopic) {
        return new TestLiftController(vertx, site, car, username, password, willTopic);
    }

    /** Connects; returns the CONNACK code instead of failing, so refusals can be asserted. */
    public MqttConnectReturnCode connect(int port) {
        return Await.connack(client.connect(port, "127.0.0.1"));
    }

    /** Connects and subscribes to the car's own request topic, as a real controller does. */
    public void connectAndListen(int port) {
        MqttConnectReturnCode code = connect(port);
        if (code != MqttConnectReturnCode.CONNECTION_ACCEPTED) throw new AssertionError("CONNACK " + code);
        Await.result(client.subscribe(LiftTopic.request(site, car).toString(), 1));
    }

    /** This controller's car standing at {@code floor} with doors closed, floors L1 and L2. */
    public LiftState state(LiftMode mode, String floor, String session) {
        return state(car, mode, floor, session);
    }

    public static LiftState state(String car, LiftMode mode, String floor, String session) {
        return new LiftState(Instant.now(), car, List.of("L1", "L2"), floor, "", LiftDoorState.CLOSED,
                LiftMotionState.STOPPED, List.of(LiftMode.HUMAN, LiftMode.AGV), mode, session, 0, List.of());
    }

    /** Waits for the first lift request the server sent this controller. */
    public LiftRequest awaitRequest() {
        Await.until("a lift request at the controller of " + car, Duration.ofSeconds(5), () -> !requests.isEmpty());
        return requests.get(0);
    }

    /** Asks the tower's elevator E1 for a robot's ride, on the server's event loop as the server itself would. */
    public static Decision requestRide(TestServer server, String robot, String from, String to) {
        try {
            return server.server.onEventLoop(() -> CompletableFuture.completedFuture(server.server.elevators()
                    .manager("tower", "E1").orElseThrow().requestRide(new Rider(robot, "DELIVERY"), from, to)))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The latest state of the car that the elevators API shows, null until the car reported one. */
    public static JsonObject stateInApi(TestServer server, String site, String car) {
        return server.get("/api/v1/sites/" + site + "/elevators", server.operatorToken).bodyAsJsonObject()
                .getJsonArray("elevators").stream().map(JsonObject.class::cast)
                .flatMap(e -> e.getJsonArray("cars").stream().map(JsonObject.class::cast))
                .filter(c -> c.getString("id").equals(car)).findFirst()
                .orElseThrow(() -> new AssertionError("no car " + car + " at site " + site)).getJsonObject("state");
    }

    public void report(LiftState state) {
        publishRaw(LiftTopic.state(site, car).toString(), codec.encode(state));
    }

    public void publishRaw(String topic, byte[] payload) {
        Await.result(client.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false));
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        if (client.isConnected()) Await.result(client.disconnect());
    }
}
