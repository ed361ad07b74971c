package dev.provingground.server.mqtt;

import dev.provingground.server.elevator.LiftLink;
import dev.provingground.site.lift.LiftCodec;
import dev.provingground.site.lift.LiftRequest;
import dev.provingground.site.lift.LiftTopic;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.mqtt.messages.MqttPublishMessage;

import java.util.Optional;

/**
 * Elevator controllers through the external broker, on the server's one broker session: every car's state is read
 * from {@code lifts/+/+/state}, requests are published on {@code lifts/{site}/{car}/request} at QoS 1. Controllers
 * log in to the broker, whose ACL must keep each to its own car's topics (docs/CONFIGURATION.md).
 */
public final class ExternalLiftLink implements LiftLink {

    static final String ALL_STATES = LiftTopic.ROOT + "/+/+/" + LiftTopic.Channel.STATE.segment();

    private final ExternalBrokerLink broker;
    private final LiftStateInbound states;
    private final RejectionLog rejections;
    private final LiftCodec codec = new LiftCodec();

    /** Subscribes through {@code broker}, so it must be made before the broker link starts. */
    public ExternalLiftLink(ExternalBrokerLink broker, LiftStateInbound states, RejectionLog rejections) {
        this.broker = broker;
        this.states = states;
        this.rejections = rejections;
        broker.route(ALL_STATES, MqttQoS.AT_LEAST_ONCE, this::onState);
    }

    private void onState(MqttPublishMessage msg) {
        Optional<LiftTopic> topic;
        try {
            topic = LiftTopic.parse(msg.topicName());
        } catch (IllegalArgumentException notALevel) {
            topic = Optional.empty();
        }
        if (topic.isEmpty()) {
            rejections.reject(Rejection.UNKNOWN_TOPIC, "broker", "topic " + msg.topicName());
            return;
        }
        states.handle(topic.get(), msg.payload().getBytes(), "lift " + topic.get().site() + "/" + topic.get().liftName());
    }

    @Override
    public Future<Void> send(String site, LiftRequest request) {
        String topic;
        byte[] payload;
        try {
            topic = LiftTopic.request(site, request.liftName()).toString();
            payload = codec.encode(request);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        return broker.publish(topic, payload, MqttQoS.AT_LEAST_ONCE);
    }
}
