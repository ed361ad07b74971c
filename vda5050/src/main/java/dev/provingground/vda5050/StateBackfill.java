package dev.provingground.vda5050;

import java.util.Optional;

/**
 * Proving Ground's extension topic {@code uagv/v2/{manufacturer}/{serialNumber}/stateBackfill}: state messages a robot
 * kept while its MQTT link was down, sent after it reconnected, oldest first. The payload is exactly the VDA 5050
 * {@code state} message as it would have gone out then (2.1.0 schema, original headerId and timestamp), so a fleet
 * manager that does not know the topic loses nothing but the backlog; one that does records the samples as late ones
 * without moving the robot's live state backwards.
 */
public final class StateBackfill {

    /** The last topic level. */
    public static final String TOPIC_LEVEL = "stateBackfill";

    private StateBackfill() {
    }

    public static String topic(String manufacturer, String serialNumber) {
        return TopicAddress.robotPrefix(manufacturer, serialNumber) + TOPIC_LEVEL;
    }

    /** The robot a backfill topic belongs to, as {@code [manufacturer, serialNumber]}; empty for any other topic. */
    public static Optional<String[]> robotOf(String mqttTopic) {
        if (mqttTopic == null) return Optional.empty();
        String[] levels = mqttTopic.split("/", -1);
        if (levels.length != 5 || !TopicAddress.INTERFACE_NAME.equals(levels[0])
                || !TopicAddress.MAJOR_VERSION.equals(levels[1]) || !TOPIC_LEVEL.equals(levels[4])
                || !TopicAddress.isValidLevel(levels[2]) || !TopicAddress.isValidLevel(levels[3])) {
            return Optional.empty();
        }
        return Optional.of(new String[]{levels[2], levels[3]});
    }
}
