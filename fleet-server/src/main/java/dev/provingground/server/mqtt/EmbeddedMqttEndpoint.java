package dev.provingground.server.mqtt;

import dev.provingground.server.auth.LoginGuard;
import dev.provingground.server.errors.ConflictException;
import dev.provingground.server.errors.PortInUseException;
import dev.provingground.server.lanes.RobotLanes;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.config.TlsConfig;
import io.vertx.core.net.PemKeyCertOptions;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotListener;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.TopicAddress;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttAuth;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * The server's own MQTT endpoint for VDA 5050 robots: a protocol adapter, not a general broker. Each robot logs in
 * with its own credentials, may publish only its own robot-to-server topics and subscribe only to its own
 * {@code order}/{@code instantActions}; its last will is acted on when its link drops without DISCONNECT. Elevator
 * car controllers share the port: their logins ({@code lift:...}) are handed to {@link LiftControllerEndpoint}.
 */
public final class EmbeddedMqttEndpoint implements RobotTransport {

    private static final Logger LOG = Logger.getLogger(EmbeddedMqttEndpoint.class.getName());

    private final Vertx vertx;
    private final MqttConfig config;
    private final RobotRegistry registry;
    private final InboundPipeline pipeline;
    private final RejectionLog rejections;
    private final Clock clock;
    private final LoginGuard logins;
    private final RobotLanes lanes;
    private LiftControllerEndpoint lifts;
    private BackfillInbound backfill;
    private final Map<String, RobotConnection> connections = new ConcurrentHashMap<>();
    /** One per lane, sharing the port, so connections are read on every lane; one on the server's context otherwise. */
    private final List<MqttServer> servers = new CopyOnWriteArrayList<>();
    private TlsConfig tls = TlsConfig.none();

    /** @param lanes where each robot's messages are handled, in the order they arrived */
    public EmbeddedMqttEndpoint(Vertx vertx, MqttConfig config, RobotRegistry registry, InboundPipeline pipeline,
                                RejectionLog rejections, LoginGuard logins, Clock clock, RobotLanes lanes) {
        this.vertx = vertx;
        this.lanes = lanes;
        this.logins = logins;
        this.config = config;
        this.registry = registry;
        this.pipeline = pipeline;
        this.rejections = rejections;
        this.clock = clock;
        registry.addListener(new RobotListener() {
            @Override
            public void credentialsRotated(Robot robot) {
                closeSessionOf(robot.id(), "its MQTT password was rotated");
            }
        });
    }

    /** Closes the robot's session, if it has one; it must log in again, and only the current password will do. */
    void closeSessionOf(String robotId, String why) {
        RobotConnection conn = connections.get(robotId);
        if (conn == null) return;
        LOG.info(robotId + " disconnected: " + why);
        conn.closeQuietly();
    }

    /** From now on logins named {@code lift:...} are elevator controllers; until then they are refused. */
    public void acceptLiftControllers(LiftControllerEndpoint lifts) {
        this.lifts = lifts;
    }

    /** From now on a robot may publish its {@code stateBackfill}; until then that topic is refused. */
    public void acceptBackfill(BackfillInbound backfill) {
        this.backfill = backfill;
    }

    /** From the next start on, robots and lift controllers connect over TLS (MQTTS) with this certificate. */
    public void serveTls(TlsConfig tls) {
        this.tls = tls;
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
        if (tls.enabled()) options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(tls.certFile().toString()).setKeyPath(tls.keyFile().toString()));
        List<Context> where = lanes.contexts().isEmpty() ? List.of(Vertx.currentContext()) : lanes.contexts();
        // Every server listens on the same port and Vert.x hands each new connection to one of them in turn: a
        // connection is read and written on its server's lane. A negative port is Vert.x's way of sharing one free
        // port among servers, as port 0 is for one.
        int shared = config.port() == 0 ? -1 : config.port();
        Future<Integer> all = Future.succeededFuture();
        for (Context lane : where) all = all.compose(ignored -> listenOn(lane, options, shared));
        return all.<Void>map(port -> {
            LOG.info("MQTT endpoint for robots and lift controllers on " + (tls.enabled() ? "mqtts://" : "mqtt://")
                    + config.host() + ":" + port + " (max message " + config.maxMessageSize() + " bytes, read on "
                    + servers.size() + " event loop" + (servers.size() == 1 ? "" : "s") + ")");
            return null;
        }).recover(e -> closeServers().transform(closed -> Future.failedFuture(PortInUseException.isAddressInUse(e)
                ? new PortInUseException("MQTT", config.host(), config.port(), "--mqtt-port or mqtt.port (PG_MQTT_PORT)")
                : e)));
    }

    /** Starts one server on {@code context}; completes with the port it listens on. */
    private Future<Integer> listenOn(Context context, MqttServerOptions options, int port) {
        return RobotLanes.onContext(context, () -> {
            MqttServer server = MqttServer.create(vertx, new MqttServerOptions(options).setPort(port));
            server.endpointHandler(this::onConnect);
            server.exceptionHandler(e -> LOG.fine(() -> "MQTT transport error: " + e));
            servers.add(server);
            return server.listen().map(MqttServer::actualPort);
        });
    }

    private Future<Void> closeServers() {
        List<Future<Void>> closed = new ArrayList<>();
        for (MqttServer s : servers) closed.add(s.close());
        servers.clear();
        return Future.join(closed).mapEmpty();
    }

    static int transportLimit(int maxMessageSize) {
        return Math.max(maxMessageSize * 4, 1024 * 1024);
    }

    @Override
    public int port() {
        return servers.isEmpty() ? config.port() : servers.get(0).actualPort();
    }

    private void onConnect(MqttEndpoint endpoint) {
        // Everything before the password check is cheap and keeps nothing of the CONNECT: a flood of failed logins
        // (however long their fields) costs only counters and the throttle's entry for its address.
        String address = endpoint.remoteAddress() == null ? "unknown" : endpoint.remoteAddress().hostAddress();
        Duration blocked = logins.admit(LoginGuard.Kind.MQTT_PASSWORD, address);
        if (!blocked.isZero()) {
            rejections.reject(Rejection.LOGIN_BLOCKED, address, "blocked for another " + blocked.toMillis() + " ms");
            endpoint.reject(endpoint.protocolVersion() == 5
                    ? MqttConnectReturnCode.CONNECTION_REFUSED_CONNECTION_RATE_EXCEEDED
                    : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);
            return;
        }
        String tooLong = ConnectBounds.problem(endpoint);
        if (tooLong != null) {
            logins.failed(LoginGuard.Kind.MQTT_PASSWORD, address, tooLong);
            rejections.rejectLogin(Rejection.CONNECT_FIELD_TOO_LONG, tooLong + " from " + address);
            endpoint.reject(ConnectBounds.refusal(endpoint));
            return;
        }
        MqttAuth auth = endpoint.auth();
        String who = ConnectBounds.shown(endpoint.clientIdentifier()) + "@" + address;
        if (lifts != null && LiftControllerEndpoint.isLiftLogin(auth)) {
            var lift = lifts.authenticate(auth);
            if (lift.isEmpty()) {
                refuseLogin(endpoint, address, who, auth);
                return;
            }
            if (atConnectionLimit(endpoint, address, false)) return;
            lifts.onConnect(endpoint, lift.get());
            return;
        }
        Optional<Robot> robot = auth == null ? Optional.empty()
                : registry.authenticateMqtt(auth.getUsername(), auth.getPassword());
        if (robot.isEmpty()) {
            refuseLogin(endpoint, address, who, auth);
            return;
        }
        if (atConnectionLimit(endpoint, address, connections.containsKey(robot.get().id()))) return;
        Robot r = robot.get();
        String ownConnectionTopic = TopicAddress.of(r.manufacturer(), r.serialNumber(), Topic.CONNECTION).toString();
        if (endpoint.will() != null && endpoint.will().isWillFlag()
                && !ownConnectionTopic.equals(endpoint.will().getWillTopic())) {
            rejections.rejectRobot(Rejection.WILL_NOT_ALLOWED, r.id(), endpoint.will().getWillTopic(), "will topic " + endpoint.will().getWillTopic()
                    + ", allowed only " + ownConnectionTopic);
            ClientConnection.refuseNotAuthorized(endpoint);
            return;
        }

        RobotConnection conn = new RobotConnection(r, endpoint);
        conn.replaces(connections.put(r.id(), conn));
        conn.accept((topic, payload) -> onPublish(conn, topic, payload), () -> onClose(conn), rejections,
                transportLimit(config.maxMessageSize()));
        LOG.fine(() -> r.id() + " connected from " + endpoint.remoteAddress() + ", keepalive "
                + endpoint.keepAliveTimeSeconds() + " s");
    }

    private void refuseLogin(MqttEndpoint endpoint, String address, String who, MqttAuth auth) {
        String username = auth == null || auth.getUsername() == null ? "(none)" : "\"" + auth.getUsername() + "\"";
        logins.failed(LoginGuard.Kind.MQTT_PASSWORD, address, "client " + who + ", username " + username);
        rejections.rejectLogin(Rejection.AUTH_FAILED, "client " + who + ", username " + username);
        ClientConnection.refuseLogin(endpoint);
    }

    /**
     * Refuses a logged-in client when {@code mqtt.maxConnections} are connected already; a robot that replaces its
     * own earlier session adds none and is let in.
     */
    private boolean atConnectionLimit(MqttEndpoint endpoint, String address, boolean replacesOwnSession) {
        int open = connections.size() + (lifts == null ? 0 : lifts.connected());
        if (replacesOwnSession || open < config.maxConnections()) return false;
        rejections.reject(Rejection.CONNECTION_LIMIT, address, open + " clients connected, mqtt.maxConnections "
                + config.maxConnections());
        endpoint.reject(endpoint.protocolVersion() == 5 ? MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_BUSY
                : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);
        return true;
    }

    private void onPublish(RobotConnection conn, String topicName, Buffer payload) {
        RobotConnection.TopicRoute route = conn.route(topicName);
        if (backfill != null && route.backfill()) {
            // Late samples are batched on the server's context, apart from the robot's live states.
            byte[] bytes = payload.getBytes();
            Instant at = clock.instant();
            lanes.home().execute(() -> backfill.handle(conn.robot, topicName, bytes, at));
            return;
        }
        Optional<TopicAddress> address = route.address();
        if (address.isEmpty()) {
            rejections.rejectRobot(Rejection.UNKNOWN_TOPIC, conn.robot.id(), topicName, "topic " + topicName);
            return;
        }
        if (!conn.mayPublish(address.get())) {
            rejections.rejectRobot(Rejection.TOPIC_NOT_ALLOWED, conn.robot.id(), topicName, "topic " + topicName);
            return;
        }
        InboundMessage msg = new InboundMessage(address.get(), payload.getBytes(), conn.robot, clock.instant(), false);
        lanes.run(conn.robot.id(), () -> pipeline.handle(msg));
    }

    private void onClose(RobotConnection conn) {
        connections.remove(conn.robot.id(), conn);
        if (conn.replaced) return;
        Instant closedAt = clock.instant();
        // After the robot's messages still queued on its lane, so its last state does not overtake its going away.
        lanes.run(conn.robot.id(), () -> linkEnded(conn, closedAt));
    }

    private void linkEnded(RobotConnection conn, Instant at) {
        var before = registry.status(conn.robot.id());
        if (conn.disconnectedCleanly) {
            // A robot should say OFFLINE before it disconnects; if it did not, the server still knows it left.
            if (before != null && before.connection() == ConnectionState.ONLINE)
                registry.applyConnection(conn.robot.id(), ConnectionState.OFFLINE, at);
            return;
        }
        var will = conn.endpoint.will();
        if (will != null && will.isWillFlag()) {
            TopicAddress.parse(will.getWillTopic()).ifPresent(address -> pipeline.handle(
                    new InboundMessage(address, will.getWillMessageBytes(), conn.robot, at, true)));
        }
        // With or without a usable will, the server saw the link drop: the robot is not cleanly offline.
        var status = registry.status(conn.robot.id());
        if (status != null && status.connection() == ConnectionState.ONLINE)
            registry.applyConnection(conn.robot.id(), ConnectionState.CONNECTIONBROKEN, at);
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
        // Orders and pauses are sent from the server's context; the connection is written on its own lane.
        return RobotLanes.onContext(conn.context, () -> conn.endpoint.publish(name, Buffer.buffer(payload),
                QosPolicy.forTopic(topic), false, false).mapEmpty());
    }

    public boolean isConnected(String robotId) {
        return connections.containsKey(robotId);
    }

    @Override
    public Future<Void> stop() {
        if (servers.isEmpty()) return Future.succeededFuture();
        // Robots see a normal end of the server; their state becomes OFFLINE once they are gone.
        if (lifts != null) lifts.closeAll();
        Instant at = clock.instant();
        for (RobotConnection c : connections.values()) {
            c.replaced = true;
            c.closeQuietly();
            lanes.run(c.robot.id(), () -> registry.applyConnection(c.robot.id(), ConnectionState.OFFLINE, at));
        }
        connections.clear();
        return closeServers();
    }
}
