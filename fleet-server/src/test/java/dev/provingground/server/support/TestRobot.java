package dev.provingground.server.support;

import dev.provingground.vda5050.AgvPosition;
import dev.provingground.vda5050.BatteryState;
import dev.provingground.vda5050.Connection;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.EStop;
import dev.provingground.vda5050.HeaderCounter;
import dev.provingground.vda5050.OperatingMode;
import dev.provingground.vda5050.SafetyState;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.TopicAddress;
import dev.provingground.vda5050.Vda5050Codec;
import dev.provingground.vda5050.VdaMessage;
import dev.provingground.vda5050.Velocity;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hand-driven VDA 5050 robot for the server's tests: a real MQTT client on loopback that publishes exactly what
 * a test tells it to, including garbage, and records what the server sends it.
 */
public final class TestRobot implements AutoCloseable {

    public final String manufacturer;
    public final String serialNumber;
    public final MqttClient client;
    public final List<String> received = new CopyOnWriteArrayList<>();
    public final List<String> receivedTopics = new CopyOnWriteArrayList<>();
    private final HeaderCounter headers;
    private final Vda5050Codec codec = new Vda5050Codec();

    private TestRobot(Vertx vertx, String manufacturer, String serialNumber, String username, String password,
                      int keepAliveSeconds, boolean will) {
        this.manufacturer = manufacturer;
        this.serialNumber = serialNumber;
        this.headers = new HeaderCounter(manufacturer, serialNumber);
        MqttClientOptions options = new MqttClientOptions().setClientId(manufacturer + "-" + serialNumber)
                .setKeepAliveInterval(keepAliveSeconds).setMaxMessageSize(4 * 1024 * 1024)
                // Tests publish bursts (a robot's backfill) faster than acknowledgements come back on a fast machine.
                .setMaxInflightQueue(1_000);
        if (username != null) options.setUsername(username).setPassword(password);
        if (will) {
            options.setWillFlag(true).setWillQoS(1).setWillTopic(topic(Topic.CONNECTION))
                    .setWillMessageBytes(Buffer.buffer(codec.encode(
                            Connection.create(ConnectionState.CONNECTIONBROKEN).withHeader(headers.next(Topic.CONNECTION)))));
        }
        this.client = MqttClient.create(vertx, options);
        client.publishHandler(m -> {
            receivedTopics.add(m.topicName());
            received.add(m.payload().toString());
        });
    }

    public static TestRobot create(Vertx vertx, String manufacturer, String serialNumber, String username,
                                   String password) {
        return new TestRobot(vertx, manufacturer, serialNumber, username, password, 30, true);
    }

    public static TestRobot create(Vertx vertx, String manufacturer, String serialNumber, String username,
                                   String password, int keepAliveSeconds) {
        return new TestRobot(vertx, manufacturer, serialNumber, username, password, keepAliveSeconds, true);
    }

    /** Connects; returns the broker's CONNACK code instead of failing, so refusals can be asserted. */
    public MqttConnectReturnCode connect(int port) {
        return Await.connack(client.connect(port, "127.0.0.1"));
    }

    public void connectOnline(int port) {
        MqttConnectReturnCode code = connect(port);
        if (code != MqttConnectReturnCode.CONNECTION_ACCEPTED) throw new AssertionError("CONNACK " + code);
        Await.result(client.subscribe(topic(Topic.ORDER), 0));
        Await.result(client.subscribe(topic(Topic.INSTANT_ACTIONS), 0));
        publish(Connection.create(ConnectionState.ONLINE));
    }

    public String topic(Topic t) {
        return TopicAddress.of(manufacturer, serialNumber, t).toString();
    }

    public void publish(VdaMessage message) {
        VdaMessage stamped = message.withHeader(headers.next(message.topic()));
        publishRaw(topic(message.topic()), codec.encode(stamped));
    }

    public void publishRaw(String topic, byte[] payload) {
        Await.result(client.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false));
    }

    /** A complete, valid state at (x, y) on level {@code mapId}. */
    public State state(String mapId, double x, double y, double battery) {
        return new State(0, null, null, manufacturer, serialNumber, List.of(), "", 0, null, "", 0, false, false, false,
                0.0, OperatingMode.AUTOMATIC, List.of(), List.of(), AgvPosition.of(x, y, 0, mapId),
                Velocity.of(0, 0, 0), List.of(), List.of(), BatteryState.of(battery, false), List.of(), List.of(),
                new SafetyState(EStop.NONE, false));
    }

    /**
     * A valid state on level L1 whose {@code agvPosition.x} is the JSON text {@code x} written verbatim, so tests can
     * send what no encoder writes: {@code 1e400}, {@code NaN}, {@code 1e308}.
     */
    public byte[] stateWithRawX(String x) {
        String json = new String(codec.encode(state("L1", 12345.5, 15, 90).withHeader(headers.next(Topic.STATE))),
                java.nio.charset.StandardCharsets.UTF_8);
        if (!json.contains("\"x\":12345.5")) throw new AssertionError("x not written as expected: " + json);
        return json.replace("\"x\":12345.5", "\"x\":" + x).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public void sendState(String mapId, double x, double y, double battery) {
        publish(state(mapId, x, y, battery));
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** A clean goodbye: OFFLINE, then DISCONNECT. */
    public void disconnectCleanly() {
        publish(Connection.create(ConnectionState.OFFLINE));
        Await.result(client.disconnect());
    }

    @Override
    public void close() {
        if (client.isConnected()) Await.result(client.disconnect());
    }
}
