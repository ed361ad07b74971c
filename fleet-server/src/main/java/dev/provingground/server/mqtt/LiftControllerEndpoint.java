package dev.provingground.server.mqtt;

import dev.provingground.server.lanes.RobotLanes;
import dev.provingground.server.errors.ConflictException;
import dev.provingground.server.elevator.LiftCredential;
import dev.provingground.server.elevator.LiftCredentials;
import dev.provingground.server.elevator.LiftLink;
import dev.provingground.site.lift.LiftCodec;
import dev.provingground.site.lift.LiftMessageException;
import dev.provingground.site.lift.LiftRequest;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttAuth;
import io.vertx.mqtt.MqttEndpoint;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Elevator car controllers on the embedded MQTT endpoint, which hands over every login named
 * {@code lift:{site}:{car}}. Each controller is held to its car's topics ({@link LiftControllerConnection}); its
 * states go through {@link LiftStateInbound}; when its link drops, its last will (an OFFLINE state) is applied.
 * Also the {@link LiftLink} of embedded mode: a request goes straight to the car's connected controller.
 */
public final class LiftControllerEndpoint implements LiftLink {

    private static final Logger LOG = Logger.getLogger(LiftControllerEndpoint.class.getName());

    private final LiftCredentials credentials;
    private final LiftStateInbound states;
    private final RejectionLog rejections;
    private final int transportLimit;
    private final LiftCodec codec = new LiftCodec();
    private final Map<String, LiftControllerConnection> connections = new ConcurrentHashMap<>();

    /** @param maxMessageSize the configured largest message, from which the embedded server's frame limit follows */
    public LiftControllerEndpoint(LiftCredentials credentials, LiftStateInbound states, RejectionLog rejections,
                                  int maxMessageSize) {
        this.credentials = credentials;
        this.states = states;
        this.rejections = rejections;
        this.transportLimit = EmbeddedMqttEndpoint.transportLimit(maxMessageSize);
        credentials.onRotation(username -> {
            LiftControllerConnection conn = connections.get(username);
            if (conn == null) return;
            LOG.info(username + " disconnected: its password was rotated");
            conn.closeQuietly();
        });
    }

    static boolean isLiftLogin(MqttAuth auth) {
        return auth != null && LiftCredentials.isLiftUsername(auth.getUsername());
    }

    /** The controller a {@code lift:...} login names, if its password is right; the endpoint refuses it when not. */
    Optional<LiftCredential> authenticate(MqttAuth auth) {
        return credentials.authenticate(auth.getUsername(), auth.getPassword());
    }

    /** Controllers connected now. */
    int connected() {
        return connections.size();
    }

    /** Accepts a controller whose login {@link #authenticate}d. */
    void onConnect(MqttEndpoint endpoint, LiftCredential login) {
        LiftControllerConnection conn = new LiftControllerConnection(login, endpoint);
        if (!LiftControllerConnection.willAllowed(endpoint.will(), conn.stateTopic)) {
            rejections.reject(Rejection.WILL_NOT_ALLOWED, conn.who(), "will topic " + endpoint.will().getWillTopic()
                    + ", allowed only " + conn.stateTopic);
            ClientConnection.refuseNotAuthorized(endpoint);
            return;
        }
        conn.replaces(connections.put(conn.who(), conn));
        conn.accept((topic, payload) -> onPublish(conn, topic, payload), () -> onClose(conn), rejections,
                transportLimit);
        LOG.fine(() -> conn.who() + " connected from " + endpoint.remoteAddress());
    }

    private void onPublish(LiftControllerConnection conn, String topicName, Buffer payload) {
        // A bad publish is refused, not punished: the controller stays connected and its car stays served.
        if (!conn.mayPublish(topicName)) {
            rejections.reject(Rejection.TOPIC_NOT_ALLOWED, conn.who(), "topic " + topicName + ", allowed only "
                    + conn.stateTopic);
            return;
        }
        states.handle(conn.stateTopic, payload.getBytes(), conn.who());
    }

    private void onClose(LiftControllerConnection conn) {
        connections.remove(conn.who(), conn);
        if (conn.replaced || conn.disconnectedCleanly) return;
        // Without a will the car is told nothing; its state goes stale and the manager stops using it.
        var will = conn.endpoint.will();
        if (will != null && will.isWillFlag())
            states.handle(conn.stateTopic, will.getWillMessageBytes(), conn.who() + " (last will)");
    }

    @Override
    public Future<Void> send(String site, LiftRequest request) {
        LiftControllerConnection conn = connections.get(LiftCredentials.username(site, request.liftName()));
        if (conn == null)
            return Future.failedFuture(new ConflictException("no controller of car " + request.liftName() + " at site "
                    + site + " is connected"));
        if (!conn.receivesRequests())
            return Future.failedFuture(new ConflictException("the controller of car " + request.liftName() + " at site "
                    + site + " has not subscribed to " + conn.requestTopic()));
        byte[] payload;
        try {
            payload = codec.encode(request);
        } catch (LiftMessageException e) {
            return Future.failedFuture(e);
        }
        // The elevator manager sends from the server's context; the controller's connection may live on a lane.
        return RobotLanes.onContext(conn.context, () -> conn.endpoint.publish(conn.requestTopic(),
                Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false).mapEmpty());
    }

    public boolean isConnected(String site, String car) {
        return connections.containsKey(LiftCredentials.username(site, car));
    }

    /** The server is stopping: every controller is disconnected and no will is applied. */
    void closeAll() {
        for (LiftControllerConnection c : connections.values()) {
            c.replaced = true;
            c.closeQuietly();
        }
        connections.clear();
    }
}
