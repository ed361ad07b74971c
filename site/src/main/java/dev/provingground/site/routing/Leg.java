package dev.provingground.site.routing;

import java.util.List;
import java.util.Objects;

/** One part of a {@link Route}: a drive on one level, an elevator ride or a walk through a passage. */
public sealed interface Leg permits Leg.Drive, Leg.ElevatorRide, Leg.PassageCrossing {

    String fromWaypoint();

    String toWaypoint();

    /** Expected time for this leg. */
    double seconds();

    /**
     * Driving along lanes of one level.
     *
     * @param waypoints every waypoint passed, both ends included; at least two
     */
    record Drive(String level, List<String> waypoints, double seconds) implements Leg {
        public Drive {
            Objects.requireNonNull(level, "level");
            waypoints = List.copyOf(waypoints);
            if (waypoints.size() < 2) throw new IllegalArgumentException("a drive needs at least 2 waypoints, got " + waypoints);
        }

        @Override
        public String fromWaypoint() {
            return waypoints.get(0);
        }

        @Override
        public String toWaypoint() {
            return waypoints.get(waypoints.size() - 1);
        }
    }

    /** Riding an elevator car from the door waypoint on one level to the door waypoint on another. */
    record ElevatorRide(String elevator, String car, String fromLevel, String toLevel, String fromWaypoint,
                        String toWaypoint, double seconds) implements Leg {
    }

    /** Going through a passage between levels (e.g. the entrance door between the lobby and the sidewalk). */
    record PassageCrossing(String passage, String fromWaypoint, String toWaypoint, double seconds) implements Leg {
    }
}
