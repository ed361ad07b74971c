package dev.provingground.server.mqtt;

import dev.provingground.vda5050.SchemaViolation;

import java.time.Instant;
import java.util.List;

/**
 * One refused MQTT message or connection, kept so that a vendor can see why its robot was refused without the
 * server's log.
 *
 * @param robotId    the registered robot it came from, or null when none is known (failed login, unknown robot,
 *                   a lift controller); such refusals are shown to operators only
 * @param topic      the topic it was published on, or null when the refusal is not about one message
 * @param violations where an invalid message is wrong; empty for other reasons
 */
public record Refusal(Instant at, String robotId, String topic, Rejection reason, String message,
                      List<SchemaViolation> violations) {

    /** Longer messages are cut: a refusal is kept for the API, and a client must not choose its size. */
    static final int MAX_MESSAGE_CHARS = 1000;

    public Refusal {
        violations = List.copyOf(violations);
        if (message != null && message.length() > MAX_MESSAGE_CHARS)
            message = message.substring(0, MAX_MESSAGE_CHARS) + "… (" + message.length() + " characters)";
    }
}
