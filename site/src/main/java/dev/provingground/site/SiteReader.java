package dev.provingground.site;

import dev.provingground.geofence.GeoAnchor;
import static dev.provingground.site.SiteFields.element;
import static dev.provingground.site.SiteFields.quote;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.regex.Pattern;

/**
 * Turns a parsed site document into a {@link Site}, checking structure (fields, types, ranges) and
 * references (waypoints, levels, elevators) and collecting every problem with its JSON path.
 *
 * <p>Levels are read in two passes: every waypoint of every level is known before any lane, place, charger,
 * elevator door or passage refers to one, so a reference to a waypoint of another level is told apart from
 * a reference to no waypoint at all.
 */
final class SiteReader {

    /**
     * The site id appears in URLs, file names and log origins ({@code proving-ground/<site>}), hence the id grammar
     * every id follows: 1 to 64 letters, digits, '.', '_' and '-', starting with a letter or digit.
     */
    private static final Pattern SITE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final Set<String> SITE_FIELDS = Set.of(
            "id", "name", "timeZone", "geoAnchor", "levels", "places", "chargers", "elevators", "passages");
    private static final Set<String> ANCHOR_FIELDS = Set.of("latitude", "longitude", "rotationDeg");
    private static final Set<String> LEVEL_FIELDS = Set.of("id", "name", "floor", "outdoor", "waypoints", "lanes",
            "floorPlan");
    private static final Set<String> FLOOR_PLAN_FIELDS = Set.of("image", "mediaType", "widthPx", "heightPx",
            "metresPerPixel", "origin");
    private static final Set<String> ORIGIN_FIELDS = Set.of("x", "y");
    private static final Set<String> WAYPOINT_FIELDS = Set.of("id", "x", "y");
    private static final Set<String> LANE_FIELDS = Set.of("from", "to", "oneWay", "speedLimit", "kind");
    private static final Set<String> STOP_FIELDS = Set.of("name", "level", "waypoint");
    private static final Set<String> ELEVATOR_FIELDS = Set.of("id", "name", "cars");
    private static final Set<String> CAR_FIELDS = Set.of("id", "levels", "doorWaypoints", "capacityRobots");
    private static final Set<String> PASSAGE_FIELDS = Set.of("id", "from", "to", "oneWay");

    private record Defined(String levelId, String path) {}

    /** A level whose own fields and waypoints have been read; its lanes come in the second pass. */
    private record LevelDraft(SiteFields fields, int mark, String id, String name, Integer floor, Boolean outdoor,
                              FloorPlan floorPlan,
            List<Waypoint> waypoints) {}

    private final Problems problems = new Problems();
    private final Map<String, String> levels = new HashMap<>();
    private final Map<String, Defined> waypoints = new HashMap<>();

    private SiteReader() {
    }

    /** @throws SiteValidationException listing every problem when the document is not a valid site */
    static Site read(JsonNode document, String source) {
        SiteReader reader = new SiteReader();
        Site site = reader.site(document);
        if (!reader.problems.isEmpty()) {
            throw SiteValidationException.in(source, reader.problems.list());
        }
        return site;
    }

    private Site site(JsonNode document) {
        SiteFields root = SiteFields.of(document, "", problems);
        if (root == null) {
            return null;
        }
        root.rejectUnknownFields(SITE_FIELDS);
        String id = root.requiredText("id");
        if (id != null && !SITE_ID.matcher(id).matches()) {
            problems.add(root.pathOf("id"), "site id " + quote(id) + " must be 1-64 letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        String name = root.requiredText("name");
        ZoneId timeZone = timeZone(root);
        GeoAnchor anchor = geoAnchor(root.optionalObject("geoAnchor"));

        List<Level> levels = levels(root);
        List<Place> places = stops(root, "places", "place", Place::new);
        List<Charger> chargers = stops(root, "chargers", "charger", Charger::new);
        List<Elevator> elevators = elevators(root);
        List<Passage> passages = passages(root);
        if (!problems.isEmpty()) {
            return null;
        }
        return new Site(id, name, timeZone, anchor, levels, places, chargers, elevators, passages);
    }

    private ZoneId timeZone(SiteFields root) {
        String zone = root.requiredText("timeZone");
        if (zone == null) {
            return null;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            problems.add(root.pathOf("timeZone"), "invalid time zone " + quote(zone) + " (expected an IANA id such as \"Asia/Seoul\")");
            return null;
        }
    }

    private GeoAnchor geoAnchor(SiteFields anchor) {
        if (anchor == null) {
            return null;
        }
        int mark = problems.mark();
        anchor.rejectUnknownFields(ANCHOR_FIELDS);
        Double latitude = anchor.requiredFiniteNumber("latitude");
        if (latitude != null && !(latitude > -90 && latitude < 90)) {
            problems.add(anchor.pathOf("latitude"), "latitude " + latitude + " is out of range (must be strictly between -90 and 90)");
        }
        Double longitude = anchor.requiredFiniteNumber("longitude");
        if (longitude != null && !(longitude >= -180 && longitude <= 180)) {
            problems.add(anchor.pathOf("longitude"), "longitude " + longitude + " is out of range (must be between -180 and 180)");
        }
        Double rotation = anchor.optionalFiniteNumber("rotationDeg", -360, 360);
        return build(anchor.path(), mark, () -> new GeoAnchor(latitude, longitude, rotation == null ? 0 : rotation));
    }

    private List<Level> levels(SiteFields root) {
        List<JsonNode> nodes = root.requiredArray("levels");
        if (nodes == null) {
            return List.of();
        }
        if (nodes.isEmpty()) {
            problems.add(root.pathOf("levels"), "a site needs at least one level");
        }
        List<LevelDraft> drafts = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            drafts.add(levelDraft(nodes.get(i), element(root.pathOf("levels"), i)));
        }
        List<Level> levels = new ArrayList<>();
        for (LevelDraft draft : drafts) {
            if (draft == null) {
                continue;
            }
            List<Lane> lanes = lanes(draft);
            boolean outdoor = draft.outdoor() != null && draft.outdoor();
            Level level = build(draft.fields().path(), draft.mark(),
                    () -> new Level(draft.id(), draft.name(), draft.floor(), outdoor, draft.waypoints(), lanes,
                            draft.floorPlan()));
            if (level != null) {
                levels.add(level);
            }
        }
        return levels;
    }

    private LevelDraft levelDraft(JsonNode node, String path) {
        int mark = problems.mark();
        SiteFields level = SiteFields.of(node, path, problems);
        if (level == null) {
            return null;
        }
        level.rejectUnknownFields(LEVEL_FIELDS);
        String id = level.requiredText("id");
        if (id != null) {
            String first = levels.putIfAbsent(id, path);
            if (first != null) {
                problems.add(level.pathOf("id"), "duplicate level id " + quote(id) + " (first at " + first + ")");
            }
        }
        String name = level.optionalText("name");
        Integer floor = level.requiredInt("floor");
        Boolean outdoor = level.optionalBoolean("outdoor", false);
        List<Waypoint> levelWaypoints = new ArrayList<>();
        List<JsonNode> nodes = level.requiredArray("waypoints");
        for (int i = 0; nodes != null && i < nodes.size(); i++) {
            Waypoint waypoint = waypoint(nodes.get(i), element(level.pathOf("waypoints"), i), id);
            if (waypoint != null) {
                levelWaypoints.add(waypoint);
            }
        }
        FloorPlan plan = floorPlan(level.optionalObject("floorPlan"));
        return new LevelDraft(level, mark, id, name == null ? id : name, floor, outdoor, plan, levelWaypoints);
    }

    private FloorPlan floorPlan(SiteFields plan) {
        if (plan == null) {
            return null;
        }
        int mark = problems.mark();
        plan.rejectUnknownFields(FLOOR_PLAN_FIELDS);
        String image = plan.requiredText("image");
        String mediaType = plan.requiredText("mediaType");
        Integer width = plan.requiredInt("widthPx");
        Integer height = plan.requiredInt("heightPx");
        Double scale = plan.requiredFiniteNumber("metresPerPixel");
        SiteFields origin = plan.requiredObject("origin");
        Double x = null;
        Double y = null;
        if (origin != null) {
            origin.rejectUnknownFields(ORIGIN_FIELDS);
            x = origin.requiredFiniteNumber("x");
            y = origin.requiredFiniteNumber("y");
        }
        Double originX = x;
        Double originY = y;
        return build(plan.path(), mark, () -> new FloorPlan(image, mediaType, width, height, scale, originX, originY));
    }

    private Waypoint waypoint(JsonNode node, String path, String levelId) {
        int mark = problems.mark();
        SiteFields waypoint = SiteFields.of(node, path, problems);
        if (waypoint == null) {
            return null;
        }
        waypoint.rejectUnknownFields(WAYPOINT_FIELDS);
        String id = waypoint.requiredText("id");
        if (id != null) {
            Defined first = waypoints.putIfAbsent(id, new Defined(levelId, path));
            if (first != null) {
                problems.add(waypoint.pathOf("id"), "duplicate waypoint id " + quote(id) + " (first at " + first.path() + ")");
            }
        }
        Double x = waypoint.requiredFiniteNumber("x", -SiteFields.MAX_COORDINATE, SiteFields.MAX_COORDINATE);
        Double y = waypoint.requiredFiniteNumber("y", -SiteFields.MAX_COORDINATE, SiteFields.MAX_COORDINATE);
        return build(path, mark, () -> new Waypoint(id, x, y));
    }

    private List<Lane> lanes(LevelDraft level) {
        SiteFields fields = level.fields();
        List<Lane> lanes = new ArrayList<>();
        // "from\u0000to" of every direction some lane already allows → that lane's path
        Map<String, String> directions = new HashMap<>();
        List<JsonNode> nodes = fields.optionalArray("lanes");
        for (int i = 0; i < nodes.size(); i++) {
            Lane lane = lane(nodes.get(i), element(fields.pathOf("lanes"), i), level);
            if (lane == null) {
                continue;
            }
            String path = element(fields.pathOf("lanes"), i);
            List<String> allowed = lane.oneWay()
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
            lanes.add(lane);
        }
        return lanes;
    }

    private Lane lane(JsonNode node, String path, LevelDraft level) {
        int mark = problems.mark();
        SiteFields lane = SiteFields.of(node, path, problems);
        if (lane == null) {
            return null;
        }
        lane.rejectUnknownFields(LANE_FIELDS);
        String from = lane.requiredText("from");
        String to = lane.requiredText("to");
        if (from != null && to != null && from.equals(to)) {
            problems.add(path, "lane starts and ends at the same waypoint " + quote(from));
        }
        checkWaypointOnLevel(lane.pathOf("from"), from, level.id());
        checkWaypointOnLevel(lane.pathOf("to"), to, level.id());
        Boolean oneWay = lane.optionalBoolean("oneWay", false);
        Double speedLimit = lane.optionalFiniteNumber("speedLimit", -SiteFields.MAX_MAGNITUDE, 100);
        if (speedLimit != null && speedLimit <= 0) {
            problems.add(lane.pathOf("speedLimit"), "speed limit must be positive (m/s), found " + speedLimit);
        }
        LaneKind kind = laneKind(lane, level.outdoor() != null && level.outdoor());
        return build(path, mark, () -> new Lane(from, to, oneWay, speedLimit, kind));
    }

    private LaneKind laneKind(SiteFields lane, boolean outdoor) {
        String kind = lane.optionalText("kind");
        if (kind == null) {
            return LaneKind.defaultFor(outdoor);
        }
        try {
            return LaneKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            List<String> known = new ArrayList<>();
            for (LaneKind k : LaneKind.values()) {
                known.add(k.name());
            }
            problems.add(lane.pathOf("kind"), "unknown lane kind " + quote(kind) + " (expected one of " + String.join(", ", known) + ")");
            return null;
        }
    }

    /** Reads places or chargers: both are a name and a waypoint on a given level. */
    private <T> List<T> stops(SiteFields root, String field, String what, StopFactory<T> factory) {
        List<T> stops = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        List<JsonNode> nodes = root.optionalArray(field);
        for (int i = 0; i < nodes.size(); i++) {
            String path = element(root.pathOf(field), i);
            int mark = problems.mark();
            SiteFields stop = SiteFields.of(nodes.get(i), path, problems);
            if (stop == null) {
                continue;
            }
            stop.rejectUnknownFields(STOP_FIELDS);
            String name = stop.requiredText("name");
            if (name != null) {
                String first = names.putIfAbsent(name, path);
                if (first != null) {
                    problems.add(stop.pathOf("name"), "duplicate " + what + " name " + quote(name) + " (first at " + first + ")");
                }
            }
            String level = stop.requiredText("level");
            boolean levelKnown = checkLevel(stop.pathOf("level"), level);
            String waypoint = stop.requiredText("waypoint");
            checkWaypointOnLevel(stop.pathOf("waypoint"), waypoint, levelKnown ? level : null);
            T built = build(path, mark, () -> factory.create(name, level, waypoint));
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

    private List<Elevator> elevators(SiteFields root) {
        List<Elevator> elevators = new ArrayList<>();
        Map<String, String> elevatorIds = new HashMap<>();
        Map<String, String> carIds = new HashMap<>();
        List<JsonNode> nodes = root.optionalArray("elevators");
        for (int i = 0; i < nodes.size(); i++) {
            String path = element(root.pathOf("elevators"), i);
            int mark = problems.mark();
            SiteFields elevator = SiteFields.of(nodes.get(i), path, problems);
            if (elevator == null) {
                continue;
            }
            elevator.rejectUnknownFields(ELEVATOR_FIELDS);
            String id = elevator.requiredText("id");
            unique(elevatorIds, id, elevator.pathOf("id"), path, "elevator id");
            String name = elevator.optionalText("name");
            List<ElevatorCar> cars = new ArrayList<>();
            List<JsonNode> carNodes = elevator.requiredArray("cars");
            if (carNodes != null && carNodes.isEmpty()) {
                problems.add(elevator.pathOf("cars"), "an elevator needs at least one car");
            }
            for (int c = 0; carNodes != null && c < carNodes.size(); c++) {
                ElevatorCar car = car(carNodes.get(c), element(elevator.pathOf("cars"), c), carIds);
                if (car != null) {
                    cars.add(car);
                }
            }
            Elevator built = build(path, mark, () -> new Elevator(id, name == null ? id : name, cars));
            if (built != null) {
                elevators.add(built);
            }
        }
        return elevators;
    }

    private ElevatorCar car(JsonNode node, String path, Map<String, String> carIds) {
        int mark = problems.mark();
        SiteFields car = SiteFields.of(node, path, problems);
        if (car == null) {
            return null;
        }
        car.rejectUnknownFields(CAR_FIELDS);
        String id = car.requiredText("id");
        unique(carIds, id, car.pathOf("id"), path, "elevator car id");

        Set<String> served = new LinkedHashSet<>();
        List<JsonNode> levelNodes = car.requiredArray("levels");
        for (int i = 0; levelNodes != null && i < levelNodes.size(); i++) {
            String levelPath = element(car.pathOf("levels"), i);
            JsonNode levelNode = levelNodes.get(i);
            if (!levelNode.isTextual()) {
                problems.add(levelPath, "expected a level id, found " + SiteFields.describe(levelNode));
                continue;
            }
            String level = levelNode.textValue();
            checkLevel(levelPath, level);
            if (!served.add(level)) {
                problems.add(levelPath, "level " + quote(level) + " is listed twice");
            }
        }
        if (levelNodes != null && served.size() < 2) {
            problems.add(car.pathOf("levels"), "a car must serve at least 2 levels, found " + served.size());
        }

        Map<String, String> doors = new LinkedHashMap<>();
        SiteFields doorFields = car.requiredObject("doorWaypoints");
        if (doorFields != null) {
            for (Map.Entry<String, JsonNode> door : doorFields.entries()) {
                String level = door.getKey();
                String doorPath = doorFields.pathOf(level);
                boolean levelServed = served.contains(level);
                if (levelNodes != null && !levelServed) {
                    problems.add(doorPath, "door waypoint on level " + quote(level) + ", which this car does not serve");
                }
                if (!door.getValue().isTextual() || door.getValue().textValue().isBlank()) {
                    problems.add(doorPath, "expected a waypoint id, found " + SiteFields.describe(door.getValue()));
                    continue;
                }
                String waypoint = door.getValue().textValue();
                checkWaypointOnLevel(doorPath, waypoint, levelServed && levels.containsKey(level) ? level : null);
                doors.put(level, waypoint);
            }
            for (String level : served) {
                if (!doors.containsKey(level)) {
                    problems.add(car.pathOf("doorWaypoints"), "no door waypoint for served level " + quote(level));
                }
            }
        }
        Integer capacity = car.optionalInt("capacityRobots");
        if (capacity != null && capacity < 1) {
            problems.add(car.pathOf("capacityRobots"), "a car must carry at least 1 robot, found " + capacity);
        }
        return build(path, mark, () -> new ElevatorCar(id, List.copyOf(served), doors, capacity == null ? 1 : capacity));
    }

    private List<Passage> passages(SiteFields root) {
        List<Passage> passages = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        List<JsonNode> nodes = root.optionalArray("passages");
        for (int i = 0; i < nodes.size(); i++) {
            String path = element(root.pathOf("passages"), i);
            int mark = problems.mark();
            SiteFields passage = SiteFields.of(nodes.get(i), path, problems);
            if (passage == null) {
                continue;
            }
            passage.rejectUnknownFields(PASSAGE_FIELDS);
            String id = passage.requiredText("id");
            unique(ids, id, passage.pathOf("id"), path, "passage id");
            String from = passage.requiredText("from");
            String to = passage.requiredText("to");
            boolean fromKnown = checkWaypointOnLevel(passage.pathOf("from"), from, null);
            boolean toKnown = checkWaypointOnLevel(passage.pathOf("to"), to, null);
            if (fromKnown && toKnown) {
                String fromLevel = waypoints.get(from).levelId();
                if (fromLevel != null && fromLevel.equals(waypoints.get(to).levelId())) {
                    problems.add(path, "from " + quote(from) + " and to " + quote(to) + " are both on level "
                            + quote(fromLevel) + "; a link within a level is a lane");
                }
            }
            Boolean oneWay = passage.optionalBoolean("oneWay", false);
            Passage built = build(path, mark, () -> new Passage(id, from, to, oneWay));
            if (built != null) {
                passages.add(built);
            }
        }
        return passages;
    }

    private void unique(Map<String, String> seen, String id, String idPath, String elementPath, String what) {
        if (id == null) {
            return;
        }
        String first = seen.putIfAbsent(id, elementPath);
        if (first != null) {
            problems.add(idPath, "duplicate " + what + " " + quote(id) + " (first at " + first + ")");
        }
    }

    /** @return whether the level exists; records a problem when it does not */
    private boolean checkLevel(String path, String levelId) {
        if (levelId == null) {
            return false;
        }
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
        if (waypointId == null) {
            return false;
        }
        Defined defined = waypoints.get(waypointId);
        if (defined == null) {
            problems.add(path, "unknown waypoint " + quote(waypointId));
            return false;
        }
        if (levelId != null && defined.levelId() != null && !defined.levelId().equals(levelId)) {
            problems.add(path, "waypoint " + quote(waypointId) + " is on level " + quote(defined.levelId())
                    + ", not on " + quote(levelId));
        }
        return true;
    }

    /**
     * Builds an element only when reading it raised no problem. The records check their own invariants
     * too; should one of those still fail, it becomes a problem at the element's path instead of an
     * exception without one.
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
}
