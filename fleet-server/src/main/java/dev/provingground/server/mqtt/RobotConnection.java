package dev.provingground.server.mqtt;

import dev.provingground.server.registry.Robot;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.TopicAddress;
import io.vertx.mqtt.MqttEndpoint;

/** One robot's live MQTT connection to the embedded endpoint: who it is and what its ACL allows. */
final class RobotConnection extends ClientConnection {

    final Robot robot;
    private final String prefix;

    RobotConnection(Robot robot, MqttEndpoint endpoint) {
        super(endpoint);
        this.robot = robot;
        this.prefix = TopicAddress.robotPrefix(robot.manufacturer(), robot.serialNumber());
    }

    @Override
    String who() {
        return robot.id();
    }

    /** A robot may subscribe to its own server-to-robot topics, or a wildcard under its own prefix. */
    @Override
    boolean maySubscribe(String filter) {
        if (!filter.startsWith(prefix)) return false;
        String rest = filter.substring(prefix.length());
        return rest.equals("+") || rest.equals("#") || rest.equals(Topic.ORDER.wireName())
                || rest.equals(Topic.INSTANT_ACTIONS.wireName());
    }

    /** A robot may publish only robot-to-server topics under its own prefix. */
    boolean mayPublish(TopicAddress address) {
        return address.manufacturer().equals(robot.manufacturer())
                && address.serialNumber().equals(robot.serialNumber())
                && address.topic().robotPublishes();
    }

    boolean receives(Topic topic) {
        return hasSubscribed(prefix + topic.wireName()) || hasSubscribed(prefix + "+") || hasSubscribed(prefix + "#");
    }
}
