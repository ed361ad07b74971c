package dev.provingground.server.cluster;

/**
 * Event-bus addresses of a site; only the site's owner consumes them, so a message sent there reaches the owner
 * wherever it runs, and fails with "no handlers" while the site has none.
 */
final class ClusterAddresses {

    /** Header of a forwarded MQTT message: the topic it came on. */
    static final String TOPIC = "topic";
    /** Header of a forwarded MQTT message: when the receiving node took it from the broker (epoch millis). */
    static final String RECEIVED_AT = "receivedAt";

    private ClusterAddresses() {
    }

    /** Robot messages and lift controller states for the site, as the broker delivered them to some node. */
    static String mqtt(String site) {
        return "pg.site." + site + ".mqtt";
    }

    /** REST requests for the site, taken by any node's front. */
    static String http(String site) {
        return "pg.site." + site + ".http";
    }
}
