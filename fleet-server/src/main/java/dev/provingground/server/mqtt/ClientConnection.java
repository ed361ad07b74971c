package dev.provingground.server.mqtt;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttTopicSubscription;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * One client's live connection to the embedded endpoint, robot or lift controller: what its ACL lets it subscribe,
 * what it did subscribe, and how the connection ended. The MQTT session handling both kinds share lives here.
 */
abstract class ClientConnection {

    private static final Logger LOG = Logger.getLogger(ClientConnection.class.getName());

    final MqttEndpoint endpoint;
    /** The event loop the connection is read on, and written on: whoever sends from elsewhere hands it over. */
    final Context context;
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    /** DISCONNECT received: the client left on purpose, its will is void. */
    volatile boolean disconnectedCleanly;
    /** A newer connection of the same identity took over, or the server is stopping; this one's end means nothing. */
    volatile boolean replaced;

    ClientConnection(MqttEndpoint endpoint) {
        this.endpoint = endpoint;
        this.context = Vertx.currentContext();
    }

    /** Who this is in logs and rejections. */
    abstract String who();

    abstract boolean maySubscribe(String filter);

    boolean hasSubscribed(String filter) {
        return subscriptions.contains(filter);
    }

    /**
     * Takes over from an earlier connection of the same identity, if any: as MQTT says, the newer one wins and the
     * older one is closed without its will.
     */
    void replaces(ClientConnection previous) {
        if (previous == null) return;
        previous.replaced = true;
        previous.closeQuietly();
    }

    /**
     * Accepts the CONNECT: PUBLISHes go to {@code onPublish}, the end of the link to {@code onClose}; SUBSCRIBE is
     * acknowledged granting what the ACL allows (at most QoS 1) and refusing and counting the rest; a clean DISCONNECT
     * is noted; frames too large for the transport are counted.
     */
    void accept(BiConsumer<String, Buffer> onPublish, Runnable onClose, RejectionLog rejections, int transportLimit) {
        endpoint.publishAutoAck(true);
        endpoint.publishHandler(msg -> onPublish.accept(msg.topicName(), msg.payload()));
        endpoint.subscriptionAutoAck(false);
        endpoint.subscribeHandler(sub -> {
            List<MqttQoS> granted = new ArrayList<>();
            for (MqttTopicSubscription s : sub.topicSubscriptions()) {
                if (maySubscribe(s.topicName())) {
                    subscriptions.add(s.topicName());
                    granted.add(s.qualityOfService() == MqttQoS.EXACTLY_ONCE ? MqttQoS.AT_LEAST_ONCE : s.qualityOfService());
                } else {
                    rejections.reject(Rejection.SUBSCRIPTION_NOT_ALLOWED, who(), "filter " + s.topicName());
                    granted.add(MqttQoS.FAILURE);
                }
            }
            endpoint.subscribeAcknowledge(sub.messageId(), granted);
        });
        endpoint.unsubscribeHandler(unsub -> {
            unsub.topics().forEach(subscriptions::remove);
            endpoint.unsubscribeAcknowledge(unsub.messageId());
        });
        endpoint.disconnectMessageHandler(d -> disconnectedCleanly = d.code() != MqttDisconnectReasonCode.WITH_WILL_MESSAGE);
        endpoint.exceptionHandler(e -> {
            if (isTooLong(e)) rejections.reject(Rejection.OVERSIZE, who(), "frame over the transport limit of "
                    + transportLimit + " bytes; connection closed");
            else LOG.fine(() -> who() + ": " + e);
        });
        endpoint.closeHandler(v -> onClose.run());
        endpoint.accept(false);
    }

    /** The client may have gone already; closing twice is not an error here. */
    void closeQuietly() {
        closeQuietly(endpoint);
    }

    static void closeQuietly(MqttEndpoint endpoint) {
        try {
            if (endpoint.isConnected()) endpoint.close();
        } catch (IllegalArgumentException | IllegalStateException alreadyClosed) {
            LOG.finest("endpoint already closed");
        }
    }

    /** Refuses a CONNECT whose username or password is wrong, in the client's protocol version. */
    static void refuseLogin(MqttEndpoint endpoint) {
        endpoint.reject(endpoint.protocolVersion() == 5 ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
    }

    /** Refuses a CONNECT that asks for something its credentials do not allow (a will on a foreign topic). */
    static void refuseNotAuthorized(MqttEndpoint endpoint) {
        endpoint.reject(endpoint.protocolVersion() == 5 ? MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5
                : MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
    }

    private static boolean isTooLong(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof io.netty.handler.codec.TooLongFrameException) return true;
        return false;
    }
}
