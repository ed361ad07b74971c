package dev.provingground.site;

import java.util.List;
import java.util.Map;

/**
 * A site file as written, bound by Jackson once it has passed the published schema
 * ({@code docs/schemas/site.schema.json}): every field has its schema's type and bounds, an optional one is null when
 * left out. What the fields mean together (references, duplicates) is {@link SiteChecks}' job.
 */
record SiteDocument(String id, String name, String timeZone, Anchor geoAnchor, List<LevelDocument> levels,
                    List<Stop> places, List<Stop> chargers, List<ElevatorDocument> elevators,
                    List<PassageDocument> passages) {

    record Anchor(double latitude, double longitude, Double rotationDeg) {
    }

    record LevelDocument(String id, String name, int floor, Boolean outdoor, List<WaypointDocument> waypoints,
                         List<LaneDocument> lanes, FloorPlanDocument floorPlan) {
    }

    record WaypointDocument(String id, double x, double y) {
    }

    record LaneDocument(String from, String to, Boolean oneWay, Double speedLimit, LaneKind kind) {
    }

    record FloorPlanDocument(String image, String mediaType, int widthPx, int heightPx, double metresPerPixel,
                             Origin origin) {
    }

    record Origin(double x, double y) {
    }

    /** A place or a charger: a name at a waypoint of a level. */
    record Stop(String name, String level, String waypoint) {
    }

    record ElevatorDocument(String id, String name, List<CarDocument> cars) {
    }

    record CarDocument(String id, List<String> levels, Map<String, String> doorWaypoints, Integer capacityRobots) {
    }

    record PassageDocument(String id, String from, String to, Boolean oneWay) {
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
