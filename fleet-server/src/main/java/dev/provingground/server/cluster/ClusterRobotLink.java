package dev.provingground.server.cluster;

import dev.provingground.server.mqtt.InboundMessage;
import dev.provingground.server.mqtt.QosPolicy;
import dev.provingground.server.mqtt.Rejection;
import dev.provingground.server.mqtt.RobotTransport;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.wiring.Links;
import dev.provingground.site.lift.LiftTopic;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.TopicAddress;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A site owner's robot link in cluster mode: the robots' messages arrive over the event bus from whichever node the
 * broker gave them to ({@link ClusterBroker}), and go through the same pipeline as in external-broker mode; orders
 * leave through this node's broker session. Lift controller states for the site arrive the same way and go to the
 * site's {@link ClusterLiftLink}.
 */
final class ClusterRobotLink implements RobotTransport {

    private final Links.RobotSide side;
    private final String site;
    private final ClusterBroker broker;
    private final Map<String, String> robotSites;
    private BiConsumer<LiftTopic, byte[]> liftStates = (topic, payload) -> { };
    private MessageConsumer<Buffer> consumer;

    ClusterRobotLink(Links.RobotSide side, String site, ClusterBroker broker, Map<String, String> robotSites) {
        this.side = side;
        this.site = site;
        this.broker = broker;
        this.robotSites = robotSites;
    }

    /** Where the site's lift controller states go; set before the link starts. */
    void onLiftStates(BiConsumer<LiftTopic, byte[]> handler) {
        this.liftStates = handler;
    }

    ClusterBroker broker() {
        return broker;
    }

    /** Consumes the site's MQTT address (on the server's context, which starts it) and says where its robots are. */
    @Override
    public Future<Void> start() {
        RobotSites.publish(side.registry(), robotSites);
        consumer = side.vertx().eventBus().consumer(ClusterAddresses.mqtt(site), this::onMessage);
        return consumer.completion();
    }

    private void onMessage(Message<Buffer> msg) {
        String topicName = msg.headers().get(ClusterAddresses.TOPIC);
        Instant receivedAt = Instant.ofEpochMilli(Long.parseLong(msg.headers().get(ClusterAddresses.RECEIVED_AT)));
        byte[] payload = msg.body().getBytes();
        if (topicName.startsWith(LiftTopic.ROOT + "/")) {
            Optional<LiftTopic> topic;
            try {
                topic = LiftTopic.parse(topicName);
            } catch (IllegalArgumentException notALevel) {
                topic = Optional.empty();
            }
            if (topic.isPresent() && topic.get().site().equals(site)) liftStates.accept(topic.get(), payload);
            else side.rejections().reject(Rejection.UNKNOWN_TOPIC, "broker", "topic " + topicName);
            return;
        }
        Optional<TopicAddress> address = TopicAddress.parse(topicName);
        if (address.isEmpty() || !address.get().topic().robotPublishes()) {
            side.rejections().reject(Rejection.UNKNOWN_TOPIC, "broker", "topic " + topicName);
            return;
        }
        Optional<Robot> robot = side.registry().findByAddress(address.get().manufacturer(),
                address.get().serialNumber());
        if (robot.isEmpty()) {
            side.rejections().reject(Rejection.UNKNOWN_ROBOT, address.get().manufacturer() + "/"
                    + address.get().serialNumber(), "topic " + topicName);
            return;
        }
        InboundMessage inbound = new InboundMessage(address.get(), payload, robot.get(), receivedAt, false);
        side.lanes().run(robot.get().id(), () -> side.pipeline().handle(inbound));
    }

    @Override
    public Future<Void> publish(Robot robot, Topic topic, byte[] payload) {
        String name = TopicAddress.of(robot.manufacturer(), robot.serialNumber(), topic).toString();
        return broker.publish(name, payload, QosPolicy.forTopic(topic));
    }

    @Override
    public int port() {
        return side.mqtt().port();
    }

    /** Stops taking the site's messages; the node's broker session stays for its other sites. */
    @Override
    public Future<Void> stop() {
        return consumer == null ? Future.succeededFuture() : consumer.unregister();
    }
}
