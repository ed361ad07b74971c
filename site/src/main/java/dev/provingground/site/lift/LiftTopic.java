package dev.provingground.site.lift;

import java.util.Objects;
import java.util.Optional;

/**
 * An MQTT topic of the elevator protocol: {@code lifts/{site}/{lift_name}/request} (server → controller) or
 * {@code lifts/{site}/{lift_name}/state} (controller → server).
 */
public record LiftTopic(String site, String liftName, Channel channel) {

    public static final String ROOT = "lifts";

    public enum Channel {
        REQUEST("request"), STATE("state");

        private final String segment;

        Channel(String segment) {
            this.segment = segment;
        }

        public String segment() {
            return segment;
        }
    }

    public LiftTopic {
        checkLevel("site", site);
        checkLevel("lift_name", liftName);
        Objects.requireNonNull(channel, "channel");
    }

    public static LiftTopic request(String site, String liftName) {
        return new LiftTopic(site, liftName, Channel.REQUEST);
    }

    public static LiftTopic state(String site, String liftName) {
        return new LiftTopic(site, liftName, Channel.STATE);
    }

    /** Subscription filter for the state of every car of a site. */
    public static String allStates(String site) {
        checkLevel("site", site);
        return ROOT + "/" + site + "/+/" + Channel.STATE.segment;
    }

    /** The topic named by {@code topic}, or empty when it is not one of this protocol's topics. */
    public static Optional<LiftTopic> parse(String topic) {
        String[] parts = topic.split("/", -1);
        if (parts.length != 4 || !parts[0].equals(ROOT) || parts[1].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        for (Channel c : Channel.values()) {
            if (c.segment.equals(parts[3])) {
                return Optional.of(new LiftTopic(parts[1], parts[2], c));
            }
        }
        return Optional.empty();
    }

    private static void checkLevel(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.contains("/") || value.contains("+") || value.contains("#")) {
            throw new IllegalArgumentException("lift topic " + what + " must be non-blank without '/', '+' or '#', got \""
                    + value + "\"");
        }
    }

    @Override
    public String toString() {
        return ROOT + "/" + site + "/" + liftName + "/" + channel.segment;
    }
}
