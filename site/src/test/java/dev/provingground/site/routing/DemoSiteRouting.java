package dev.provingground.site.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.ZoneKind;
import dev.provingground.geofence.ZoneRules;
import dev.provingground.geofence.index.ZoneSet;
import dev.provingground.geofence.io.GeoJsonZones;
import dev.provingground.geofence.io.ImportContext;
import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;

/** The demo site and its zones as {@code sim} ships them, and small zones drawn on it for tests. */
final class DemoSiteRouting {

    private static final Path SIM_RESOURCES = Path.of(System.getProperty("user.dir"))
            .resolve("../sim/src/main/resources/dev/provingground/sim").normalize();

    static final Site SITE = SiteFormat.read(SIM_RESOURCES.resolve("demo-site.json"));
    static final ZoneSet DEMO_ZONES = ZoneSet.of(readDemoZones());
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** Monday 2 June 2025, 10:00 in Seoul. */
    static final Instant MONDAY_10 = at(10, 0);

    static final RobotClass DELIVERY = new RobotClass("delivery", "acme", 1.2, true);
    static final RobotClass DELIVERY_WITHOUT_ELEVATORS = new RobotClass("delivery", "acme", 1.2, false);

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private DemoSiteRouting() {
    }

    static Instant at(int hour, int minute) {
        return ZonedDateTime.of(2025, 6, 2, hour, minute, 0, 0, SEOUL).toInstant();
    }

    static SiteRouting routing(ZoneSet zones) {
        return new SiteRouting(SITE, zones, GeofenceConfig.defaults(), RoutingConfig.defaults());
    }

    static SiteRouter router(ZoneSet zones, RobotClass robot) {
        return routing(zones).router(robot, MONDAY_10);
    }

    static Zone zone(String id, String level, ZoneKind kind, Polygon area, ZoneRules rules) {
        return new Zone(id, null, SITE.id(), level, area, kind, null, rules);
    }

    static Polygon rectangle(double x0, double y0, double x1, double y1) {
        return FACTORY.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0),
                new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    private static List<Zone> readDemoZones() {
        try {
            String json = Files.readString(SIM_RESOURCES.resolve("demo-zones.geojson"));
            return new GeoJsonZones(GeofenceConfig.defaults()).readCollection(json, "demo-zones.geojson",
                    new ImportContext(SITE.id(), SITE.levelIds(), SITE.geoAnchor()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
