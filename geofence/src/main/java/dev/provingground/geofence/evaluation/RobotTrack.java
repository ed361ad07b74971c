package dev.provingground.geofence.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;

import dev.provingground.geofence.index.IndexedZone;

/**
 * What the engine remembers about one robot between updates. Guarded by its own monitor; the scratch lists are
 * reused from update to update so that a quiet update allocates next to nothing.
 */
final class RobotTrack {

    final String robot;
    String level;
    Coordinate position;
    /** Active zones the robot was inside after its last update. */
    List<IndexedZone> inside = new ArrayList<>(4);
    List<IndexedZone> nextInside = new ArrayList<>(4);
    final List<IndexedZone> candidates = new ArrayList<>(16);
    final NearbyZones nearby = new NearbyZones();
    private String kind;
    private String upperCaseKind;
    final List<Condition> conditions = new ArrayList<>(4);
    final Map<ViolationKey, OpenViolation> open = new LinkedHashMap<>();
    /** The operating area the robot was last inside, to which leaving is attributed. */
    String lastOperatingArea;
    long generation;

    RobotTrack(String robot) {
        this.robot = robot;
    }

    /** Robots report the same kind string every time; upper-casing it once per robot is enough. */
    String upperCaseKind(String reported) {
        if (reported == null) return null;
        if (!reported.equals(kind)) {
            kind = reported;
            upperCaseKind = reported.toUpperCase(Locale.ROOT);
        }
        return upperCaseKind;
    }

    boolean wasInside(IndexedZone zone) {
        return indexOf(inside, zone) >= 0;
    }

    /** Position of the zone in the list, matched by id: after a zone edit the same zone is a new object. */
    static int indexOf(List<IndexedZone> zones, IndexedZone zone) {
        for (int i = 0, n = zones.size(); i < n; i++) {
            if (zones.get(i).sameZoneAs(zone)) return i;
        }
        return -1;
    }

    record ViolationKey(ViolationRule rule, String zoneId) {
    }

    /** A rule broken at this sample. */
    record Condition(ViolationRule rule, IndexedZone zone, double measured, double limit) {
        ViolationKey key() {
            return new ViolationKey(rule, zone == null ? null : zone.id());
        }
    }

    /** A violation still going on. */
    static final class OpenViolation {
        final Violation started;
        double maxExcess;
        long seen;

        OpenViolation(Violation started) {
            this.started = started;
            this.maxExcess = started.maxExcess();
        }
    }
}
