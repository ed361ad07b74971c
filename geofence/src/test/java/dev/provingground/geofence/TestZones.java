package dev.provingground.geofence;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Small zones and times shared by the tests. */
public final class TestZones {

    public static final String SITE = "seoul-lab";
    public static final String LEVEL = "L1";
    public static final ZoneId TIME_ZONE = ZoneId.of("Asia/Seoul");
    /** Monday 2 June 2025, 10:00 in Seoul. */
    public static final Instant MONDAY_10 = ZonedDateTime.of(2025, 6, 2, 10, 0, 0, 0, TIME_ZONE).toInstant();

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private TestZones() {
    }

    public static Polygon rectangle(double x0, double y0, double x1, double y1) {
        return FACTORY.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0),
                new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    public static Zone zone(String id, ZoneKind kind, Polygon area) {
        return new Zone(id, null, SITE, LEVEL, area, kind, null, ZoneRules.NONE);
    }

    public static Zone zone(String id, ZoneKind kind, Polygon area, ZoneRules rules) {
        return new Zone(id, null, SITE, LEVEL, area, kind, null, rules);
    }

    public static Instant at(int hour, int minute) {
        return ZonedDateTime.of(2025, 6, 2, hour, minute, 0, 0, TIME_ZONE).toInstant();
    }
}
