package dev.provingground.sim.robot;

import dev.provingground.sim.link.MqttTarget;
import dev.provingground.vda5050.Connection;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.HeaderCounter;
import dev.provingground.vda5050.InstantActions;
import dev.provingground.vda5050.Order;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.TopicAddress;
import dev.provingground.vda5050.Vda5050Codec;
import dev.provingground.vda5050.VdaMessage;
import dev.provingground.vda5050.Visualization;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;

import java.time.Clock;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A simulated robot's MQTT side, as a real VDA 5050 vehicle does it: connects with a last will of
 * {@code CONNECTIONBROKEN} on its connection topic, announces {@code ONLINE}, subscribes to its {@code order} and
 * {@code instantActions}, and publishes its state periodically and on events. {@code OFFLINE} before a clean stop.
 */
public final class SimRobotClient {

    private static final Logger LOG = Logger.getLogger(SimRobotClient.class.getName());

    private final Vertx vertx;
    private final SimRobot robot;
    private final SimRobotSpec spec;
    private final Vda5050Codec codec;
    private final HeaderCounter headers;
    private final Clock clock;
    private final int keepAliveSeconds;
    private MqttClient client;
    private volatile boolean connected;
    private volatile boolean stopping;
    private MqttTarget target;
    /** Pause between attempts to get a lost link back, as a robot's firmware would retry. */
    static final long RECONNECT_MILLIS = 1000;

    public SimRobotClient(Vertx vertx, SimRobot robot, SimRobotSpec spec, Vda5050Codec codec, Clock clock,
                          int keepAliveSeconds) {
        this.vertx = vertx;
        this.robot = robot;
        this.spec = spec;
        this.codec = codec;
        this.clock = clock;
        this.headers = new HeaderCounter(spec.manufacturer(), spec.serialNumber(), clock);
        this.keepAliveSeconds = keepAliveSeconds;
    }

    public SimRobot robot() {
        return robot;
    }

    public Future<Void> connect(String host, int port) {
        return connect(MqttTarget.plain(host, port));
    }

    /** Connects to {@code target}, plain or over TLS, and keeps reconnecting there whenever the link is lost. */
    public Future<Void> connect(MqttTarget target) {
        this.target = target;
        Connection will = Connection.create(ConnectionState.CONNECTIONBROKEN).withHeader(headers.next(Topic.CONNECTION));
        MqttClientOptions options = new MqttClientOptions()
                .setClientId(spec.manufacturer() + "-" + spec.serialNumber())
                .setCleanSession(true)
                .setKeepAliveInterval(keepAliveSeconds)
                .setAutoKeepAlive(true)
                .setMaxMessageSize(256 * 1024)
                .setWillFlag(true)
                .setWillTopic(topic(Topic.CONNECTION))
                .setWillMessageBytes(Buffer.buffer(codec.encode(will)))
                .setWillQoS(1);
        if (spec.username() != null) options.setUsername(spec.username()).setPassword(spec.password());
        client = MqttClient.create(vertx, target.applyTo(options));
        client.publishHandler(this::onMessage);
        client.closeHandler(v -> {
            if (connected) LOG.info(spec.serialNumber() + ": MQTT link closed; reconnecting");
            connected = false;
            if (!stopping) vertx.setTimer(RECONNECT_MILLIS, t -> reconnect());
        });
        return session();
    }

    /** Connects, subscribes, announces ONLINE and reports the state: at start and after every lost link. */
    private Future<Void> session() {
        return client.connect(target.port(), target.host())
                .compose(ack -> client.subscribe(Map.of(topic(Topic.ORDER), 0, topic(Topic.INSTANT_ACTIONS), 0)))
                .compose(id -> {
                    connected = true;
                    return publish(Connection.create(ConnectionState.ONLINE));
                })
                .compose(v -> publishState());
    }

    private void reconnect() {
        if (stopping || client.isConnected()) return;
        session().onFailure(e -> {
            if (!stopping) vertx.setTimer(RECONNECT_MILLIS, t -> reconnect());
        });
    }

    private void onMessage(MqttPublishMessage msg) {
        try {
            var address = TopicAddress.parse(msg.topicName()).orElse(null);
            if (address == null) return;
            if (address.topic() == Topic.ORDER) robot.accept(codec.decode(Order.class, msg.payload().getBytes()));
            else if (address.topic() == Topic.INSTANT_ACTIONS) {
                InstantActions actions = codec.decode(InstantActions.class, msg.payload().getBytes());
                robot.instantActions(actions);
                if (actions.actions().stream().anyMatch(a -> a.actionType().equals("factsheetRequest")))
                    publish(robot.profile().factsheet());
            }
        } catch (RuntimeException e) {
            LOG.warning(spec.serialNumber() + ": ignored message on " + msg.topicName() + ": " + e.getMessage());
        }
    }

    public Future<Void> publishState() {
        return publish(robot.state());
    }

    public Future<Void> publishVisualization() {
        return publish(Visualization.create(robot.agvPosition(), robot.velocity()));
    }

    private Future<Void> publish(VdaMessage message) {
        if (client == null || !client.isConnected()) return Future.succeededFuture();
        VdaMessage stamped = message.withHeader(headers.next(message.topic()));
        return client.publish(topic(message.topic()), Buffer.buffer(codec.encode(stamped)),
                message.topic() == Topic.CONNECTION ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE, false, false)
                .mapEmpty();
    }

    private String topic(Topic t) {
        return TopicAddress.of(spec.manufacturer(), spec.serialNumber(), t).toString();
    }

    public boolean isConnected() {
        return connected && client != null && client.isConnected();
    }

    /** Clean stop: {@code OFFLINE}, then DISCONNECT, so the server does not act on the will. */
    public Future<Void> disconnect() {
        stopping = true;
        if (client == null || !client.isConnected()) return Future.succeededFuture();
        connected = false;
        Connection offline = Connection.create(ConnectionState.OFFLINE);
        return client.publish(topic(Topic.CONNECTION), Buffer.buffer(codec.encode(offline.withHeader(headers.next(Topic.CONNECTION)))),
                        MqttQoS.AT_LEAST_ONCE, false, false)
                .compose(id -> client.disconnect());
    }
}
