package dev.provingground.server.evidence;

import dev.provingground.geofence.ZoneKind;
import dev.provingground.geofence.index.IndexedZone;
import dev.provingground.geofence.index.LevelIndex;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.sites.SiteCatalog;
import dev.provingground.server.zones.ZoneService;
import dev.provingground.trackrecord.event.StateSamples.AreaClass;
import dev.provingground.vda5050.AgvPosition;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The area class of a position, for the distance KPIs: inside a {@code CROSSWALK} zone → crosswalk; elsewhere on
 * an outdoor level → sidewalk; on an indoor level → indoor. Elevator rides are classed by the elevator manager.
 */
public final class AreaClassifier {

    private final SiteCatalog sites;
    private final ZoneService zones;

    public AreaClassifier(SiteCatalog sites, ZoneService zones) {
        this.sites = sites;
        this.zones = zones;
    }

    public AreaClass classify(Robot robot, AgvPosition p) {
        var site = sites.find(robot.site()).orElse(null);
        var level = site == null ? null : site.level(p.mapId()).orElse(null);
        if (level == null) return AreaClass.OTHER;
        if (inCrosswalk(robot.site(), p)) return AreaClass.CROSSWALK;
        return level.outdoor() ? AreaClass.SIDEWALK : AreaClass.INDOOR;
    }

    private boolean inCrosswalk(String site, AgvPosition p) {
        LevelIndex index = zones.engine(site).zones().level(p.mapId());
        if (index == null) return false;
        Coordinate c = new Coordinate(p.x(), p.y());
        boolean[] found = {false};
        index.query(new Envelope(c), item -> {
            IndexedZone z = (IndexedZone) item;
            if (z.zone().kind() == ZoneKind.CROSSWALK && z.covers(c)) found[0] = true;
        });
        return found[0];
    }
}
