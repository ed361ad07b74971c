package dev.provingground.server.mqtt;

import java.util.Locale;

/** Why an MQTT message or connection from a robot or lift controller was refused. Each is counted and logged. */
public enum Rejection {
    AUTH_FAILED("unknown robot or lift controller, or wrong password"),
    LOGIN_BLOCKED("a login from an address blocked after too many failed logins; its credentials were not checked"),
    CONNECT_FIELD_TOO_LONG("a CONNECT whose client id, username or password is longer than any client needs"),
    CONNECTION_LIMIT("a login while mqtt.maxConnections clients are connected"),
    WILL_NOT_ALLOWED("last will on a topic other than the robot's own connection topic or the lift's own state topic"),
    TOPIC_NOT_ALLOWED("topic does not belong to the client's credentials or is not one the client may publish"),
    SUBSCRIPTION_NOT_ALLOWED("subscription outside the robot's own order/instantActions or the lift's own request topic"),
    UNKNOWN_TOPIC("not a VDA 5050 topic uagv/v2/{manufacturer}/{serialNumber}/{topic} nor a lift state topic"),
    UNKNOWN_ROBOT("no robot registered for this manufacturer and serial number"),
    UNKNOWN_LIFT("no elevator of the site has a car of this lift_name"),
    OVERSIZE("payload larger than the configured maximum message size"),
    MALFORMED_JSON("payload is not JSON"),
    INVALID_MESSAGE("JSON that is not a valid VDA 5050 message or LiftState (wrong type, missing field, unknown value)"),
    NUMBER_OUT_OF_BOUNDS("a number that is not finite or outside its field's bounds (docs/EVENTS.md), or an implausible time"),
    HEADER_MISMATCH("manufacturer/serialNumber (or a lift state's lift_name) in the message differ from the topic");

    private final String meaning;

    Rejection(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    /** Name as used in metrics and the health document. */
    public String metricName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
