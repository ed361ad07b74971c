package dev.provingground.site;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One floor of a building, or one outdoor area, with its nav graph.
 *
 * @param id     the VDA 5050 {@code mapId} robots report while on this level
 * @param floor  storey number as people count it (0 for the street level outside)
 * @param outdoor whether the level is outside; decides the default lane kind
 * @param floorPlan the image laid under the nav graph, or {@code null} for none
 */
public record Level(String id, String name, int floor, boolean outdoor, List<Waypoint> waypoints, List<Lane> lanes,
                    FloorPlan floorPlan) {

    public Level {
        Objects.requireNonNull(id, "level id");
        Objects.requireNonNull(name, "level name");
        waypoints = List.copyOf(waypoints);
        lanes = List.copyOf(lanes);
    }

    /** A level without a floor-plan image. */
    public Level(String id, String name, int floor, boolean outdoor, List<Waypoint> waypoints, List<Lane> lanes) {
        this(id, name, floor, outdoor, waypoints, lanes, null);
    }

    /** This level with {@code plan} as its floor-plan image ({@code null}: without one). */
    public Level withFloorPlan(FloorPlan plan) {
        return new Level(id, name, floor, outdoor, waypoints, lanes, plan);
    }

    public Optional<Waypoint> waypoint(String waypointId) {
        return waypoints.stream().filter(w -> w.id().equals(waypointId)).findFirst();
    }

    /** The waypoint closest to (x, y) in this level's frame — where a robot standing there joins the graph. */
    public Waypoint nearestWaypoint(double x, double y) {
        Waypoint best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Waypoint w : waypoints) {
            // squared: same order as the distance, without hypot's cost on a whole level per robot per decision
            double dx = w.x() - x;
            double dy = w.y() - y;
            double d = dx * dx + dy * dy;
            if (d < bestDistance) {
                bestDistance = d;
                best = w;
            }
        }
        return best;
    }
}
