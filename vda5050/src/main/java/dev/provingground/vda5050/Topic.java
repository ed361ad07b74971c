package dev.provingground.vda5050;

import java.util.Optional;

/** The six VDA 5050 topics, with the name each has as the last MQTT topic level. */
public enum Topic {
    ORDER("order", false, Order.class),
    INSTANT_ACTIONS("instantActions", false, InstantActions.class),
    STATE("state", true, State.class),
    VISUALIZATION("visualization", true, Visualization.class),
    CONNECTION("connection", true, Connection.class),
    FACTSHEET("factsheet", true, Factsheet.class);

    private final String wireName;
    private final boolean robotPublishes;
    private final Class<? extends VdaMessage> messageClass;

    Topic(String wireName, boolean robotPublishes, Class<? extends VdaMessage> messageClass) {
        this.wireName = wireName;
        this.robotPublishes = robotPublishes;
        this.messageClass = messageClass;
    }

    public String wireName() {
        return wireName;
    }

    /** True for the topics a robot publishes and master control subscribes to. */
    public boolean robotPublishes() {
        return robotPublishes;
    }

    public Class<? extends VdaMessage> messageClass() {
        return messageClass;
    }

    /** The topic whose wire name is exactly {@code wireName} (case-sensitive, as MQTT topics are). */
    public static Optional<Topic> fromWire(String wireName) {
        for (Topic topic : values()) {
            if (topic.wireName.equals(wireName)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }

    /** The topic a message class travels on. */
    public static Topic of(Class<? extends VdaMessage> messageClass) {
        for (Topic topic : values()) {
            if (topic.messageClass == messageClass) {
                return topic;
            }
        }
        throw new IllegalArgumentException("not a VDA 5050 message class: " + messageClass.getName());
    }
}
