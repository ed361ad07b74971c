package dev.provingground.server.cluster;

import dev.provingground.server.elevator.LiftLink;
import dev.provingground.server.wiring.Links;
import dev.provingground.site.lift.LiftCodec;
import dev.provingground.site.lift.LiftRequest;
import dev.provingground.site.lift.LiftTopic;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;

/**
 * A site owner's elevator controllers in cluster mode: their states come with the site's robot messages over the
 * event bus ({@link ClusterRobotLink}), requests leave on {@code lifts/{site}/{car}/request} through this node's
 * broker session, at QoS 1, as in external-broker mode.
 */
final class ClusterLiftLink implements LiftLink {

    private final ClusterBroker broker;
    private final LiftCodec codec = new LiftCodec();

    ClusterLiftLink(ClusterRobotLink robots, Links.LiftSide side) {
        this.broker = robots.broker();
        robots.onLiftStates((topic, payload) ->
                side.states().handle(topic, payload, "lift " + topic.site() + "/" + topic.liftName()));
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
