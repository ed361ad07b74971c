package dev.provingground.geofence.evaluation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.Position;
import dev.provingground.geofence.ViolationAction;
import dev.provingground.geofence.WeeklySchedule;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.ZoneKind;
import dev.provingground.geofence.ZoneRules;
import dev.provingground.geofence.evaluation.RobotTrack.Condition;
import dev.provingground.geofence.evaluation.RobotTrack.OpenViolation;
import dev.provingground.geofence.evaluation.RobotTrack.ViolationKey;
import dev.provingground.geofence.index.IndexedZone;
import dev.provingground.geofence.index.LevelIndex;
import dev.provingground.geofence.index.ZoneSet;

/**
 * Turns one robot update into events, given a zone snapshot and the robot's track. Stateless itself; the caller
 * holds the track's monitor.
 */
final class UpdateEvaluator {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final GeofenceConfig config;
    private final java.time.zone.ZoneRules timeZone;
    private final OccupancyRegistry occupancy;
    private final ZoneSearch search;

    UpdateEvaluator(GeofenceConfig config, ZoneId timeZone, OccupancyRegistry occupancy, ZoneSearch search) {
        this.config = config;
        this.timeZone = timeZone.getRules();
        this.occupancy = occupancy;
        this.search = search;
    }

    Evaluation evaluate(ZoneSet zones, RobotTrack track, RobotUpdate u) {
        String kind = track.upperCaseKind(u.kind());
        String firm = u.firm();
        Coordinate here = new Coordinate(u.x(), u.y());
        Coordinate before = previousPosition(track, u, here);
        LevelIndex level = zones.level(u.level());
        long secondOfWeek = WeeklySchedule.secondOfWeek(u.time(), timeZone);

        // When the path starts at the last evaluated sample, the track already says which zones held that point.
        boolean startKnown = before != null && track.position != null && before.equals2D(track.position);
        List<IndexedZone> candidates = level == null ? List.of() : candidates(track, level, here, before);
        List<IndexedZone> inside = track.nextInside;
        inside.clear();
        List<IndexedZone> crossed = null;
        for (int i = 0, n = candidates.size(); i < n; i++) {
            IndexedZone z = candidates.get(i);
            // Geometry first: most nearby zones hold neither point, and that is cheaper to see than a schedule.
            if (z.covers(here)) {
                if (z.zone().isActiveAt(secondOfWeek)) inside.add(z);
            } else if (before != null && !track.wasInside(z) && (startKnown || !z.covers(before))
                    && z.crossedFromOutside(before, here) && z.zone().isActiveAt(secondOfWeek)) {
                if (crossed == null) crossed = new ArrayList<>(2);
                crossed.add(z);
            }
        }

        Events events = new Events();
        Position position = new Position(u.x(), u.y());
        if (crossed != null) reportCrossings(crossed, before, here, u, kind, firm, events);
        for (IndexedZone z : track.inside) {
            if (RobotTrack.indexOf(inside, z) < 0) {
                events.exits(new ZoneExited(u.robot(), z.id(), z.zone().kind(), track.level, position, u.time(), false));
                occupancy.leave(z.id(), u.robot());
                if (z.zone().kind() == ZoneKind.OPERATING_AREA) track.lastOperatingArea = z.id();
            }
        }
        for (IndexedZone z : inside) {
            if (!track.wasInside(z)) {
                events.entries(new ZoneEntered(u.robot(), z.id(), z.zone().kind(), u.level(), position, u.time(), false));
            }
        }

        Double speedLimit = collectConditions(track, u, kind, firm, here, level, inside, secondOfWeek);
        reconcileViolations(track, u, position, events);

        track.nextInside = track.inside;
        track.inside = inside;
        track.level = u.level();
        track.position = here;
        return new Evaluation(events.all(), zoneIds(inside), speedLimit);
    }

    /** Ends everything the robot had going: exits from its zones and the end of its open violations. */
    List<GeofenceEvent> gone(RobotTrack track, Instant time) {
        Events events = new Events();
        Position position = track.position == null ? null : new Position(track.position.x, track.position.y);
        for (IndexedZone z : track.inside) {
            events.exits(new ZoneExited(track.robot, z.id(), z.zone().kind(), track.level, position, time, false));
            occupancy.leave(z.id(), track.robot);
        }
        for (OpenViolation ov : track.open.values()) events.ended(ended(ov, time));
        track.inside.clear();
        track.open.clear();
        return events.all();
    }

    private static Coordinate previousPosition(RobotTrack track, RobotUpdate u, Coordinate here) {
        // A previous position only means a path when the robot stayed on the level (not after an elevator ride).
        if (track.level != null && !track.level.equals(u.level())) return null;
        Coordinate before = u.previous() != null ? new Coordinate(u.previous().x(), u.previous().y()) : track.position;
        return before == null || before.equals2D(here) ? null : before;
    }

    /** Zones whose bounding box meets the move before→here. */
    private List<IndexedZone> candidates(RobotTrack track, LevelIndex level, Coordinate here, Coordinate before) {
        if (search == ZoneSearch.NAIVE_SCAN) return naiveScan(track.candidates, level, here, before);
        if (before == null) return track.nearby.meeting(level, here.x, here.y, here.x, here.y);
        return track.nearby.meeting(level, Math.min(here.x, before.x), Math.min(here.y, before.y),
                Math.max(here.x, before.x), Math.max(here.y, before.y));
    }

    /** Every prepared geometry of the level asked in turn: the baseline the index is measured against. */
    private static List<IndexedZone> naiveScan(List<IndexedZone> out, LevelIndex level, Coordinate here,
                                               Coordinate before) {
        out.clear();
        Geometry probe = before == null ? FACTORY.createPoint(here)
                : FACTORY.createLineString(new Coordinate[] {before, here});
        for (IndexedZone z : level.zones()) {
            if (z.prepared().intersects(probe)) out.add(z);
        }
        return out;
    }

    private void reportCrossings(List<IndexedZone> crossed, Coordinate before, Coordinate here, RobotUpdate u,
                                 String kind, String firm, Events events) {
        boolean disinfectionRobot = config.disinfectionKind().equals(kind);
        for (IndexedZone z : crossed) {
            Coordinate inside = pointOfPathInside(z, before, here);
            Position at = new Position(inside.x, inside.y);
            Zone zone = z.zone();
            events.crossing(new ZoneEntered(u.robot(), z.id(), zone.kind(), u.level(), at, u.time(), true));
            ViolationRule rule = ZonePresence.ruleBrokenInside(zone, kind, firm, disinfectionRobot);
            if (rule != null) {
                double depth = z.distanceToBoundary(inside);
                Violation v = new Violation(u.robot(), z.id(), rule, zone.rules().onViolation(), u.level(), at,
                        depth, 0, u.time(), null, depth);
                events.crossing(new ViolationStarted(v));
                events.crossing(new ViolationEnded(new Violation(v.robot(), v.zoneId(), v.rule(), v.action(),
                        v.level(), v.position(), v.measured(), v.limit(), v.start(), u.time(), v.maxExcess())));
            }
            events.crossing(new ZoneExited(u.robot(), z.id(), zone.kind(), u.level(), at, u.time(), true));
        }
    }

    /** The middle of the first stretch of the straight path that lies in the zone. */
    private static Coordinate pointOfPathInside(IndexedZone z, Coordinate before, Coordinate here) {
        Coordinate inside = z.firstPointInside(before, here);
        // Only a path that merely grazes a vertex has no stretch inside; the touching point is then on the outline.
        return inside != null ? inside : touchingPoint(z, before, here);
    }

    private static Coordinate touchingPoint(IndexedZone z, Coordinate before, Coordinate here) {
        double[] t = z.outlineCrossings(before, here);
        double first = t.length > 2 ? t[1] : 0;
        return new Coordinate(before.x + (here.x - before.x) * first, before.y + (here.y - before.y) * first);
    }

    /** Fills track.conditions with the rules broken here and returns the lowest speed limit in force. */
    private Double collectConditions(RobotTrack track, RobotUpdate u, String kind, String firm, Coordinate here,
                                     LevelIndex level, List<IndexedZone> inside, long secondOfWeek) {
        List<Condition> conditions = track.conditions;
        conditions.clear();
        boolean disinfectionRobot = config.disinfectionKind().equals(kind);
        double lowest = u.speedCap() == null ? Double.POSITIVE_INFINITY : u.speedCap();
        IndexedZone lowestZone = null;
        boolean inAdmittingOperatingArea = false;
        boolean inClosedDisinfection = false;
        List<IndexedZone> refusingOperatingAreas = null;

        for (int i = 0, n = inside.size(); i < n; i++) {
            IndexedZone z = inside.get(i);
            Zone zone = z.zone();
            ZoneRules rules = zone.rules();
            if (zone.isClosedForDisinfection()) inClosedDisinfection = true;
            ViolationRule presence = ZonePresence.ruleBrokenInside(zone, kind, firm, disinfectionRobot);
            if (zone.kind() == ZoneKind.OPERATING_AREA) {
                if (presence == null) {
                    inAdmittingOperatingArea = true;
                    track.lastOperatingArea = z.id();
                } else {
                    // Judged after the loop: another operating area here may admit the robot.
                    if (refusingOperatingAreas == null) refusingOperatingAreas = new ArrayList<>(2);
                    refusingOperatingAreas.add(z);
                }
            } else if (presence != null) {
                conditions.add(new Condition(presence, z, z.distanceToBoundary(here), 0));
            }
            if (!zone.appliesTo(kind, firm)) {
                if (rules.maxRobots() != null) occupancy.leave(z.id(), u.robot()); // its filters may just have changed
                continue;
            }
            Double maxSpeed = rules.maxSpeed();
            if (maxSpeed != null && (maxSpeed < lowest || (maxSpeed == lowest
                    && (lowestZone == null || z.id().compareTo(lowestZone.id()) < 0)))) {
                lowest = maxSpeed;
                lowestZone = z;
            }
            Integer maxRobots = rules.maxRobots();
            if (maxRobots != null) {
                int rank = occupancy.enter(z.id(), u.robot());
                if (rank > maxRobots) {
                    conditions.add(new Condition(ViolationRule.OCCUPANCY_EXCEEDED, z, occupancy.count(z.id()), maxRobots));
                }
            }
        }

        if (!inAdmittingOperatingArea) {
            if (refusingOperatingAreas != null) {
                for (IndexedZone z : refusingOperatingAreas) {
                    conditions.add(new Condition(ZonePresence.ruleBrokenInside(z.zone(), kind, firm, disinfectionRobot), z,
                            z.distanceToBoundary(here), 0));
                }
            }
            IndexedZone left = operatingAreaLeft(track, level, kind, firm, here, secondOfWeek);
            if (left != null) {
                conditions.add(new Condition(ViolationRule.OPERATING_AREA_LEFT, left, left.distanceToBoundary(here), 0));
            }
        }
        if (u.speed() > lowest + config.speedToleranceMps()) {
            conditions.add(new Condition(ViolationRule.SPEED_LIMIT_EXCEEDED, lowestZone, u.speed(), lowest));
        }
        if (u.uvcLampOn() && !inClosedDisinfection) {
            conditions.add(new Condition(ViolationRule.UVC_LAMP_OUTSIDE_CLOSED_ZONE, null, 1, 0));
        }
        return lowest == Double.POSITIVE_INFINITY ? null : lowest;
    }

    /**
     * The operating area a robot outside every admitting one is held to: the one it was last in if that still
     * binds it, else the nearest. Null when no active operating area on the level admits the robot.
     */
    private static IndexedZone operatingAreaLeft(RobotTrack track, LevelIndex level, String kind, String firm,
                                                 Coordinate here, long secondOfWeek) {
        if (level == null || level.operatingAreas().isEmpty()) return null;
        String heldTo = track.lastOperatingArea;
        for (var e : track.open.entrySet()) {
            // Keep attributing an ongoing violation to the same area so that it stays one violation.
            if (e.getKey().rule() == ViolationRule.OPERATING_AREA_LEFT) heldTo = e.getKey().zoneId();
        }
        IndexedZone nearest = null;
        double nearestDistance = Double.POSITIVE_INFINITY;
        for (IndexedZone z : level.operatingAreas()) {
            Zone zone = z.zone();
            if (!zone.isActiveAt(secondOfWeek) || !zone.rules().kindMatches(kind) || !zone.rules().firmMatches(firm)) {
                continue;
            }
            if (z.id().equals(heldTo)) return z;
            double d = z.distanceToBoundary(here);
            if (d < nearestDistance) {
                nearestDistance = d;
                nearest = z;
            }
        }
        return nearest;
    }

    private void reconcileViolations(RobotTrack track, RobotUpdate u, Position position, Events events) {
        long generation = ++track.generation;
        for (Condition c : track.conditions) {
            ViolationKey key = c.key();
            OpenViolation ov = track.open.get(key);
            double excess = c.measured() - c.limit();
            if (ov == null) {
                ViolationAction action = c.zone() == null ? config.defaultAction() : c.zone().zone().rules().onViolation();
                Violation v = new Violation(u.robot(), key.zoneId(), c.rule(), action, u.level(), position,
                        c.measured(), c.limit(), u.time(), null, excess);
                ov = new OpenViolation(v);
                track.open.put(key, ov);
                events.started(new ViolationStarted(v));
            } else if (excess > ov.maxExcess) {
                ov.maxExcess = excess;
            }
            ov.seen = generation;
        }
        var it = track.open.values().iterator();
        while (it.hasNext()) {
            OpenViolation ov = it.next();
            if (ov.seen != generation) {
                it.remove();
                events.ended(ended(ov, u.time()));
            }
        }
        track.conditions.clear();
    }

    private static ViolationEnded ended(OpenViolation ov, Instant end) {
        Violation s = ov.started;
        return new ViolationEnded(new Violation(s.robot(), s.zoneId(), s.rule(), s.action(), s.level(), s.position(),
                s.measured(), s.limit(), s.start(), end, ov.maxExcess));
    }

    private static List<String> zoneIds(List<IndexedZone> zones) {
        int n = zones.size();
        if (n == 0) return List.of();
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) ids[i] = zones.get(i).id();
        return List.of(ids);
    }

    /** Collects events by section so they come out in a fixed order, allocating nothing when there are none. */
    private static final class Events {
        private List<GeofenceEvent> crossings;
        private List<GeofenceEvent> exits;
        private List<GeofenceEvent> ended;
        private List<GeofenceEvent> entries;
        private List<GeofenceEvent> started;

        void crossing(GeofenceEvent e) {
            crossings = add(crossings, e);
        }

        void exits(GeofenceEvent e) {
            exits = add(exits, e);
        }

        void ended(GeofenceEvent e) {
            ended = add(ended, e);
        }

        void entries(GeofenceEvent e) {
            entries = add(entries, e);
        }

        void started(GeofenceEvent e) {
            started = add(started, e);
        }

        private static List<GeofenceEvent> add(List<GeofenceEvent> list, GeofenceEvent e) {
            List<GeofenceEvent> l = list == null ? new ArrayList<>(2) : list;
            l.add(e);
            return l;
        }

        List<GeofenceEvent> all() {
            int n = size(crossings) + size(exits) + size(ended) + size(entries) + size(started);
            if (n == 0) return List.of();
            GeofenceEvent[] all = new GeofenceEvent[n];
            int at = copy(crossings, all, 0);
            at = copy(exits, all, at);
            at = copy(ended, all, at);
            at = copy(entries, all, at);
            copy(started, all, at);
            return List.of(all);
        }

        private static int copy(List<GeofenceEvent> part, GeofenceEvent[] into, int at) {
            if (part == null) return at;
            for (int i = 0, n = part.size(); i < n; i++) into[at + i] = part.get(i);
            return at + part.size();
        }

        private static int size(List<GeofenceEvent> l) {
            return l == null ? 0 : l.size();
        }
    }
}
