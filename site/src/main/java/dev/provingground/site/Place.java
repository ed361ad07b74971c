package dev.provingground.site;

import java.util.Objects;

/** A named destination (a table, an office, a ward) and the waypoint where a robot stops for it. */
public record Place(String name, String level, String waypoint) {

    public Place {
        Objects.requireNonNull(name, "place name");
        Objects.requireNonNull(level, "place level");
        Objects.requireNonNull(waypoint, "place waypoint");
    }
}
