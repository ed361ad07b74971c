package dev.provingground.server.mqtt;

import dev.provingground.server.registry.Robot;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.TopicAddress;
import io.vertx.mqtt.MqttEndpoint;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** One robot's live MQTT connection to the embedded endpoint: who it is and what its ACL allows. */
final class RobotConnection extends ClientConnection {

    final Robot robot;
    private final String prefix;
    /**
     * The topics this robot published to, each read once: a robot uses a handful, and reading a topic (split, serial
     * number grammar) for every message was a measurable share of the endpoint's garbage. Touched on the
     * connection's event loop only.
     */
    private final Map<String, TopicRoute> routes = new HashMap<>();
    private static final int REMEMBERED_TOPICS = 16;

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

    /** Where a message on {@code topicName} goes: late samples, or the VDA 5050 topic it names (if any). */
    TopicRoute route(String topicName) {
        TopicRoute known = routes.get(topicName);
        if (known != null) return known;
        TopicRoute route = new TopicRoute(BackfillInbound.isBackfill(topicName), TopicAddress.parse(topicName));
        if (routes.size() < REMEMBERED_TOPICS) routes.put(topicName, route);
        return route;
    }

    /** @param address the VDA 5050 topic, empty when the name is none */
    record TopicRoute(boolean backfill, Optional<TopicAddress> address) {
    }

    boolean receives(Topic topic) {
        return hasSubscribed(prefix + topic.wireName()) || hasSubscribed(prefix + "+") || hasSubscribed(prefix + "#");
    }
}
