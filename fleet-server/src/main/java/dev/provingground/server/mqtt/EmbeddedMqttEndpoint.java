package dev.provingground.server.mqtt;

import dev.provingground.server.ConflictException;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.TopicAddress;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttAuth;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import io.vertx.mqtt.MqttTopicSubscription;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The server's own MQTT endpoint for VDA 5050 robots: a protocol adapter, not a general broker. Each robot logs in
 * with its own credentials, may publish only its own robot-to-server topics and subscribe only to its own
 * {@code order}/{@code instantActions}; its last will is acted on when its link drops without DISCONNECT.
 */
public final class EmbeddedMqttEndpoint implements RobotLink {

    private static final Logger LOG = Logger.getLogger(EmbeddedMqttEndpoint.class.getName());

    private final Vertx vertx;
    private final MqttConfig config;
    private final RobotRegistry registry;
    private final InboundPipeline pipeline;
    private final RejectionLog rejections;
    private final Clock clock;
    private final Map<String, RobotConnection> connections = new ConcurrentHashMap<>();
    private MqttServer server;

    public EmbeddedMqttEndpoint(Vertx vertx, MqttConfig config, RobotRegistry registry, InboundPipeline pipeline,
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
        MqttServerOptions options = new MqttServerOptions()
                .setHost(config.host())
                .setPort(config.port())
                // The configured limit is enforced per message in the pipeline, where a robot that sent one
                // oversize state is refused and counted but stays connected; the transport only stops frames so
                // large that reading them is itself the harm (and closes that connection).
                .setMaxMessageSize(transportLimit(config.maxMessageSize()))
                .setTimeoutOnConnect(10);
        server = MqttServer.create(vertx, options);
        server.endpointHandler(this::onConnect);
        server.exceptionHandler(e -> LOG.fine(() -> "MQTT transport error: " + e));
        return server.listen().map(s -> {
            LOG.info("MQTT endpoint for robots on " + config.host() + ":" + s.actualPort()
                    + " (max message " + config.maxMessageSize() + " bytes)");
            return null;
        });
    }

    /** The robot may have gone already; closing twice is not an error here. */
    private static void closeQuietly(MqttEndpoint endpoint) {
        try {
            if (endpoint.isConnected()) endpoint.close();
        } catch (IllegalArgumentException | IllegalStateException alreadyClosed) {
            LOG.finest("endpoint already closed");
        }
    }

    static int transportLimit(int maxMessageSize) {
        return Math.max(maxMessageSize * 4, 1024 * 1024);
    }

    private static boolean isTooLong(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof io.netty.handler.codec.TooLongFrameException) return true;
        return false;
    }

    @Override
    public int port() {
        return server == null ? config.port() : server.actualPort();
    }

    private void onConnect(MqttEndpoint endpoint) {
        MqttAuth auth = endpoint.auth();
        String who = endpoint.clientIdentifier() + "@" + endpoint.remoteAddress();
        Optional<Robot> robot = auth == null ? Optional.empty()
                : registry.authenticateMqtt(auth.getUsername(), auth.getPassword());
        if (robot.isEmpty()) {
            rejections.reject(Rejection.AUTH_FAILED, who, "username " + (auth == null ? "(none)" : "\"" + auth.getUsername() + "\""));
            endpoint.reject(endpoint.protocolVersion() == 5 ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                    : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
            return;
        }
        Robot r = robot.get();
        String ownConnectionTopic = TopicAddress.of(r.manufacturer(), r.serialNumber(), Topic.CONNECTION).toString();
        if (endpoint.will() != null && endpoint.will().isWillFlag()
                && !ownConnectionTopic.equals(endpoint.will().getWillTopic())) {
            rejections.reject(Rejection.WILL_NOT_ALLOWED, r.id(), "will topic " + endpoint.will().getWillTopic()
                    + ", allowed only " + ownConnectionTopic);
            endpoint.reject(endpoint.protocolVersion() == 5 ? MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5
                    : MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
            return;
        }

        RobotConnection conn = new RobotConnection(r, endpoint);
        RobotConnection previous = connections.put(r.id(), conn);
        if (previous != null) {
            // MQTT: a second connection with the same identity takes over; the old one is closed without its will.
            previous.replaced = true;
            closeQuietly(previous.endpoint);
        }
        endpoint.publishAutoAck(true);
        endpoint.subscriptionAutoAck(false);
        endpoint.publishHandler(msg -> onPublish(conn, msg.topicName(), msg.payload()));
        endpoint.subscribeHandler(sub -> {
            List<MqttQoS> granted = new ArrayList<>();
            for (MqttTopicSubscription s : sub.topicSubscriptions()) {
                if (conn.maySubscribe(s.topicName())) {
                    conn.subscribed(s.topicName());
                    granted.add(s.qualityOfService() == MqttQoS.EXACTLY_ONCE ? MqttQoS.AT_LEAST_ONCE : s.qualityOfService());
                } else {
                    rejections.reject(Rejection.SUBSCRIPTION_NOT_ALLOWED, r.id(), "filter " + s.topicName());
                    granted.add(MqttQoS.FAILURE);
                }
            }
            endpoint.subscribeAcknowledge(sub.messageId(), granted);
        });
        endpoint.unsubscribeHandler(unsub -> {
            unsub.topics().forEach(conn::unsubscribed);
            endpoint.unsubscribeAcknowledge(unsub.messageId());
        });
        endpoint.disconnectMessageHandler(d -> conn.disconnectedCleanly =
                d.code() != MqttDisconnectReasonCode.WITH_WILL_MESSAGE);
        endpoint.exceptionHandler(e -> {
            if (isTooLong(e)) rejections.reject(Rejection.OVERSIZE, r.id(), "frame over the transport limit of "
                    + transportLimit(config.maxMessageSize()) + " bytes; connection closed");
            else LOG.fine(() -> r.id() + ": " + e);
        });
        endpoint.closeHandler(v -> onClose(conn));
        endpoint.accept(false);
        LOG.fine(() -> r.id() + " connected from " + endpoint.remoteAddress() + ", keepalive "
                + endpoint.keepAliveTimeSeconds() + " s");
    }

    private void onPublish(RobotConnection conn, String topicName, Buffer payload) {
        Optional<TopicAddress> address = TopicAddress.parse(topicName);
        if (address.isEmpty()) {
            rejections.reject(Rejection.UNKNOWN_TOPIC, conn.robot.id(), "topic " + topicName);
            return;
        }
        if (!conn.mayPublish(address.get())) {
            rejections.reject(Rejection.TOPIC_NOT_ALLOWED, conn.robot.id(), "topic " + topicName);
            return;
        }
        pipeline.handle(new InboundMessage(address.get(), payload.getBytes(), conn.robot, clock.instant(), false));
    }

    private void onClose(RobotConnection conn) {
        connections.remove(conn.robot.id(), conn);
        if (conn.replaced) return;
        var before = registry.status(conn.robot.id());
        if (conn.disconnectedCleanly) {
            // A robot should say OFFLINE before it disconnects; if it did not, the server still knows it left.
            if (before != null && before.connection() == ConnectionState.ONLINE)
                registry.applyConnection(conn.robot.id(), ConnectionState.OFFLINE, clock.instant());
            return;
        }
        var will = conn.endpoint.will();
        if (will != null && will.isWillFlag()) {
            TopicAddress.parse(will.getWillTopic()).ifPresent(address -> pipeline.handle(
                    new InboundMessage(address, will.getWillMessageBytes(), conn.robot, clock.instant(), true)));
        }
        // With or without a usable will, the server saw the link drop: the robot is not cleanly offline.
        var status = registry.status(conn.robot.id());
        if (status != null && status.connection() == ConnectionState.ONLINE)
            registry.applyConnection(conn.robot.id(), ConnectionState.CONNECTIONBROKEN, clock.instant());
    }

    @Override
    public Future<Void> publish(Robot robot, Topic topic, byte[] payload) {
        RobotConnection conn = connections.get(robot.id());
        if (conn == null)
            return Future.failedFuture(new ConflictException("robot " + robot.id() + " is not connected"));
        if (!conn.receives(topic))
            return Future.failedFuture(new ConflictException("robot " + robot.id() + " has not subscribed to "
                    + topic.wireName()));
        String name = TopicAddress.of(robot.manufacturer(), robot.serialNumber(), topic).toString();
        return conn.endpoint.publish(name, Buffer.buffer(payload), QosPolicy.forTopic(topic), false, false).mapEmpty();
    }

    public boolean isConnected(String robotId) {
        return connections.containsKey(robotId);
    }

    @Override
    public Future<Void> stop() {
        if (server == null) return Future.succeededFuture();
        // Robots see a normal end of the server; their state becomes OFFLINE once they are gone.
        for (RobotConnection c : connections.values()) {
            c.replaced = true;
            closeQuietly(c.endpoint);
            registry.applyConnection(c.robot.id(), ConnectionState.OFFLINE, clock.instant());
        }
        connections.clear();
        return server.close();
    }
}
