package dev.provingground.server.mqtt;

/** Why an MQTT message or connection from a robot was refused. Each is counted and logged. */
public enum Rejection {
    AUTH_FAILED("unknown robot or wrong password"),
    WILL_NOT_ALLOWED("last will on a topic other than the robot's own connection topic"),
    TOPIC_NOT_ALLOWED("topic does not belong to the robot's credentials or is not a robot-published topic"),
    SUBSCRIPTION_NOT_ALLOWED("subscription outside the robot's own order/instantActions topics"),
    UNKNOWN_TOPIC("not a VDA 5050 topic uagv/v2/{manufacturer}/{serialNumber}/{topic}"),
    UNKNOWN_ROBOT("no robot registered for this manufacturer and serial number"),
    OVERSIZE("payload larger than the configured maximum message size"),
    MALFORMED_JSON("payload is not JSON"),
    INVALID_MESSAGE("JSON that is not a valid VDA 5050 message (wrong type, missing field, unknown value)"),
    HEADER_MISMATCH("manufacturer/serialNumber in the message differ from the topic");

    private final String meaning;

    Rejection(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    /** Name as used in metrics and the health document. */
    public String metricName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
