package dev.provingground.vda5050;

import java.time.Instant;

/**
 * Topic visualization: position and velocity at a higher rate than state. Every field is optional in the
 * schema, so a decoded message may have a null timestamp and headerId 0.
 */
public record Visualization(long headerId, Instant timestamp, String version, String manufacturer,
                            String serialNumber, AgvPosition agvPosition, Velocity velocity) implements VdaMessage {

    /** A visualization with an empty header, to be filled by {@link #withHeader}. */
    public static Visualization create(AgvPosition agvPosition, Velocity velocity) {
        return new Visualization(0, null, null, null, null, agvPosition, velocity);
    }

    @Override
    public Topic topic() {
        return Topic.VISUALIZATION;
    }

    @Override
    public Visualization withHeader(Header h) {
        return new Visualization(h.headerId(), h.timestamp(), h.version(), h.manufacturer(), h.serialNumber(),
                agvPosition, velocity);
    }
}
