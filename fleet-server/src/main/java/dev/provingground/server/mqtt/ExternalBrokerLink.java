package dev.provingground.server.mqtt;

import dev.provingground.server.errors.ConflictException;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.server.time.Scheduler;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.TopicAddress;
import io.netty.handler.codec.mqtt.MqttQoS;
import dev.provingground.server.lanes.RobotLanes;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The server as an MQTT client of an existing broker (Mosquitto, EMQX, HiveMQ): robots authenticate to the broker,
 * the server subscribes to every robot's robot-to-server topics and publishes orders. Other topic families (elevator
 * states) ride the same broker session through {@link #route}. A lost broker is retried until it is back;
 * subscriptions are made again on every connect.
 */
public final class ExternalBrokerLink implements RobotTransport {

    private static final Logger LOG = Logger.getLogger(ExternalBrokerLink.class.getName());

    private final Vertx vertx;
    private final MqttConfig config;
    private final RobotRegistry registry;
    private final InboundPipeline pipeline;
    private final RejectionLog rejections;
    private final Clock clock;
    private final Scheduler scheduler;
    private final RobotLanes lanes;
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private MqttClient client;
    /** Where the client was started, and so where it is written. */
    private Context clientContext;
    private volatile boolean stopping;

    private record Route(MqttQoS qos, Consumer<MqttPublishMessage> handler) {
    }

    /** @param lanes where each robot's messages are handled, in the order they arrived */
    public ExternalBrokerLink(Vertx vertx, MqttConfig config, RobotRegistry registry, InboundPipeline pipeline,
                              RejectionLog rejections, Clock clock, Scheduler scheduler, RobotLanes lanes) {
        this.vertx = vertx;
        this.lanes = lanes;
        this.config = config;
        this.registry = registry;
        this.pipeline = pipeline;
        this.rejections = rejections;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** How the server logs in to an external broker, alone or as a cluster node. */
    public static MqttClientOptions clientOptions(MqttConfig config) {
        MqttClientOptions options = new MqttClientOptions()
                .setClientId(config.clientId())
                .setCleanSession(true)
                .setKeepAliveInterval(30)
                .setAutoKeepAlive(true)
                // Oversize robot messages must reach our own check (and be counted); the transport limit only
                // guards against absurd frames, since a decoder failure would drop the whole broker link.
                .setMaxMessageSize(Math.max(config.maxMessageSize() * 4, 4 * 1024 * 1024));
        if (config.username() != null) options.setUsername(config.username()).setPassword(config.password());
        return options;
    }

    @Override
    public Future<Void> start() {
        clientContext = Vertx.currentContext();
        client = MqttClient.create(vertx, clientOptions(config));
        client.publishHandler(this::onMessage);
        client.closeHandler(v -> {
            if (stopping) return;
            LOG.warning("lost the MQTT broker " + config.host() + ":" + config.port() + "; retrying every "
                    + config.reconnectMillis() + " ms");
            scheduler.once(Duration.ofMillis(config.reconnectMillis()), this::reconnect);
        });
        // A broker that is down at start-up fails the start: better than a server that silently hears no robot.
        return connect();
    }

    private void reconnect() {
        if (stopping) return;
        connect().onFailure(e -> {
            LOG.warning("MQTT broker " + config.host() + ":" + config.port() + " not reachable: " + e.getMessage());
            scheduler.once(Duration.ofMillis(config.reconnectMillis()), this::reconnect);
        });
    }

    private Future<Void> connect() {
        return client.connect(config.port(), config.host()).compose(ack -> {
            Map<String, Integer> topics = new LinkedHashMap<>();
            for (Topic t : Topic.values())
                if (t.robotPublishes()) topics.put("uagv/v2/+/+/" + t.wireName(), QosPolicy.forTopic(t).value());
            routes.forEach((filter, route) -> topics.put(filter, route.qos().value()));
            return client.subscribe(topics);
        }).map(id -> {
            LOG.info("connected to MQTT broker " + config.host() + ":" + config.port() + " as " + config.clientId());
            return null;
        });
    }

    /**
     * Also subscribes to {@code filter} (a topic filter with {@code +} wildcards) and hands what arrives on it to
     * {@code handler} instead of the robot pipeline. Call before {@link #start()}.
     */
    public void route(String filter, MqttQoS qos, Consumer<MqttPublishMessage> handler) {
        routes.put(filter, new Route(qos, handler));
    }

    private void onMessage(MqttPublishMessage msg) {
        String topicName = msg.topicName();
        for (Map.Entry<String, Route> r : routes.entrySet()) {
            if (matches(r.getKey(), topicName)) {
                r.getValue().handler().accept(msg);
                return;
            }
        }
        Optional<TopicAddress> address = TopicAddress.parse(topicName);
        if (address.isEmpty() || !address.get().topic().robotPublishes()) {
            rejections.reject(Rejection.UNKNOWN_TOPIC, "broker", "topic " + topicName);
            return;
        }
        Optional<Robot> robot = registry.findByAddress(address.get().manufacturer(), address.get().serialNumber());
        if (robot.isEmpty()) {
            rejections.reject(Rejection.UNKNOWN_ROBOT, address.get().manufacturer() + "/" + address.get().serialNumber(),
                    "topic " + topicName);
            return;
        }
        InboundMessage inbound = new InboundMessage(address.get(), msg.payload().getBytes(), robot.get(), clock.instant(),
                false);
        lanes.run(robot.get().id(), () -> pipeline.handle(inbound));
    }

    static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        if (f.length != t.length) return false;
        for (int i = 0; i < f.length; i++)
            if (!f[i].equals("+") && !f[i].equals(t[i])) return false;
        return true;
    }

    @Override
    public Future<Void> publish(Robot robot, Topic topic, byte[] payload) {
        String name = TopicAddress.of(robot.manufacturer(), robot.serialNumber(), topic).toString();
        return publish(name, payload, QosPolicy.forTopic(topic));
    }

    /** Publishes on any topic of the broker, not retained. */
    public Future<Void> publish(String topicName, byte[] payload, MqttQoS qos) {
        // Whoever publishes, the client is written on the context it was started on.
        return RobotLanes.onContext(clientContext, () -> {
            if (client == null || !client.isConnected())
                return Future.failedFuture(new ConflictException("not connected to the MQTT broker"));
            return client.publish(topicName, Buffer.buffer(payload), qos, false, false).mapEmpty();
        });
    }

    @Override
    public int port() {
        return config.port();
    }

    @Override
    public Future<Void> stop() {
        stopping = true;
        if (client == null || !client.isConnected()) return Future.succeededFuture();
        return client.disconnect();
    }
}
