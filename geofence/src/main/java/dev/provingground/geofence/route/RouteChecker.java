package dev.provingground.geofence.route;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.Position;
import dev.provingground.geofence.WeeklySchedule;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.ZoneKind;
import dev.provingground.geofence.evaluation.ViolationRule;
import dev.provingground.geofence.evaluation.ZonePresence;
import dev.provingground.geofence.index.IndexedZone;
import dev.provingground.geofence.index.LevelIndex;
import dev.provingground.geofence.index.ZoneSet;
import java.time.zone.ZoneRules;

/**
 * Checks a planned polyline for a robot at a given time: which zones it passes, where it may not go and the speed
 * limit along each part. Each leg of the polyline is cut where it crosses a zone outline; each piece is judged by
 * the zones around its middle. Occupancy limits are not judged here: they depend on who is where when the robot
 * arrives, which is the dispatcher's business.
 */
public final class RouteChecker {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final double SAME_POINT = 1e-12;

    private final GeofenceConfig config;
    private final ZoneRules timeZone;

    public RouteChecker(GeofenceConfig config, ZoneId timeZone) {
        this.config = config;
        this.timeZone = timeZone.getRules();
    }

    /**
     * @param zones a snapshot, e.g. {@code engine.zones()}
     * @param route at least two points in the level's metric frame
     * @throws IllegalArgumentException when the route has fewer than two points or a non-finite one
     */
    public RouteCheck check(ZoneSet zones, String level, List<Position> route, RobotTraits robot, Instant time) {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(robot, "robot");
        Objects.requireNonNull(time, "time");
        if (route == null || route.size() < 2) {
            throw new IllegalArgumentException("route: needs at least 2 points, got " + (route == null ? 0 : route.size()));
        }
        for (int i = 0; i < route.size(); i++) {
            Position p = route.get(i);
            if (!Double.isFinite(p.x()) || !Double.isFinite(p.y())) {
                throw new IllegalArgumentException("route[" + i + "]: " + p + " is not a finite position");
            }
        }
        Judge judge = new Judge(zones.level(level), robot, WeeklySchedule.secondOfWeek(time, timeZone));
        List<RouteSegment> segments = new ArrayList<>();
        for (int i = 0; i + 1 < route.size(); i++) {
            Coordinate a = new Coordinate(route.get(i).x(), route.get(i).y());
            Coordinate b = new Coordinate(route.get(i + 1).x(), route.get(i + 1).y());
            if (!a.equals2D(b)) judge.leg(a, b, segments);
        }
        return new RouteCheck(level, segments);
    }

    /** Judges the legs of one route. */
    private final class Judge {
        private final LevelIndex level;
        private final String kind;
        private final String firm;
        private final Double speedCap;
        private final boolean disinfectionRobot;
        private final long secondOfWeek;
        private final boolean operatingAreaRequired;

        Judge(LevelIndex level, RobotTraits robot, long secondOfWeek) {
            this.level = level;
            this.kind = robot.kind() == null ? null : robot.kind().toUpperCase(Locale.ROOT);
            this.firm = robot.firm();
            this.speedCap = robot.speedCap();
            this.disinfectionRobot = config.disinfectionKind().equals(kind);
            this.secondOfWeek = secondOfWeek;
            this.operatingAreaRequired = level != null && level.operatingAreas().stream()
                    .anyMatch(z -> admits(z.zone()) && z.zone().isActiveAt(secondOfWeek));
        }

        void leg(Coordinate a, Coordinate b, List<RouteSegment> out) {
            List<IndexedZone> touched = new ArrayList<>();
            if (level != null) {
                LineString line = FACTORY.createLineString(new Coordinate[] {a, b});
                level.query(new Envelope(a, b), item -> {
                    IndexedZone z = (IndexedZone) item;
                    if (z.zone().isActiveAt(secondOfWeek) && z.prepared().intersects(line)) touched.add(z);
                });
            }
            double[] cuts = cuts(a, b, touched);
            RouteSegment pending = null;
            for (int i = 0; i + 1 < cuts.length; i++) {
                if (cuts[i + 1] - cuts[i] <= SAME_POINT) continue;
                Coordinate middle = at(a, b, (cuts[i] + cuts[i + 1]) / 2);
                RouteSegment piece = judge(at(a, b, cuts[i]), at(a, b, cuts[i + 1]), middle, touched);
                if (pending != null && sameVerdict(pending, piece)) {
                    pending = new RouteSegment(pending.from(), piece.to(), pending.zoneIds(), pending.speedLimit(),
                            pending.forbidden(), pending.reason());
                } else {
                    if (pending != null) out.add(pending);
                    pending = piece;
                }
            }
            if (pending != null) out.add(pending);
        }

        private RouteSegment judge(Coordinate from, Coordinate to, Coordinate middle, List<IndexedZone> touched) {
            List<Zone> inside = new ArrayList<>();
            for (IndexedZone z : touched) {
                if (z.covers(middle)) inside.add(z.zone());
            }
            inside.sort((x, y) -> x.id().compareTo(y.id()));
            List<String> reasons = new ArrayList<>();
            double lowest = speedCap == null ? Double.POSITIVE_INFINITY : speedCap;
            boolean inAdmittingOperatingArea = false;
            List<String> refusals = new ArrayList<>();
            for (Zone zone : inside) {
                ViolationRule rule = ZonePresence.ruleBrokenInside(zone, kind, firm, disinfectionRobot);
                if (zone.kind() == ZoneKind.OPERATING_AREA) {
                    if (rule == null) inAdmittingOperatingArea = true;
                    else refusals.add(reason(rule, zone));
                } else if (rule != null) {
                    reasons.add(reason(rule, zone));
                }
                if (zone.appliesTo(kind, firm) && zone.rules().maxSpeed() != null) {
                    lowest = Math.min(lowest, zone.rules().maxSpeed());
                }
            }
            if (!inAdmittingOperatingArea) {
                reasons.addAll(refusals);
                if (operatingAreaRequired) reasons.add("outside every operating area that admits the robot");
            }
            return new RouteSegment(new Position(from.x, from.y), new Position(to.x, to.y),
                    inside.stream().map(Zone::id).toList(),
                    lowest == Double.POSITIVE_INFINITY ? null : lowest,
                    !reasons.isEmpty(), reasons.isEmpty() ? null : String.join("; ", reasons));
        }

        private String reason(ViolationRule rule, Zone zone) {
            return switch (rule) {
                case KEEP_OUT_ENTERED -> "keep-out zone '" + zone.id() + "'";
                case KIND_NOT_ALLOWED -> "zone '" + zone.id() + "' does not admit robots of kind '" + kind + "'";
                case FIRM_NOT_ALLOWED -> "zone '" + zone.id() + "' does not admit robots of firm '" + firm + "'";
                case DISINFECTION_ZONE_CLOSED -> "disinfection zone '" + zone.id() + "' is CLOSED";
                default -> rule + " in zone '" + zone.id() + "'";
            };
        }

        private boolean admits(Zone zone) {
            return zone.rules().kindMatches(kind) && zone.rules().firmMatches(firm);
        }
    }

    /** Fractions of the leg a→b, from 0 to 1, where it meets the outline of any of the zones; sorted. */
    private static double[] cuts(Coordinate a, Coordinate b, List<IndexedZone> zones) {
        double[] all = {0, 1};
        for (IndexedZone z : zones) {
            double[] t = z.outlineCrossings(a, b);
            double[] merged = Arrays.copyOf(all, all.length + t.length);
            System.arraycopy(t, 0, merged, all.length, t.length);
            all = merged;
        }
        Arrays.sort(all);
        return all;
    }

    private static Coordinate at(Coordinate a, Coordinate b, double t) {
        if (t == 0) return a;
        if (t == 1) return b;
        return new Coordinate(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
    }

    private static boolean sameVerdict(RouteSegment x, RouteSegment y) {
        return x.zoneIds().equals(y.zoneIds()) && Objects.equals(x.speedLimit(), y.speedLimit())
                && x.forbidden() == y.forbidden() && Objects.equals(x.reason(), y.reason());
    }
}
