package dev.provingground.vda5050;

import java.util.Objects;
import java.util.Optional;

/**
 * A VDA 5050 MQTT topic: {@code interfaceName/majorVersion/manufacturer/serialNumber/topic}.
 * Every level must be non-empty and free of {@code /} and of the MQTT wildcards {@code +} and {@code #},
 * because a manufacturer or serial number containing them would address other robots' topics; no level is
 * {@code .} or {@code ..}, which name a directory wherever a topic becomes a path. A serial number follows
 * {@link #SERIAL_NUMBER}: VDA 5050's characters, starting with a letter or digit like every id of the server.
 */
public record TopicAddress(String interfaceName, String majorVersion, String manufacturer, String serialNumber,
                           Topic topic) {

    public static final String INTERFACE_NAME = "uagv";
    public static final String MAJOR_VERSION = "v2";
    /**
     * The serial number grammar: 1 to 128 of VDA 5050's serial number characters ({@code A-Z a-z 0-9 _ . : -}),
     * the first a letter or digit, so {@code ..}, {@code .hidden} and {@code -x} are refused.
     */
    public static final String SERIAL_NUMBER = "^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$";
    private static final java.util.regex.Pattern SERIAL_NUMBER_PATTERN = java.util.regex.Pattern.compile(SERIAL_NUMBER);

    public TopicAddress {
        requireLevel("interfaceName", interfaceName);
        requireLevel("majorVersion", majorVersion);
        requireLevel("manufacturer", manufacturer);
        requireSerialNumber(serialNumber);
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
        if (!isValidLevel(levels[2]) || !isSerialNumber(levels[3])) {
            return Optional.empty();
        }
        return Topic.fromWire(levels[4]).map(topic -> of(levels[2], levels[3], topic));
    }

    /** The prefix shared by all topics of one robot, e.g. for an ACL: {@code uagv/v2/{m}/{s}/}. */
    public static String robotPrefix(String manufacturer, String serialNumber) {
        requireLevel("manufacturer", manufacturer);
        requireSerialNumber(serialNumber);
        return INTERFACE_NAME + '/' + MAJOR_VERSION + '/' + manufacturer + '/' + serialNumber + '/';
    }

    @Override
    public String toString() {
        return interfaceName + '/' + majorVersion + '/' + manufacturer + '/' + serialNumber + '/' + topic.wireName();
    }

    /** Whether {@code serialNumber} follows {@link #SERIAL_NUMBER}. */
    public static boolean isSerialNumber(String serialNumber) {
        return serialNumber != null && SERIAL_NUMBER_PATTERN.matcher(serialNumber).matches();
    }

    static boolean isValidLevel(String level) {
        if (level == null || level.isEmpty() || level.equals(".") || level.equals("..")) {
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

    private static void requireSerialNumber(String value) {
        if (!isSerialNumber(value)) {
            throw new IllegalArgumentException("TopicAddress.serialNumber must be 1-128 characters of A-Z a-z 0-9 _ . : -"
                    + " starting with a letter or digit, got " + (value == null ? "null" : '"' + value + '"'));
        }
    }

    private static void requireLevel(String field, String value) {
        if (!isValidLevel(value)) {
            throw new IllegalArgumentException("TopicAddress." + field + " must be a non-empty MQTT topic level "
                    + "other than '.' and '..', without '/', '+', '#' or NUL, got " + (value == null ? "null" : '"' + value + '"'));
        }
    }
}
