package dev.provingground.site;

import java.util.Objects;

/** A charging station and the waypoint where a robot docks to it. */
public record Charger(String name, String level, String waypoint) {

    public Charger {
        Objects.requireNonNull(name, "charger name");
        Objects.requireNonNull(level, "charger level");
        Objects.requireNonNull(waypoint, "charger waypoint");
    }
}
