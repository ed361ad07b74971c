package dev.provingground.site;

import static dev.provingground.site.SiteDocument.orEmpty;

import dev.provingground.geofence.GeoAnchor;
import dev.provingground.site.SiteDocument.CarDocument;
import dev.provingground.site.SiteDocument.ElevatorDocument;
import dev.provingground.site.SiteDocument.FloorPlanDocument;
import dev.provingground.site.SiteDocument.LaneDocument;
import dev.provingground.site.SiteDocument.LevelDocument;
import dev.provingground.site.SiteDocument.PassageDocument;
import dev.provingground.site.SiteDocument.Stop;
import dev.provingground.site.SiteDocument.WaypointDocument;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks what a site document means once its form is right (the schema saw to fields, types and bounds): ids unique,
 * every reference to a level or waypoint resolves (and to one on the right level), lanes and passages not duplicated
 * or misplaced, cars' doors on the levels they serve. Collects every problem with its JSON path and builds the
 * {@link Site} only when there is none.
 *
 * <p>Every waypoint of every level is known before any lane, place, charger, door or passage refers to one, so a
 * reference to a waypoint of another level is told apart from a reference to no waypoint at all.
 */
final class SiteChecks {

    private record Defined(String levelId, String path) {}

    private final Problems problems = new Problems();
    private final Map<String, String> levels = new HashMap<>();
    private final Map<String, Defined> waypoints = new HashMap<>();

    private SiteChecks() {
    }

    /** @throws SiteValidationException listing every problem when the document does not make a site */
    static Site check(SiteDocument document, String source) {
        SiteChecks checks = new SiteChecks();
        Site site = checks.site(document);
        if (!checks.problems.isEmpty()) {
            throw SiteValidationException.in(source, checks.problems.list());
        }
        return site;
    }

    private Site site(SiteDocument d) {
        if (d.id() == null) {
            problems.add("id", "required");
        }
        ZoneId timeZone = timeZone(d.timeZone());
        GeoAnchor anchor = d.geoAnchor() == null ? null : build("geoAnchor", problems.mark(), () -> new GeoAnchor(
                d.geoAnchor().latitude(), d.geoAnchor().longitude(),
                d.geoAnchor().rotationDeg() == null ? 0 : d.geoAnchor().rotationDeg()));
        List<LevelDocument> levelDocuments = orEmpty(d.levels());
        for (int i = 0; i < levelDocuments.size(); i++) {
            defineLevel(levelDocuments.get(i), "levels[" + i + "]");
        }
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < levelDocuments.size(); i++) {
            Level level = level(levelDocuments.get(i), "levels[" + i + "]");
            if (level != null) {
                levels.add(level);
            }
        }
        List<Place> places = stops(orEmpty(d.places()), "places", "place", Place::new);
        List<Charger> chargers = stops(orEmpty(d.chargers()), "chargers", "charger", Charger::new);
        List<Elevator> elevators = elevators(orEmpty(d.elevators()));
        List<Passage> passages = passages(orEmpty(d.passages()));
        if (!problems.isEmpty()) {
            return null;
        }
        return new Site(d.id(), d.name(), timeZone, anchor, levels, places, chargers, elevators, passages);
    }

    private ZoneId timeZone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            problems.add("timeZone", "invalid time zone " + quote(zone) + " (expected an IANA id such as \"Asia/Seoul\")");
            return null;
        }
    }

    /** First pass: the level's id and its waypoints' ids, which everything else refers to. */
    private void defineLevel(LevelDocument level, String path) {
        String first = levels.putIfAbsent(level.id(), path);
        if (first != null) {
            problems.add(path + ".id", "duplicate level id " + quote(level.id()) + " (first at " + first + ")");
        }
        List<WaypointDocument> points = orEmpty(level.waypoints());
        for (int i = 0; i < points.size(); i++) {
            String at = path + ".waypoints[" + i + "]";
            Defined earlier = waypoints.putIfAbsent(points.get(i).id(), new Defined(level.id(), at));
            if (earlier != null) {
                problems.add(at + ".id", "duplicate waypoint id " + quote(points.get(i).id()) + " (first at "
                        + earlier.path() + ")");
            }
        }
    }

    private Level level(LevelDocument level, String path) {
        int mark = problems.mark();
        boolean outdoor = Boolean.TRUE.equals(level.outdoor());
        List<Waypoint> points = new ArrayList<>();
        List<WaypointDocument> written = orEmpty(level.waypoints());
        for (int i = 0; i < written.size(); i++) {
            WaypointDocument w = written.get(i);
            Waypoint point = build(path + ".waypoints[" + i + "]", problems.mark(), () -> new Waypoint(w.id(), w.x(), w.y()));
            if (point != null) {
                points.add(point);
            }
        }
        List<Lane> lanes = lanes(level, path, outdoor);
        FloorPlan plan = floorPlan(level.floorPlan(), path + ".floorPlan");
        String name = level.name() == null ? level.id() : level.name();
        return build(path, mark, () -> new Level(level.id(), name, level.floor(), outdoor, points, lanes, plan));
    }

    private FloorPlan floorPlan(FloorPlanDocument plan, String path) {
        if (plan == null) {
            return null;
        }
        return build(path, problems.mark(), () -> new FloorPlan(plan.image(), plan.mediaType(), plan.widthPx(),
                plan.heightPx(), plan.metresPerPixel(), plan.origin().x(), plan.origin().y()));
    }

    private List<Lane> lanes(LevelDocument level, String levelPath, boolean outdoor) {
        List<Lane> lanes = new ArrayList<>();
        // "from\u0000to" of every direction some lane already allows → that lane's path
        Map<String, String> directions = new HashMap<>();
        List<LaneDocument> written = orEmpty(level.lanes());
        for (int i = 0; i < written.size(); i++) {
            LaneDocument lane = written.get(i);
            String path = levelPath + ".lanes[" + i + "]";
            int mark = problems.mark();
            if (lane.from().equals(lane.to())) {
                problems.add(path, "lane starts and ends at the same waypoint " + quote(lane.from()));
            }
            checkWaypointOnLevel(path + ".from", lane.from(), level.id());
            checkWaypointOnLevel(path + ".to", lane.to(), level.id());
            boolean oneWay = Boolean.TRUE.equals(lane.oneWay());
            LaneKind kind = lane.kind() == null ? LaneKind.defaultFor(outdoor) : lane.kind();
            Lane built = build(path, mark, () -> new Lane(lane.from(), lane.to(), oneWay, lane.speedLimit(), kind));
            if (built == null) {
                continue;
            }
            List<String> allowed = oneWay
                    ? List.of(lane.from() + '\u0000' + lane.to())
                    : List.of(lane.from() + '\u0000' + lane.to(), lane.to() + '\u0000' + lane.from());
            for (String direction : allowed) {
                String first = directions.putIfAbsent(direction, path);
                if (first != null) {
                    String[] ends = direction.split("\u0000");
                    problems.add(path, "duplicates " + first + ": both let robots drive "
                            + quote(ends[0]) + " → " + quote(ends[1]));
                    break;
                }
            }
            lanes.add(built);
        }
        return lanes;
    }

    /** Places or chargers: both are a name and a waypoint on a given level. */
    private <T> List<T> stops(List<Stop> written, String field, String what, StopFactory<T> factory) {
        List<T> stops = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < written.size(); i++) {
            Stop stop = written.get(i);
            String path = field + "[" + i + "]";
            int mark = problems.mark();
            String first = names.putIfAbsent(stop.name(), path);
            if (first != null) {
                problems.add(path + ".name", "duplicate " + what + " name " + quote(stop.name()) + " (first at " + first + ")");
            }
            boolean levelKnown = checkLevel(path + ".level", stop.level());
            checkWaypointOnLevel(path + ".waypoint", stop.waypoint(), levelKnown ? stop.level() : null);
            T built = build(path, mark, () -> factory.create(stop.name(), stop.level(), stop.waypoint()));
            if (built != null) {
                stops.add(built);
            }
        }
        return stops;
    }

    @FunctionalInterface
    private interface StopFactory<T> {
        T create(String name, String level, String waypoint);
    }

    private List<Elevator> elevators(List<ElevatorDocument> written) {
        List<Elevator> elevators = new ArrayList<>();
        Map<String, String> elevatorIds = new HashMap<>();
        Map<String, String> carIds = new HashMap<>();
        for (int i = 0; i < written.size(); i++) {
            ElevatorDocument elevator = written.get(i);
            String path = "elevators[" + i + "]";
            int mark = problems.mark();
            unique(elevatorIds, elevator.id(), path + ".id", path, "elevator id");
            if (elevator.cars().isEmpty()) {
                problems.add(path + ".cars", "an elevator needs at least one car");
            }
            List<ElevatorCar> cars = new ArrayList<>();
            for (int c = 0; c < elevator.cars().size(); c++) {
                ElevatorCar car = car(elevator.cars().get(c), path + ".cars[" + c + "]", carIds);
                if (car != null) {
                    cars.add(car);
                }
            }
            String name = elevator.name() == null ? elevator.id() : elevator.name();
            Elevator built = build(path, mark, () -> new Elevator(elevator.id(), name, cars));
            if (built != null) {
                elevators.add(built);
            }
        }
        return elevators;
    }

    private ElevatorCar car(CarDocument car, String path, Map<String, String> carIds) {
        int mark = problems.mark();
        unique(carIds, car.id(), path + ".id", path, "elevator car id");
        Set<String> served = new LinkedHashSet<>();
        for (int i = 0; i < car.levels().size(); i++) {
            String level = car.levels().get(i);
            String levelPath = path + ".levels[" + i + "]";
            checkLevel(levelPath, level);
            if (!served.add(level)) {
                problems.add(levelPath, "level " + quote(level) + " is listed twice");
            }
        }
        if (served.size() < 2) {
            problems.add(path + ".levels", "a car must serve at least 2 levels, found " + served.size());
        }
        Map<String, String> doors = new LinkedHashMap<>();
        for (Map.Entry<String, String> door : car.doorWaypoints().entrySet()) {
            String level = door.getKey();
            String doorPath = child(path + ".doorWaypoints", level);
            boolean levelServed = served.contains(level);
            if (!levelServed) {
                problems.add(doorPath, "door waypoint on level " + quote(level) + ", which this car does not serve");
            }
            checkWaypointOnLevel(doorPath, door.getValue(), levelServed && levels.containsKey(level) ? level : null);
            doors.put(level, door.getValue());
        }
        for (String level : served) {
            if (!doors.containsKey(level)) {
                problems.add(path + ".doorWaypoints", "no door waypoint for served level " + quote(level));
            }
        }
        int capacity = car.capacityRobots() == null ? 1 : car.capacityRobots();
        return build(path, mark, () -> new ElevatorCar(car.id(), List.copyOf(served), doors, capacity));
    }

    private List<Passage> passages(List<PassageDocument> written) {
        List<Passage> passages = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < written.size(); i++) {
            PassageDocument passage = written.get(i);
            String path = "passages[" + i + "]";
            int mark = problems.mark();
            unique(ids, passage.id(), path + ".id", path, "passage id");
            boolean fromKnown = checkWaypointOnLevel(path + ".from", passage.from(), null);
            boolean toKnown = checkWaypointOnLevel(path + ".to", passage.to(), null);
            if (fromKnown && toKnown) {
                String fromLevel = waypoints.get(passage.from()).levelId();
                if (fromLevel.equals(waypoints.get(passage.to()).levelId())) {
                    problems.add(path, "from " + quote(passage.from()) + " and to " + quote(passage.to())
                            + " are both on level " + quote(fromLevel) + "; a link within a level is a lane");
                }
            }
            boolean oneWay = Boolean.TRUE.equals(passage.oneWay());
            Passage built = build(path, mark, () -> new Passage(passage.id(), passage.from(), passage.to(), oneWay));
            if (built != null) {
                passages.add(built);
            }
        }
        return passages;
    }

    private void unique(Map<String, String> seen, String id, String idPath, String elementPath, String what) {
        String first = seen.putIfAbsent(id, elementPath);
        if (first != null) {
            problems.add(idPath, "duplicate " + what + " " + quote(id) + " (first at " + first + ")");
        }
    }

    /** @return whether the level exists; records a problem when it does not */
    private boolean checkLevel(String path, String levelId) {
        if (!levels.containsKey(levelId)) {
            problems.add(path, "unknown level " + quote(levelId));
            return false;
        }
        return true;
    }

    /**
     * Records a problem when the waypoint does not exist or, if {@code levelId} is given, lies on another
     * level. @return whether the waypoint exists
     */
    private boolean checkWaypointOnLevel(String path, String waypointId, String levelId) {
        Defined defined = waypoints.get(waypointId);
        if (defined == null) {
            problems.add(path, "unknown waypoint " + quote(waypointId));
            return false;
        }
        if (levelId != null && !defined.levelId().equals(levelId)) {
            problems.add(path, "waypoint " + quote(waypointId) + " is on level " + quote(defined.levelId())
                    + ", not on " + quote(levelId));
        }
        return true;
    }

    /**
     * Builds an element only when checking it raised no problem. The records check their own invariants too
     * (finite coordinates, a floor plan's scale); should one of those fail, it becomes a problem at the element's
     * path instead of an exception without one.
     */
    private <T> T build(String path, int mark, Supplier<T> constructor) {
        if (!problems.noneSince(mark)) {
            return null;
        }
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(path, e.getMessage());
            return null;
        }
    }

    /** {@code parent.key}, or {@code parent["key"]} when the key is no plain name (a level id such as "1F"). */
    private static String child(String parent, String key) {
        return PLAIN_KEY.matcher(key).matches() ? parent + "." + key : parent + "[" + quote(key) + "]";
    }

    private static final java.util.regex.Pattern PLAIN_KEY = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
