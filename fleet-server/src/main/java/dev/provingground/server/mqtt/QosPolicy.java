package dev.provingground.server.mqtt;

import dev.provingground.vda5050.Topic;
import io.netty.handler.codec.mqtt.MqttQoS;

/**
 * QoS per VDA 5050 topic, as the standard recommends: everything at most once except {@code connection}, which is
 * at least once (and the robot's last will) so that a link loss is never missed.
 */
public final class QosPolicy {

    private QosPolicy() {
    }

    public static MqttQoS forTopic(Topic topic) {
        return topic == Topic.CONNECTION ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE;
    }
}
