package dev.provingground.server.cluster;

import dev.provingground.server.lanes.RobotLanes;
import dev.provingground.server.mqtt.ExternalBrokerLink;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.site.lift.LiftTopic;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.TopicAddress;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.messages.MqttPublishMessage;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * A node's one session with the broker. It subscribes to the robots' topics and the lift controllers' states as a
 * shared subscription ({@code $share/proving-ground/...}, MQTT 5 and Mosquitto 2 for MQTT 3.1.1 clients too), so the
 * broker hands each message to one node of the cluster, whichever; that node forwards it over the event bus to the
 * owner of the robot's site. Owners publish their orders and lift requests through their own node's session.
 */
final class ClusterBroker {

    private static final Logger LOG = Logger.getLogger(ClusterBroker.class.getName());
    static final String SHARE_GROUP = "proving-ground";

    private final Vertx vertx;
    private final MqttConfig config;
    private final Function<String, String> siteOfRobot;
    private final Clock clock;
    private final AtomicLong unrouted = new AtomicLong();
    private final AtomicLong forwarded = new AtomicLong();
    private Context context;
    private MqttClient client;
    private volatile boolean stopping;

    /**
     * @param siteOfRobot the site a robot ({@code manufacturer/serialNumber}) is registered at, null when none
     */
    ClusterBroker(Vertx vertx, MqttConfig config, Function<String, String> siteOfRobot, Clock clock) {
        this.vertx = vertx;
        this.config = config;
        this.siteOfRobot = siteOfRobot;
        this.clock = clock;
    }

    /** Robot and lift topics this node takes its share of. */
    static Map<String, Integer> sharedFilters() {
        Map<String, Integer> filters = new LinkedHashMap<>();
        for (Topic t : Topic.values())
            if (t.robotPublishes()) filters.put(shared("uagv/v2/+/+/" + t.wireName()), MqttQoS.AT_LEAST_ONCE.value());
        filters.put(shared(LiftTopic.ROOT + "/+/+/" + LiftTopic.Channel.STATE.segment()), MqttQoS.AT_LEAST_ONCE.value());
        return filters;
    }

    static String shared(String filter) {
        return "$share/" + SHARE_GROUP + "/" + filter;
    }

    Future<Void> start() {
        context = vertx.getOrCreateContext();
        Promise<Void> connected = Promise.promise();
        context.runOnContext(v -> {
            client = MqttClient.create(vertx, ExternalBrokerLink.clientOptions(config));
            client.publishHandler(this::onMessage);
            client.closeHandler(x -> {
                if (stopping) return;
                LOG.warning("lost the MQTT broker " + config.host() + ":" + config.port() + "; retrying every "
                        + config.reconnectMillis() + " ms");
                vertx.setTimer(config.reconnectMillis(), t -> reconnect());
            });
            connect().onComplete(connected);
        });
        return connected.future();
    }

    private void reconnect() {
        if (stopping) return;
        connect().onFailure(e -> {
            LOG.warning("MQTT broker " + config.host() + ":" + config.port() + " not reachable: " + e.getMessage());
            vertx.setTimer(config.reconnectMillis(), t -> reconnect());
        });
    }

    private Future<Void> connect() {
        return client.connect(config.port(), config.host())
                .compose(ack -> client.subscribe(sharedFilters()))
                .map(id -> {
                    LOG.info("cluster node connected to MQTT broker " + config.host() + ":" + config.port() + " as "
                            + config.clientId() + ", shared group " + SHARE_GROUP);
                    return null;
                });
    }

    private void onMessage(MqttPublishMessage msg) {
        String site = siteOf(msg.topicName());
        if (site == null) {
            // A robot no site of the cluster knows, or a topic of nobody's: the owner would refuse and count it,
            // but there is no owner to ask. Counted here, logged now and then.
            if (unrouted.incrementAndGet() % 1000 == 1)
                LOG.warning("no site for MQTT topic " + msg.topicName() + " (" + unrouted.get() + " so far)");
            return;
        }
        forwarded.incrementAndGet();
        DeliveryOptions headers = new DeliveryOptions()
                .addHeader(ClusterAddresses.TOPIC, msg.topicName())
                .addHeader(ClusterAddresses.RECEIVED_AT, Long.toString(clock.millis()));
        vertx.eventBus().send(ClusterAddresses.mqtt(site), msg.payload(), headers);
    }

    private String siteOf(String topicName) {
        if (topicName.startsWith(LiftTopic.ROOT + "/")) {
            try {
                return LiftTopic.parse(topicName).map(LiftTopic::site).orElse(null);
            } catch (IllegalArgumentException notALevel) {
                return null;
            }
        }
        Optional<TopicAddress> robot = TopicAddress.parse(topicName);
        return robot.map(a -> siteOfRobot.apply(RobotSites.key(a.manufacturer(), a.serialNumber()))).orElse(null);
    }

    /** Publishes on the broker through this node's session, from whichever context asks. */
    Future<Void> publish(String topicName, byte[] payload, MqttQoS qos) {
        return RobotLanes.onContext(context, () -> {
            if (client == null || !client.isConnected())
                return Future.failedFuture("not connected to the MQTT broker");
            return client.publish(topicName, Buffer.buffer(payload), qos, false, false).mapEmpty();
        });
    }

    long unrouted() {
        return unrouted.get();
    }

    long forwarded() {
        return forwarded.get();
    }

    Future<Void> stop() {
        stopping = true;
        Promise<Void> done = Promise.promise();
        if (context == null) return Future.succeededFuture();
        context.runOnContext(v -> {
            if (client == null || !client.isConnected()) done.complete();
            else client.disconnect().onComplete(done);
        });
        return done.future();
    }
}
