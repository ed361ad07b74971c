package dev.provingground.server.traffic;

import dev.provingground.geofence.WeeklySchedule;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.index.IndexedZone;
import dev.provingground.geofence.index.LevelIndex;
import dev.provingground.server.zones.ZoneService;
import dev.provingground.site.Site;
import org.locationtech.jts.geom.Coordinate;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places in the zones whose occupancy is limited ({@code maxRobots}): a robot holds one before the server releases
 * the way into such a zone, and gives it back once it has left. A zone is full when the robots counted inside it by
 * the geofence engine and the robots holding a place, together, reach its limit — so robots the server does not
 * drive (another fleet, a robot under manual control) count too. Confined to the server's event loop.
 */
public final class ZoneSlots {

    private final ZoneService zones;
    private final Map<String, Set<String>> holders = new HashMap<>();

    public ZoneSlots(ZoneService zones) {
        this.zones = zones;
    }

    /** The occupancy-limited zones in force at the point that bind this robot, by id. */
    public Set<String> limitedZonesAt(Site site, String level, double x, double y, String kind, String firm, Instant at) {
        long secondOfWeek = WeeklySchedule.secondOfWeek(at, site.timeZone().getRules());
        Set<String> ids = new LinkedHashSet<>();
        Coordinate p = new Coordinate(x, y);
        LevelIndex index = zones.engine(site.id()).zones().level(level);
        if (index == null) return ids;
        for (IndexedZone z : index.zones()) {
            Zone zone = z.zone();
            if (zone.rules().maxRobots() == null || !zone.isActiveAt(secondOfWeek) || !zone.appliesTo(kind, firm)) continue;
            if (z.covers(p)) ids.add(zone.id());
        }
        return ids;
    }

    /**
     * Takes a place in every zone listed, or in none.
     *
     * @return false when one of them is full
     */
    public boolean acquireAll(String site, Set<String> zoneIds, String robotId) {
        for (String id : zoneIds) {
            if (!fits(site, id, robotId)) return false;
        }
        for (String id : zoneIds) holders.computeIfAbsent(key(site, id), k -> new LinkedHashSet<>()).add(robotId);
        return true;
    }

    private boolean fits(String site, String zoneId, String robotId) {
        Integer max = zones.zone(site, zoneId).map(z -> z.rules().maxRobots()).orElse(null);
        if (max == null) return true;
        Set<String> counted = new LinkedHashSet<>(zones.engine(site).occupants(zoneId));
        counted.addAll(holders.getOrDefault(key(site, zoneId), Set.of()));
        counted.remove(robotId);
        return counted.size() < max;
    }

    public void release(String site, String zoneId, String robotId) {
        Set<String> h = holders.get(key(site, zoneId));
        if (h != null) h.remove(robotId);
    }

    /** The zones the robot holds a place in at the site. */
    public List<String> heldBy(String site, String robotId) {
        String prefix = site + "/";
        return holders.entrySet().stream().filter(e -> e.getKey().startsWith(prefix) && e.getValue().contains(robotId))
                .map(e -> e.getKey().substring(prefix.length())).toList();
    }

    private static String key(String site, String zoneId) {
        return site + "/" + zoneId;
    }
}
