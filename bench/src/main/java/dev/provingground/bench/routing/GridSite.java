package dev.provingground.bench.routing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.WeeklySchedule;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.ZoneKind;
import dev.provingground.geofence.ZoneRules;
import dev.provingground.geofence.validation.ZoneValidator;
import dev.provingground.site.Charger;
import dev.provingground.site.Elevator;
import dev.provingground.site.ElevatorCar;
import dev.provingground.site.Lane;
import dev.provingground.site.LaneKind;
import dev.provingground.site.Level;
import dev.provingground.site.Site;
import dev.provingground.site.Waypoint;

/**
 * A large random building for the dispatch benchmark: each level a grid of waypoints. Main corridors (every fifth
 * row, every eighth column, and the outer edges) are two-way and always there; the lanes between them are sometimes
 * missing (walls), sometimes one-way, sometimes slow. Four elevator cars stand at main-corridor crossings: three
 * serve every level, one only the lowest three. Each level has a charger at its south-west corner, two speed-limit
 * zones, a keep-out and a caution zone in force on weekdays 08:00–20:00.
 */
public final class GridSite {

    public static final String SITE_ID = "bench-grid";
    public static final ZoneId TIME_ZONE = ZoneId.of("Asia/Seoul");
    static final double SPACING = 4;

    private static final double MISSING = 0.12;
    private static final double ONE_WAY = 0.12;
    private static final double SLOW = 0.20;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    public record Generated(Site site, List<Zone> zones) {
    }

    private GridSite() {
    }

    public static Generated generate(int levels, int columns, int rows, long seed) {
        Random random = new Random(seed);
        List<Integer> mainColumns = mains(columns, 8);
        List<Integer> mainRows = mains(rows, 5);
        List<Level> levelList = new ArrayList<>();
        for (int k = 1; k <= levels; k++) {
            levelList.add(level(k, columns, rows, mainColumns, mainRows, random));
        }
        List<Charger> chargers = new ArrayList<>();
        for (int k = 1; k <= levels; k++) chargers.add(new Charger("charger-" + k, levelId(k), waypointId(k, 0, 0)));
        Site site = new Site(SITE_ID, "Benchmark grid building", TIME_ZONE, null, levelList, List.of(), chargers,
                elevators(levels, mainColumns, mainRows));
        List<Zone> zones = new ArrayList<>();
        for (Level level : levelList) zones.addAll(zones(level.id(), columns, rows, random));
        new ZoneValidator(GeofenceConfig.defaults()).validate(zones, SITE_ID, site.levelIds(), "generated zones");
        return new Generated(site, zones);
    }

    static String levelId(int k) {
        return "L" + k;
    }

    static String waypointId(int level, int column, int row) {
        return "L" + level + "-" + column + "-" + row;
    }

    private static List<Integer> mains(int size, int every) {
        List<Integer> mains = new ArrayList<>();
        for (int i = 0; i < size; i += every) mains.add(i);
        if (mains.get(mains.size() - 1) != size - 1) mains.add(size - 1);
        return mains;
    }

    private static Level level(int k, int columns, int rows, List<Integer> mainColumns, List<Integer> mainRows,
                               Random random) {
        List<Waypoint> waypoints = new ArrayList<>(columns * rows);
        for (int c = 0; c < columns; c++) {
            for (int r = 0; r < rows; r++) waypoints.add(new Waypoint(waypointId(k, c, r), c * SPACING, r * SPACING));
        }
        List<Lane> lanes = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            for (int r = 0; r < rows; r++) {
                if (c + 1 < columns) lanes.add(lane(k, c, r, c + 1, r, mainRows.contains(r), random));
                if (r + 1 < rows) lanes.add(lane(k, c, r, c, r + 1, mainColumns.contains(c), random));
            }
        }
        lanes.removeIf(l -> l == null);
        return new Level(levelId(k), "Floor " + k, k, false, waypoints, lanes);
    }

    /** @return null for a lane that is walled off */
    private static Lane lane(int k, int c0, int r0, int c1, int r1, boolean main, Random random) {
        String a = waypointId(k, c0, r0);
        String b = waypointId(k, c1, r1);
        Double limit = random.nextDouble() < SLOW ? (random.nextBoolean() ? 0.5 : 0.8) : null;
        if (main) return new Lane(a, b, false, limit, LaneKind.CORRIDOR);
        if (random.nextDouble() < MISSING) return null;
        if (random.nextDouble() < ONE_WAY) {
            return random.nextBoolean() ? new Lane(a, b, true, limit, LaneKind.CORRIDOR)
                    : new Lane(b, a, true, limit, LaneKind.CORRIDOR);
        }
        return new Lane(a, b, false, limit, LaneKind.CORRIDOR);
    }

    /** Two banks of two cars at main-corridor crossings; car B of the second bank serves only the lowest three levels. */
    private static List<Elevator> elevators(int levels, List<Integer> mainColumns, List<Integer> mainRows) {
        int west = mainColumns.get(Math.min(1, mainColumns.size() - 1));
        int east = mainColumns.get(Math.max(0, mainColumns.size() - 2));
        int south = mainRows.get(Math.min(1, mainRows.size() - 1));
        int north = mainRows.get(Math.max(0, mainRows.size() - 2));
        return List.of(
                new Elevator("E1", "West bank", List.of(car("E1-A", levels, west, south), car("E1-B", levels, west, north))),
                new Elevator("E2", "East bank", List.of(car("E2-A", levels, east, south),
                        car("E2-B", Math.min(3, levels), east, north))));
    }

    private static ElevatorCar car(String id, int topLevel, int column, int row) {
        List<String> served = new ArrayList<>();
        Map<String, String> doors = new LinkedHashMap<>();
        for (int k = 1; k <= topLevel; k++) {
            served.add(levelId(k));
            doors.put(levelId(k), waypointId(k, column, row));
        }
        return new ElevatorCar(id, served, doors, 2);
    }

    private static List<Zone> zones(String level, int columns, int rows, Random random) {
        WeeklySchedule weekdayDaytime = new WeeklySchedule(Arrays.stream(DayOfWeek.values()).limit(5)
                .map(d -> new WeeklySchedule.Window(d, LocalTime.of(8, 0), LocalTime.of(20, 0))).toList());
        return List.of(
                zone(level + "-slow-1", level, ZoneKind.SPEED_LIMIT, box(columns, rows, 6, random), ZoneRules.NONE.withMaxSpeed(0.6)),
                zone(level + "-slow-2", level, ZoneKind.SPEED_LIMIT, box(columns, rows, 6, random), ZoneRules.NONE.withMaxSpeed(0.6)),
                zone(level + "-keep-out", level, ZoneKind.KEEP_OUT, box(columns, rows, 3, random), ZoneRules.NONE),
                zone(level + "-caution", level, ZoneKind.CAUTION, box(columns, rows, 4, random),
                        ZoneRules.NONE.withMaxSpeed(0.8).withSchedule(weekdayDaytime)));
    }

    private static Zone zone(String id, String level, ZoneKind kind, Polygon area, ZoneRules rules) {
        return new Zone(id, null, SITE_ID, level, area, kind, null, rules);
    }

    /** A rectangle of up to {@code cells} grid cells a side somewhere on the level, its corners off the lanes. */
    private static Polygon box(int columns, int rows, int cells, Random random) {
        double width = (1 + random.nextInt(cells)) * SPACING;
        double height = (1 + random.nextInt(cells)) * SPACING;
        double x0 = random.nextInt(Math.max(1, columns - 1)) * SPACING + SPACING / 2;
        double y0 = random.nextInt(Math.max(1, rows - 1)) * SPACING + SPACING / 2;
        return FACTORY.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x0 + width, y0),
                new Coordinate(x0 + width, y0 + height), new Coordinate(x0, y0 + height), new Coordinate(x0, y0)});
    }
}
