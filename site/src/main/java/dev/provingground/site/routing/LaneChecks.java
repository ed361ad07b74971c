package dev.provingground.site.routing;

import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.Position;
import dev.provingground.geofence.WeeklySchedule;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.index.ZoneSet;
import dev.provingground.geofence.route.RouteCheck;
import dev.provingground.geofence.route.RouteChecker;
import dev.provingground.geofence.route.RouteSegment;
import dev.provingground.geofence.route.RobotTraits;
import java.time.zone.ZoneRules;

/**
 * Runs the geofence {@link RouteChecker} over every lane of a site, once per (robot kind, firm, set of zones in
 * force), and keeps the answers: robot classes differing only in speed or elevator use, and planned times on either
 * side of an unrelated schedule boundary, share one set of checks. Safe for concurrent use.
 */
final class LaneChecks {

    private record Key(String kind, String firm, BitSet zonesInForce) {
    }

    private final NavIndex index;
    private final ZoneSet zones;
    private final List<Zone> zoneList;
    private final RouteChecker checker;
    private final ZoneRules timeZone;
    private final Map<Key, LaneVerdicts> cache = new ConcurrentHashMap<>();

    LaneChecks(NavIndex index, ZoneSet zones, GeofenceConfig geofence) {
        this.index = index;
        this.zones = zones;
        this.zoneList = zones.zones();
        this.checker = new RouteChecker(geofence, index.site.timeZone());
        this.timeZone = index.site.timeZone().getRules();
    }

    /** @param upperCaseKind as {@link RobotClass#kind()} keeps it */
    LaneVerdicts verdicts(String upperCaseKind, String firm, Instant plannedAt) {
        long secondOfWeek = WeeklySchedule.secondOfWeek(plannedAt, timeZone);
        BitSet inForce = new BitSet(zoneList.size());
        for (int i = 0; i < zoneList.size(); i++) {
            if (zoneList.get(i).isActiveAt(secondOfWeek)) inForce.set(i);
        }
        return cache.computeIfAbsent(new Key(upperCaseKind, firm, inForce), key -> check(key, plannedAt));
    }

    int cachedCount() {
        return cache.size();
    }

    private LaneVerdicts check(Key key, Instant plannedAt) {
        // No speed cap here: the cap belongs to the robot class, the verdicts to every class of this kind and firm.
        RobotTraits traits = new RobotTraits("routing:" + key.kind() + "/" + key.firm(), key.kind(), key.firm(), null);
        int count = index.lanes.size();
        boolean[] forbidden = new boolean[count];
        double[] limit = new double[count];
        Arrays.fill(limit, Double.POSITIVE_INFINITY);
        for (int i = 0; i < count; i++) {
            NavIndex.IndexedLane lane = index.lanes.get(i);
            String level = lane.level().id();
            if (zones.level(level) == null) continue; // no zones on this level: nothing to forbid or slow
            RouteCheck check = checker.check(zones, level, List.of(
                    new Position(lane.fromPoint().x(), lane.fromPoint().y()),
                    new Position(lane.toPoint().x(), lane.toPoint().y())), traits, plannedAt);
            forbidden[i] = check.forbidden();
            for (RouteSegment segment : check.segments()) {
                if (segment.speedLimit() != null) limit[i] = Math.min(limit[i], segment.speedLimit());
            }
        }
        return new LaneVerdicts(forbidden, limit);
    }
}
