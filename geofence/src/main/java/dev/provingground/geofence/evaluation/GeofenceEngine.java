package dev.provingground.geofence.evaluation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.ZoneState;
import dev.provingground.geofence.index.ZoneSet;

/**
 * Holds one site's zones and judges its robots against them.
 *
 * <p><b>Threading.</b> Zones live in an immutable {@link ZoneSet} behind an {@link AtomicReference}; edits build a
 * new snapshot and swap it in, so an evaluation never waits on an edit and always sees one consistent set. Edits
 * are serialised among themselves. Each robot's memory (zones it is in, open violations) is guarded by its own
 * monitor, so any thread may evaluate any robot; updates of one robot should still come from one thread (e.g. the
 * robot's connection), in time order, or its enter/exit sequence will follow the arrival order instead. Robots of
 * different threads only meet in the occupancy lists of zones with {@code maxRobots}, each under its own lock.
 */
public final class GeofenceEngine {

    private final String site;
    private final ZoneId timeZone;
    private final UpdateEvaluator evaluator;
    private final OccupancyRegistry occupancy = new OccupancyRegistry();
    private final Map<String, RobotTrack> tracks = new ConcurrentHashMap<>();
    private final AtomicReference<ZoneSet> zones = new AtomicReference<>(ZoneSet.empty());
    private final Object editLock = new Object();

    /**
     * @param site     the site whose zones this engine holds; zones of other sites are refused
     * @param timeZone the site's time zone, in which zone schedules are written
     */
    public GeofenceEngine(String site, ZoneId timeZone, GeofenceConfig config) {
        this(site, timeZone, config, ZoneSearch.STR_TREE);
    }

    /** With a chosen zone search; {@link ZoneSearch#NAIVE_SCAN} exists for benchmark baselines. */
    public GeofenceEngine(String site, ZoneId timeZone, GeofenceConfig config, ZoneSearch search) {
        this.site = Objects.requireNonNull(site, "site");
        this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
        this.evaluator = new UpdateEvaluator(config, timeZone, occupancy, search);
    }

    public String site() {
        return site;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    /** The current snapshot; stays valid and unchanged however the zones are edited afterwards. */
    public ZoneSet zones() {
        return zones.get();
    }

    /** Replaces every zone at once, e.g. after a validated GeoJSON import. */
    public void replaceAll(Collection<Zone> newZones) {
        newZones.forEach(this::requireOwnSite);
        ZoneSet fresh = ZoneSet.of(newZones); // prepared before the lock: an import never blocks other edits long
        synchronized (editLock) {
            zones.set(fresh);
        }
    }

    /** Adds a zone or replaces the zone with the same id. */
    public void put(Zone zone) {
        requireOwnSite(zone);
        synchronized (editLock) {
            zones.set(zones.get().with(zone));
        }
    }

    /** @return whether there was such a zone */
    public boolean remove(String zoneId) {
        synchronized (editLock) {
            ZoneSet current = zones.get();
            ZoneSet next = current.without(zoneId);
            zones.set(next);
            return next != current;
        }
    }

    /** Opens or closes a disinfection zone. */
    public Zone setState(String zoneId, ZoneState state) {
        synchronized (editLock) {
            ZoneSet current = zones.get();
            Zone zone = current.zone(zoneId)
                    .orElseThrow(() -> new IllegalArgumentException("no zone '" + zoneId + "' at site '" + site + "'"));
            Zone changed = zone.withState(state);
            zones.set(current.with(changed));
            return changed;
        }
    }

    /** Judges one position sample of a robot; see the class comment for threading. */
    public Evaluation evaluate(RobotUpdate update) {
        ZoneSet snapshot = zones.get();
        RobotTrack track = tracks.computeIfAbsent(update.robot(), RobotTrack::new);
        synchronized (track) {
            return evaluator.evaluate(snapshot, track, update);
        }
    }

    /** The robot disconnected or was removed: it exits its zones and its open violations end now. */
    public List<GeofenceEvent> robotGone(String robot, Instant time) {
        RobotTrack track = tracks.remove(robot);
        if (track == null) return List.of();
        synchronized (track) {
            return evaluator.gone(track, time);
        }
    }

    /** Robots counted in an occupancy-limited zone, in order of entry. */
    public List<String> occupants(String zoneId) {
        return occupancy.occupants(zoneId);
    }

    /** The robot's violations that are still going on. */
    public List<Violation> openViolations(String robot) {
        RobotTrack track = tracks.get(robot);
        if (track == null) return List.of();
        synchronized (track) {
            return track.open.values().stream()
                    .map(ov -> new Violation(ov.started.robot(), ov.started.zoneId(), ov.started.rule(),
                            ov.started.action(), ov.started.level(), ov.started.position(), ov.started.measured(),
                            ov.started.limit(), ov.started.start(), null, ov.maxExcess))
                    .toList();
        }
    }

    private void requireOwnSite(Zone zone) {
        if (!site.equals(zone.site())) {
            throw new IllegalArgumentException("zone '" + zone.id() + "' belongs to site '" + zone.site()
                    + "', this engine holds site '" + site + "'");
        }
    }
}
