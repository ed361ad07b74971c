package dev.provingground.server.support;

import dev.provingground.server.registry.Robot;
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

import dev.provingground.vda5050.Header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hand-driven VDA 5050 robot on a {@link VirtualServer}'s in-process link: publishes exactly what a test tells it
 * to, through the server's pipeline, and records what the server sends it. Each call returns once the server has
 * handled the message and what it sent back has arrived — the in-process counterpart of {@link TestRobot}.
 */
public final class InProcessRobot implements AutoCloseable {

    public final String manufacturer;
    public final String serialNumber;
    public final List<String> received = new CopyOnWriteArrayList<>();
    public final List<String> receivedTopics = new CopyOnWriteArrayList<>();
    private final VirtualServer server;
    private final String username;
    private final String password;
    private final HeaderCounter headers;
    private final Vda5050Codec codec = new Vda5050Codec();
    private Robot identity;
    private Duration clockAhead = Duration.ZERO;

    InProcessRobot(VirtualServer server, String manufacturer, String serialNumber, String username, String password) {
        this.server = server;
        this.manufacturer = manufacturer;
        this.serialNumber = serialNumber;
        this.username = username;
        this.password = password;
        this.headers = new HeaderCounter(manufacturer, serialNumber, server.clock());
    }

    /** Logs in; false when the registry refuses the credentials. */
    public boolean connect() {
        identity = server.onServer(() -> server.link().robots().connect(username, password, m -> {
            receivedTopics.add(TopicAddress.of(manufacturer, serialNumber, m.topic()).toString());
            received.add(new String(m.payload(), StandardCharsets.UTF_8));
        }).orElse(null));
        return identity != null;
    }

    public void connectOnline() {
        if (!connect()) throw new AssertionError(serialNumber + ": login refused");
        publish(Connection.create(ConnectionState.ONLINE));
    }

    /** From now on the robot's clock runs {@code ahead} of the server's (negative: behind), as its headers show. */
    public void runClockAhead(Duration ahead) {
        clockAhead = ahead;
    }

    public void publish(VdaMessage message) {
        Header header = headers.next(message.topic());
        if (!clockAhead.isZero() && header.timestamp() != null)
            header = new Header(header.headerId(), header.timestamp().plus(clockAhead), header.version(),
                    header.manufacturer(), header.serialNumber());
        VdaMessage stamped = message.withHeader(header);
        byte[] bytes = codec.encode(stamped);
        server.onServer(() -> server.link().robots().fromRobot(identity, message.topic(), bytes));
        server.settle();
    }

    /** Publishes bytes as they are, unchecked: what a robot with a bug in its encoder would send. */
    public void publishRaw(Topic topic, byte[] payload) {
        server.onServer(() -> server.link().robots().fromRobot(identity, topic, payload));
        server.settle();
    }

    /** A complete, valid state at (x, y) on level {@code mapId}. */
    public State state(String mapId, double x, double y, double battery) {
        return new State(0, null, null, manufacturer, serialNumber, List.of(), "", 0, null, "", 0, false, false, false,
                0.0, OperatingMode.AUTOMATIC, List.of(), List.of(), AgvPosition.of(x, y, 0, mapId),
                Velocity.of(0, 0, 0), List.of(), List.of(), BatteryState.of(battery, false), List.of(), List.of(),
                new SafetyState(EStop.NONE, false));
    }

    public void sendState(String mapId, double x, double y, double battery) {
        publish(state(mapId, x, y, battery));
    }

    public boolean isConnected() {
        return identity != null && server.onServer(() -> server.link().robots().isConnected(identity.id()));
    }

    /** A clean goodbye: OFFLINE, then DISCONNECT. */
    public void disconnectCleanly() {
        publish(Connection.create(ConnectionState.OFFLINE));
        server.onServer(() -> server.link().robots().disconnect(identity));
    }

    /** The link drops: the server acts on the CONNECTIONBROKEN will. */
    public void dropLink() {
        byte[] will = codec.encode(Connection.create(ConnectionState.CONNECTIONBROKEN).withHeader(headers.next(Topic.CONNECTION)));
        server.onServer(() -> server.link().robots().drop(identity, will));
        server.settle();
    }

    @Override
    public void close() {
        if (isConnected()) server.onServer(() -> server.link().robots().disconnect(identity));
    }
}
