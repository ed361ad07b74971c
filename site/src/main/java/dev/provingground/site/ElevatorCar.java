package dev.provingground.site;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One elevator car.
 *
 * @param levels         ids of the levels the car stops at
 * @param doorWaypoints  level id → the waypoint in front of the car's door on that level, where a robot
 *                       waits and from which it boards
 * @param capacityRobots how many robots may ride at once
 */
public record ElevatorCar(String id, List<String> levels, Map<String, String> doorWaypoints, int capacityRobots) {

    public ElevatorCar {
        Objects.requireNonNull(id, "elevator car id");
        levels = List.copyOf(levels);
        // Insertion order is kept so that files are written in the order they were read.
        doorWaypoints = Collections.unmodifiableMap(new LinkedHashMap<>(doorWaypoints));
        if (capacityRobots < 1) {
            throw new IllegalArgumentException("elevator car " + id + " capacityRobots must be at least 1, got " + capacityRobots);
        }
    }

    public boolean serves(String levelId) {
        return levels.contains(levelId);
    }
}
