package dev.provingground.site;

import java.util.Objects;

/**
 * A walkable link between waypoints on two different levels that is not an elevator: the building's
 * entrance door between the lobby map and the sidewalk map, a ramp between two maps. A robot switches
 * {@code mapId} when it goes through.
 *
 * @param oneWay when true robots may only go {@code from → to}
 */
public record Passage(String id, String from, String to, boolean oneWay) {

    public Passage {
        Objects.requireNonNull(id, "passage id");
        Objects.requireNonNull(from, "passage from");
        Objects.requireNonNull(to, "passage to");
    }
}
