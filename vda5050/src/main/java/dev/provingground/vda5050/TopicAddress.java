package dev.provingground.vda5050;

import java.util.Objects;
import java.util.Optional;

/**
 * A VDA 5050 MQTT topic: {@code interfaceName/majorVersion/manufacturer/serialNumber/topic}.
 * Every level must be non-empty and free of {@code /} and of the MQTT wildcards {@code +} and {@code #},
 * because a manufacturer or serial number containing them would address other robots' topics.
 */
public record TopicAddress(String interfaceName, String majorVersion, String manufacturer, String serialNumber,
                           Topic topic) {

    public static final String INTERFACE_NAME = "uagv";
    public static final String MAJOR_VERSION = "v2";

    public TopicAddress {
        requireLevel("interfaceName", interfaceName);
        requireLevel("majorVersion", majorVersion);
        requireLevel("manufacturer", manufacturer);
        requireLevel("serialNumber", serialNumber);
        Objects.requireNonNull(topic, "topic");
    }

    public static TopicAddress of(String manufacturer, String serialNumber, Topic topic) {
        return new TopicAddress(INTERFACE_NAME, MAJOR_VERSION, manufacturer, serialNumber, topic);
    }

    /**
     * Parses {@code uagv/v2/{manufacturer}/{serialNumber}/{topic}}; anything else (other interface or
     * version, unknown topic, wrong number of levels, empty levels, wildcards) gives empty.
     */
    public static Optional<TopicAddress> parse(String mqttTopic) {
        if (mqttTopic == null) {
            return Optional.empty();
        }
        String[] levels = mqttTopic.split("/", -1);
        if (levels.length != 5 || !INTERFACE_NAME.equals(levels[0]) || !MAJOR_VERSION.equals(levels[1])) {
            return Optional.empty();
        }
        if (!isValidLevel(levels[2]) || !isValidLevel(levels[3])) {
            return Optional.empty();
        }
        return Topic.fromWire(levels[4]).map(topic -> of(levels[2], levels[3], topic));
    }

    /** The prefix shared by all topics of one robot, e.g. for an ACL: {@code uagv/v2/{m}/{s}/}. */
    public static String robotPrefix(String manufacturer, String serialNumber) {
        requireLevel("manufacturer", manufacturer);
        requireLevel("serialNumber", serialNumber);
        return INTERFACE_NAME + '/' + MAJOR_VERSION + '/' + manufacturer + '/' + serialNumber + '/';
    }

    @Override
    public String toString() {
        return interfaceName + '/' + majorVersion + '/' + manufacturer + '/' + serialNumber + '/' + topic.wireName();
    }

    static boolean isValidLevel(String level) {
        if (level == null || level.isEmpty()) {
            return false;
        }
        for (int i = 0; i < level.length(); i++) {
            char c = level.charAt(i);
            if (c == '/' || c == '+' || c == '#' || c == '\u0000') {
                return false;
            }
        }
        return true;
    }

    private static void requireLevel(String field, String value) {
        if (!isValidLevel(value)) {
            throw new IllegalArgumentException("TopicAddress." + field + " must be a non-empty MQTT topic level "
                    + "without '/', '+', '#' or NUL, got " + (value == null ? "null" : '"' + value + '"'));
        }
    }
}
