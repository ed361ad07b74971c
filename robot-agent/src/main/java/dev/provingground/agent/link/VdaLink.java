package dev.provingground.agent.link;

import dev.provingground.agent.rosbridge.Backoff;
import dev.provingground.vda5050.Connection;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.HeaderCounter;
import dev.provingground.vda5050.InstantActions;
import dev.provingground.vda5050.Order;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.TopicAddress;
import dev.provingground.vda5050.Vda5050Codec;
import dev.provingground.vda5050.Vda5050DecodeException;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;

import javax.net.ssl.SSLException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The agent's VDA 5050 side: an MQTT client that logs in as the robot with a last will of {@code CONNECTIONBROKEN},
 * says {@code ONLINE}, subscribes to {@code order} and {@code instantActions}, and reconnects with a doubling back-off
 * whenever the link drops. QoS 1 publishes complete on the broker's PUBACK, so a caller knows what was delivered.
 */
public final class VdaLink {

    private static final Logger LOG = Logger.getLogger(VdaLink.class.getName());

    /**
     * Where and how to connect.
     *
     * @param tls    MQTTS: the broker's certificate must chain to {@code caFile} (or a CA the JVM trusts when null)
     *               and name {@code host}
     * @param caFile PEM file of the CA to trust; null = the JVM's trusted CAs
     */
    public record Options(String host, int port, String username, String password, int keepAliveSeconds,
                          Duration reconnect, Duration maxReconnect, boolean tls, Path caFile) {
    }

    /** What the link hands to the agent; called on the agent's context. */
    public interface Listener {
        void connected();

        void disconnected();

        /** The broker answered a ping: everything published before it was sent has reached the broker. */
        void confirmed();

        void order(Order order);

        void instantActions(InstantActions actions);

        /** A message that could not be decoded; it is ignored. */
        void badMessage(String topic, String why);
    }

    private final Vertx vertx;
    private final Options options;
    private final Vda5050Codec codec;
    private final HeaderCounter headers;
    private final Listener listener;
    private final String robotId;
    private final Backoff backoff;
    private final Map<Integer, Promise<Void>> unacknowledged = new HashMap<>();
    private MqttClient client;
    private boolean connected;
    private boolean stopping;
    private long connects;
    private long watchdog = -1;
    private boolean awaitingPong;

    public VdaLink(Vertx vertx, Options options, Vda5050Codec codec, HeaderCounter headers, Listener listener) {
        this.vertx = vertx;
        this.options = options;
        this.codec = codec;
        this.headers = headers;
        this.listener = listener;
        this.robotId = headers.manufacturer() + "/" + headers.serialNumber();
        this.backoff = new Backoff(options.reconnect(), options.maxReconnect());
    }

    /** Starts connecting; a broker that is not there yet is retried, not a failure. */
    public void start() {
        attempt();
    }

    private void attempt() {
        if (stopping) return;
        // A new client per attempt: the will's header (headerId, timestamp) must be fresh for every session.
        Connection will = Connection.create(ConnectionState.CONNECTIONBROKEN).withHeader(headers.next(Topic.CONNECTION));
        MqttClientOptions o = new MqttClientOptions()
                .setClientId(headers.manufacturer() + "-" + headers.serialNumber())
                .setCleanSession(true)
                .setKeepAliveInterval(options.keepAliveSeconds())
                .setAutoKeepAlive(true)
                .setMaxInflightQueue(64)
                .setMaxMessageSize(1024 * 1024)
                .setWillFlag(true)
                .setWillTopic(topic(Topic.CONNECTION))
                .setWillMessageBytes(Buffer.buffer(codec.encode(will)))
                .setWillQoS(1);
        if (options.username() != null) o.setUsername(options.username()).setPassword(options.password());
        if (options.tls()) {
            o.setSsl(true).setHostnameVerificationAlgorithm("HTTPS");
            if (options.caFile() != null) o.setTrustOptions(new PemTrustOptions().addCertPath(options.caFile().toString()));
        }
        MqttClient c = MqttClient.create(vertx, o);
        client = c;
        c.publishHandler(this::onMessage);
        c.publishCompletionHandler(id -> {
            Promise<Void> p = unacknowledged.remove(id);
            if (p != null) p.tryComplete();
        });
        c.publishCompletionExpirationHandler(id -> {
            Promise<Void> p = unacknowledged.remove(id);
            if (p != null) p.tryFail("no PUBACK for packet " + id);
        });
        c.pingResponseHandler(v -> {
            awaitingPong = false;
            listener.confirmed();
        });
        c.closeHandler(v -> onClose(c));
        c.connect(options.port(), options.host())
                .compose(ack -> c.subscribe(Map.of(topic(Topic.ORDER), 1, topic(Topic.INSTANT_ACTIONS), 1)))
                .onSuccess(id -> {
                    if (stopping || client != c) return;
                    connected = true;
                    connects++;
                    backoff.reset();
                    LOG.info(robotId + ": MQTT link up to " + (options.tls() ? "mqtts://" : "mqtt://") + options.host() + ":" + options.port()
                            + (connects > 1 ? " (reconnect " + (connects - 1) + ")" : ""));
                    watch(c);
                    publish(Connection.create(ConnectionState.ONLINE)).onComplete(ar -> listener.connected());
                })
                .onFailure(e -> {
                    if (client != c || connected) return;
                    // A broker not up yet is normal and retried quietly; a certificate refused is a setting to fix.
                    if (isTlsFailure(e)) LOG.warning(robotId + ": MQTTS " + options.host() + ":" + options.port()
                            + " refused over TLS (mqtt.tls.caFile, mqtt.host): " + e.getMessage());
                    else LOG.fine(() -> robotId + ": MQTT " + options.host() + ":" + options.port() + " not reachable: " + e.getMessage());
                    if (c.isConnected()) c.disconnect();
                    retryLater();
                });
    }

    private static boolean isTlsFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof SSLException) return true;
        return false;
    }

    /**
     * A link that silently stops carrying packets (Wi-Fi gone, a NAT forgetting the flow) looks connected until TCP
     * gives up, minutes later, and QoS 0 states sent meanwhile vanish. So the link pings the broker every keep-alive
     * interval, whatever else it sends, and counts one ping unanswered for a whole interval as a dead link.
     */
    private void watch(MqttClient c) {
        awaitingPong = false;
        long period = options.keepAliveSeconds() * 1000L;
        watchdog = vertx.setPeriodic(period, t -> {
            if (client != c || !connected) {
                vertx.cancelTimer(t);
                return;
            }
            if (awaitingPong) {
                LOG.warning(robotId + ": the MQTT broker has not answered a ping for " + options.keepAliveSeconds()
                        + " s; taking the link for dead");
                vertx.cancelTimer(t);
                // DISCONNECT will not arrive over a dead link, so the broker still acts on the will when it notices.
                c.disconnect();
                return;
            }
            awaitingPong = true;
            c.ping();
        });
    }

    private void onClose(MqttClient c) {
        if (client != c) return;
        if (watchdog >= 0) vertx.cancelTimer(watchdog);
        boolean was = connected;
        connected = false;
        unacknowledged.values().forEach(p -> p.tryFail("MQTT link dropped"));
        unacknowledged.clear();
        if (was) {
            LOG.warning(robotId + ": MQTT link dropped; keeping state on disk until it is back");
            listener.disconnected();
            retryLater();
        }
    }

    private void retryLater() {
        if (stopping) return;
        Duration delay = backoff.next();
        vertx.setTimer(delay.toMillis(), t -> attempt());
    }

    private void onMessage(MqttPublishMessage msg) {
        TopicAddress address = TopicAddress.parse(msg.topicName()).orElse(null);
        if (address == null) return;
        try {
            if (address.topic() == Topic.ORDER) listener.order(codec.decode(Order.class, msg.payload().getBytes()));
            else if (address.topic() == Topic.INSTANT_ACTIONS)
                listener.instantActions(codec.decode(InstantActions.class, msg.payload().getBytes()));
        } catch (Vda5050DecodeException e) {
            LOG.warning(robotId + ": ignored message on " + msg.topicName() + ": " + e.getMessage());
            listener.badMessage(msg.topicName(), e.getMessage());
        }
    }

    public boolean isConnected() {
        return connected;
    }

    /** Stamps and publishes a message on its own topic (QoS 1 for connection, 0 otherwise). */
    public Future<Void> publish(dev.provingground.vda5050.VdaMessage message) {
        dev.provingground.vda5050.VdaMessage stamped = message.withHeader(headers.next(message.topic()));
        return publishEncoded(topic(message.topic()), codec.encode(stamped),
                message.topic() == Topic.CONNECTION ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE);
    }

    /** Publishes bytes already encoded; a QoS 1 publish completes on PUBACK. */
    public Future<Void> publishEncoded(String topicName, byte[] payload, MqttQoS qos) {
        if (!connected) return Future.failedFuture("MQTT link is down");
        MqttClient c = client;
        Future<Integer> sent = c.publish(topicName, Buffer.buffer(payload), qos, false, false);
        if (qos == MqttQoS.AT_MOST_ONCE) return sent.mapEmpty();
        Promise<Void> acked = Promise.promise();
        sent.onSuccess(id -> unacknowledged.put(id, acked)).onFailure(acked::tryFail);
        return acked.future();
    }

    public String topic(Topic t) {
        return TopicAddress.of(headers.manufacturer(), headers.serialNumber(), t).toString();
    }

    /** Clean stop: {@code OFFLINE}, then DISCONNECT, so the broker does not publish the will. */
    public Future<Void> stop() {
        stopping = true;
        MqttClient c = client;
        if (c == null || !connected) return Future.succeededFuture();
        Future<Void> offline = publish(Connection.create(ConnectionState.OFFLINE));
        connected = false;
        return offline.transform(ar -> c.disconnect());
    }
}
