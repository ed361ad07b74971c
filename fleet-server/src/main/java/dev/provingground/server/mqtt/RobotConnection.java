package dev.provingground.server.mqtt;

import dev.provingground.server.registry.Robot;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.TopicAddress;
import io.vertx.mqtt.MqttEndpoint;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One robot's live MQTT connection to the embedded endpoint: who it is, what it subscribed, how it ended. */
final class RobotConnection {

    final Robot robot;
    final MqttEndpoint endpoint;
    private final String prefix;
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    /** DISCONNECT received: the robot left on purpose, its will is void. */
    volatile boolean disconnectedCleanly;
    /** A newer connection of the same robot took over; this one's end means nothing. */
    volatile boolean replaced;

    RobotConnection(Robot robot, MqttEndpoint endpoint) {
        this.robot = robot;
        this.endpoint = endpoint;
        this.prefix = TopicAddress.robotPrefix(robot.manufacturer(), robot.serialNumber());
    }

    /** A robot may subscribe to its own server-to-robot topics, or a wildcard under its own prefix. */
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

    void subscribed(String filter) {
        subscriptions.add(filter);
    }

    void unsubscribed(String filter) {
        subscriptions.remove(filter);
    }

    boolean receives(Topic topic) {
        return subscriptions.contains(prefix + topic.wireName()) || subscriptions.contains(prefix + "+")
                || subscriptions.contains(prefix + "#");
    }
}
