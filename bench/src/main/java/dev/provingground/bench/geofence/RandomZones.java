package dev.provingground.bench.geofence;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import dev.provingground.geofence.ViolationAction;
import dev.provingground.geofence.WeeklySchedule;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.ZoneKind;
import dev.provingground.geofence.ZoneRules;
import dev.provingground.geofence.ZoneState;

/**
 * Random valid zones over a square level: star-shaped polygons (vertices at strictly increasing angles around a
 * centre), which are simple by construction, with a mix of kinds and rules like a busy site's.
 */
final class RandomZones {

    static final String SITE = "bench";
    static final String LEVEL = "L1";
    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final ZoneKind[] KINDS = {ZoneKind.SPEED_LIMIT, ZoneKind.SPEED_LIMIT, ZoneKind.SPEED_LIMIT,
            ZoneKind.CAUTION, ZoneKind.KEEP_OUT, ZoneKind.CROSSWALK, ZoneKind.DISINFECTION};

    private RandomZones() {
    }

    /**
     * @param side       the level is side × side metres
     * @param minVertices fewest vertices of a zone
     * @param maxVertices most vertices of a zone
     */
    static List<Zone> generate(int count, double side, int minVertices, int maxVertices, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Zone> zones = new ArrayList<>(count);
        WeeklySchedule weekdays = new WeeklySchedule(List.of(DayOfWeek.values()).stream()
                .limit(5).map(d -> new WeeklySchedule.Window(d, LocalTime.of(8, 0), LocalTime.of(20, 0))).toList());
        for (int i = 0; i < count; i++) {
            int vertices = random.nextInt(minVertices, maxVertices + 1);
            double radius = random.nextDouble(2, 10);
            double cx = random.nextDouble(radius, side - radius);
            double cy = random.nextDouble(radius, side - radius);
            Polygon polygon = star(cx, cy, radius, vertices, random);
            ZoneKind kind = KINDS[random.nextInt(KINDS.length)];
            ZoneRules rules = new ZoneRules(
                    kind == ZoneKind.SPEED_LIMIT || kind == ZoneKind.CAUTION ? random.nextDouble(0.3, 1.5) : null,
                    random.nextInt(4) == 0 ? Set.of("DELIVERY") : Set.of(),
                    Set.of(),
                    random.nextInt(5) == 0 ? weekdays : null,
                    kind == ZoneKind.CROSSWALK ? 2 : null,
                    ViolationAction.values()[random.nextInt(ViolationAction.values().length)]);
            ZoneState state = kind == ZoneKind.DISINFECTION ? (random.nextBoolean() ? ZoneState.OPEN : ZoneState.CLOSED) : null;
            zones.add(new Zone("z" + i, null, SITE, LEVEL, polygon, kind, state, rules));
        }
        return zones;
    }

    private static Polygon star(double cx, double cy, double radius, int vertices, SplittableRandom random) {
        double[] angles = new double[vertices];
        for (int k = 0; k < vertices; k++) angles[k] = random.nextDouble(0, 2 * Math.PI);
        Arrays.sort(angles);
        for (int k = 1; k < vertices; k++) {
            // Equal angles would put two vertices on one ray and could fold the outline onto itself.
            if (angles[k] <= angles[k - 1]) angles[k] = Math.nextUp(angles[k - 1]);
        }
        Coordinate[] ring = new Coordinate[vertices + 1];
        for (int k = 0; k < vertices; k++) {
            double r = radius * random.nextDouble(0.5, 1.0);
            ring[k] = new Coordinate(cx + r * Math.cos(angles[k]), cy + r * Math.sin(angles[k]));
        }
        ring[vertices] = ring[0].copy();
        return FACTORY.createPolygon(ring);
    }
}
