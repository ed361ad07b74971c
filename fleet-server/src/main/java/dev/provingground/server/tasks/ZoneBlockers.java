package dev.provingground.server.tasks;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.Position;
import dev.provingground.geofence.index.ZoneSet;
import dev.provingground.geofence.route.RouteChecker;
import dev.provingground.geofence.route.RouteSegment;
import dev.provingground.geofence.route.RobotTraits;
import dev.provingground.site.Site;
import dev.provingground.site.Waypoint;
import dev.provingground.site.routing.Leg;
import dev.provingground.site.routing.Route;
import dev.provingground.site.routing.RobotClass;
import dev.provingground.site.routing.RoutingConfig;
import dev.provingground.site.routing.SiteRouter;
import dev.provingground.site.routing.SiteRouting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Why a robot cannot reach a task's stops when zones are to blame: the way it would take were there no zones, checked
 * against the zones in force, names every zone and rule on it that the robot may not pass (e.g. {@code keep-out zone
 * 'spill'}). Only asked when the task is already found unreachable, so a router without zones is built then.
 */
final class ZoneBlockers {

    private ZoneBlockers() {
    }

    /**
     * @param from the waypoint the robot starts at
     * @return the zones and rules in the way, in the order met; empty when none is (no way exists at all)
     */
    static Set<String> between(Site site, ZoneSet zones, RobotClass robot, Set<String> carsNotServing, String from,
                               List<Stop> stops, Instant now) {
        SiteRouter unzoned = new SiteRouting(site, ZoneSet.empty(), GeofenceConfig.defaults(), RoutingConfig.defaults())
                .router(robot, now, carsNotServing);
        RouteChecker checker = new RouteChecker(GeofenceConfig.defaults(), site.timeZone());
        RobotTraits traits = new RobotTraits("dispatch", robot.kind(), robot.firm(), null);
        Set<String> reasons = new LinkedHashSet<>();
        String at = from;
        for (Stop stop : stops) {
            String target = Dispatcher.stopWaypoint(site, unzoned, stop, at);
            if (target == null) continue;
            Route route = unzoned.route(at, target).orElse(null);
            if (route == null) continue;
            for (Leg leg : route.legs()) {
                if (!(leg instanceof Leg.Drive drive)) continue;
                List<Position> points = new ArrayList<>();
                for (String id : drive.waypoints())
                    site.waypoint(id).map(ZoneBlockers::position).ifPresent(points::add);
                if (points.size() < 2) continue;
                for (RouteSegment segment : checker.check(zones, drive.level(), points, traits, now).segments())
                    if (segment.forbidden() && segment.reason() != null) reasons.add(segment.reason());
            }
            at = target;
        }
        return reasons;
    }

    private static Position position(Waypoint w) {
        return new Position(w.x(), w.y());
    }
}
