package dev.provingground.server.elevator;

import java.util.Objects;

/** A robot as the elevator rules see it. @param kind a {@code RobotKind} name such as {@code DELIVERY} */
public record Rider(String robotId, String kind) {

    public Rider {
        Objects.requireNonNull(robotId, "robotId");
        Objects.requireNonNull(kind, "kind");
    }
}
