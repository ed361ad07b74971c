package dev.provingground.server.mqtt;

import dev.provingground.server.ConflictException;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.TopicAddress;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The server as an MQTT client of an existing broker (Mosquitto, EMQX, HiveMQ): robots authenticate to the broker,
 * the server subscribes to every robot's robot-to-server topics and publishes orders. A lost broker is retried
 * until it is back; subscriptions are made again on every connect.
 */
public final class ExternalBrokerLink implements RobotLink {

    private static final Logger LOG = Logger.getLogger(ExternalBrokerLink.class.getName());

    private final Vertx vertx;
    private final MqttConfig config;
    private final RobotRegistry registry;
    private final InboundPipeline pipeline;
    private final RejectionLog rejections;
    private final Clock clock;
    private MqttClient client;
    private volatile boolean stopping;

    public ExternalBrokerLink(Vertx vertx, MqttConfig config, RobotRegistry registry, InboundPipeline pipeline,
                              RejectionLog rejections, Clock clock) {
        this.vertx = vertx;
        this.config = config;
        this.registry = registry;
        this.pipeline = pipeline;
        this.rejections = rejections;
        this.clock = clock;
    }

    @Override
    public Future<Void> start() {
        MqttClientOptions options = new MqttClientOptions()
                .setClientId(config.clientId())
                .setCleanSession(true)
                .setKeepAliveInterval(30)
                .setAutoKeepAlive(true)
                // Oversize robot messages must reach our own check (and be counted); the transport limit only
                // guards against absurd frames, since a decoder failure would drop the whole broker link.
                .setMaxMessageSize(Math.max(config.maxMessageSize() * 4, 4 * 1024 * 1024));
        if (config.username() != null) options.setUsername(config.username()).setPassword(config.password());
        client = MqttClient.create(vertx, options);
        client.publishHandler(this::onMessage);
        client.closeHandler(v -> {
            if (stopping) return;
            LOG.warning("lost the MQTT broker " + config.host() + ":" + config.port() + "; retrying every "
                    + config.reconnectMillis() + " ms");
            vertx.setTimer(config.reconnectMillis(), t -> reconnect());
        });
        // A broker that is down at start-up fails the start: better than a server that silently hears no robot.
        return connect();
    }

    private void reconnect() {
        if (stopping) return;
        connect().onFailure(e -> {
            LOG.warning("MQTT broker " + config.host() + ":" + config.port() + " not reachable: " + e.getMessage());
            vertx.setTimer(config.reconnectMillis(), t -> reconnect());
        });
    }

    private Future<Void> connect() {
        return client.connect(config.port(), config.host()).compose(ack -> {
            Map<String, Integer> topics = new LinkedHashMap<>();
            for (Topic t : Topic.values())
                if (t.robotPublishes()) topics.put("uagv/v2/+/+/" + t.wireName(), QosPolicy.forTopic(t).value());
            return client.subscribe(topics);
        }).map(id -> {
            LOG.info("connected to MQTT broker " + config.host() + ":" + config.port() + " as " + config.clientId());
            return null;
        });
    }

    private void onMessage(MqttPublishMessage msg) {
        String topicName = msg.topicName();
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
        pipeline.handle(new InboundMessage(address.get(), msg.payload().getBytes(), robot.get(), clock.instant(), false));
    }

    @Override
    public Future<Void> publish(Robot robot, Topic topic, byte[] payload) {
        if (client == null || !client.isConnected())
            return Future.failedFuture(new ConflictException("not connected to the MQTT broker"));
        String name = TopicAddress.of(robot.manufacturer(), robot.serialNumber(), topic).toString();
        return client.publish(name, Buffer.buffer(payload), QosPolicy.forTopic(topic), false, false).mapEmpty();
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
