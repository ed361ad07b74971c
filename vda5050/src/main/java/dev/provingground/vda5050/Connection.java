package dev.provingground.vda5050;

import java.time.Instant;

/** Topic connection: the robot's connection state, also its MQTT last will (CONNECTIONBROKEN). */
public record Connection(long headerId, Instant timestamp, String version, String manufacturer, String serialNumber,
                         ConnectionState connectionState) implements VdaMessage {

    /** A connection message with an empty header, to be filled by {@link #withHeader}. */
    public static Connection create(ConnectionState connectionState) {
        return new Connection(0, null, null, null, null, connectionState);
    }

    @Override
    public Topic topic() {
        return Topic.CONNECTION;
    }

    @Override
    public Connection withHeader(Header h) {
        return new Connection(h.headerId(), h.timestamp(), h.version(), h.manufacturer(), h.serialNumber(),
                connectionState);
    }
}
