package dev.provingground.site.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.index.ZoneSet;
import dev.provingground.site.Lane;
import dev.provingground.site.Level;
import dev.provingground.site.Site;

/**
 * Fastest routes across all levels of a site for one {@link RobotClass}, under one zone-set snapshot at one planned
 * time. Immutable and safe for concurrent use once built.
 *
 * <p>The graph is directed: every lane in its allowed directions, every passage, and — for elevator-capable robots
 * only — an elevator ride between every pair of levels a car serves, from door waypoint to door waypoint. A lane
 * costs {@code length / min(robot speed cap, lane speedLimit, lowest zone maxSpeed binding the robot along it)}
 * seconds: the whole lane at its lowest limit, because a VDA 5050 order edge carries a single {@code maxSpeed}.
 * Lanes that cross a zone forbidding the robot at the planned time are left out. A ride costs
 * {@link ElevatorTiming#rideSeconds}, a passage {@link RoutingConfig#passageSeconds}. The route is judged as a whole
 * at the planned time, not leg by leg at the time the robot would reach it.
 *
 * <p><b>When to rebuild.</b> The router bakes in the zone snapshot and the zones in force at the planned time. Any
 * zone edit (including a disinfection zone closing) produces a new {@link ZoneSet}, and a schedule window opening or
 * closing changes which zones are in force; either needs a new router. {@link #isCurrentFor} tells cheaply (one
 * reference comparison, two instant comparisons) whether this one still holds. Rebuilding through the same
 * {@link SiteRouting} reuses its lane checks when only speed or elevator use differ, or when the zones in force are
 * the same as at an earlier build.
 */
public final class SiteRouter {

    /** Receives the edges of the graph. */
    @FunctionalInterface
    public interface EdgeVisitor {
        void edge(int from, int to, double seconds);
    }

    private static final byte LANE = 0;
    private static final byte PASSAGE = 1;
    private static final byte RIDE = 2;

    private final NavIndex index;
    private final ZoneSet zones;
    private final RobotClass robot;
    private final Instant plannedAt;
    private final ScheduleHorizon.Validity validity;
    private final int excludedLanes;
    private final int[] edgeFrom;
    private final int[] edgeTo;
    private final double[] edgeSeconds;
    private final byte[] edgeKind;
    /** Index into the lanes, passages or rides of {@link #index}, according to {@link #edgeKind}. */
    private final int[] edgeRef;
    private final Adjacency forward;
    private final Adjacency reverse;

    SiteRouter(NavIndex index, ZoneSet zones, LaneVerdicts verdicts, RobotClass robot, Instant plannedAt,
               ScheduleHorizon.Validity validity, RoutingConfig config, Set<String> carsNotServing) {
        this.index = index;
        this.zones = zones;
        this.robot = robot;
        this.plannedAt = plannedAt;
        this.validity = validity;
        this.excludedLanes = verdicts.forbiddenCount();
        EdgeList edges = new EdgeList();
        for (int i = 0; i < index.lanes.size(); i++) {
            if (verdicts.forbidden()[i]) continue;
            NavIndex.IndexedLane lane = index.lanes.get(i);
            Lane rules = lane.lane();
            double speed = Math.min(robot.speedCap(), verdicts.zoneSpeedLimit()[i]);
            if (rules.speedLimit() != null) speed = Math.min(speed, rules.speedLimit());
            double seconds = lane.length() / speed;
            edges.add(lane.from(), lane.to(), seconds, LANE, i);
            if (!rules.oneWay()) edges.add(lane.to(), lane.from(), seconds, LANE, i);
        }
        for (int i = 0; i < index.passages.size(); i++) {
            NavIndex.IndexedPassage passage = index.passages.get(i);
            edges.add(passage.from(), passage.to(), config.passageSeconds(), PASSAGE, i);
            if (!passage.passage().oneWay()) edges.add(passage.to(), passage.from(), config.passageSeconds(), PASSAGE, i);
        }
        if (robot.elevatorCapable()) {
            for (int i = 0; i < index.rides.size(); i++) {
                NavIndex.IndexedRide ride = index.rides.get(i);
                if (carsNotServing.contains(ride.car().id())) continue;
                double seconds = config.timingOf(ride.car().id()).rideSeconds(ride.floors());
                edges.add(ride.from(), ride.to(), seconds, RIDE, i);
            }
        }
        edgeFrom = Arrays.copyOf(edges.from, edges.size);
        edgeTo = Arrays.copyOf(edges.to, edges.size);
        edgeSeconds = Arrays.copyOf(edges.seconds, edges.size);
        edgeKind = Arrays.copyOf(edges.kind, edges.size);
        edgeRef = Arrays.copyOf(edges.ref, edges.size);
        forward = new Adjacency(index.waypointCount(), edgeFrom, edgeTo, edgeSeconds);
        reverse = new Adjacency(index.waypointCount(), edgeTo, edgeFrom, edgeSeconds);
    }

    /**
     * A router for one robot class; to build routers for several classes or times on the same snapshot, keep a
     * {@link SiteRouting} instead, which shares lane checks between them.
     *
     * @throws IllegalArgumentException when the site refers to waypoints it does not have or the configuration names
     *                                  an elevator car the site does not have
     */
    public static SiteRouter build(Site site, ZoneSet zones, GeofenceConfig geofence, RoutingConfig config,
                                   RobotClass robot, Instant plannedAt) {
        return new SiteRouting(site, zones, geofence, config).router(robot, plannedAt);
    }

    /**
     * The fastest route; empty when the target cannot be reached.
     *
     * @throws IllegalArgumentException when either waypoint is not on the site
     */
    public Optional<Route> route(String fromWaypoint, String toWaypoint) {
        int from = index.indexOf(fromWaypoint);
        int to = index.indexOf(toWaypoint);
        if (from == to) return Optional.of(new Route(fromWaypoint, toWaypoint, List.of(), 0));
        int[] via = new int[index.waypointCount()];
        double[] dist = forward.search(from, to, via);
        if (dist[to] == Double.POSITIVE_INFINITY) return Optional.empty();
        int hops = 0;
        int[] path = new int[8];
        for (int v = to; v != from; v = edgeFrom[via[v]]) {
            if (hops == path.length) path = Arrays.copyOf(path, hops * 2);
            path[hops++] = via[v];
        }
        List<Leg> legs = new ArrayList<>();
        DriveBuilder drive = new DriveBuilder();
        for (int h = hops - 1; h >= 0; h--) {
            int e = path[h];
            if (edgeKind[e] == LANE) {
                drive.add(e);
                continue;
            }
            drive.finishInto(legs);
            legs.add(edgeKind[e] == RIDE ? ride(e) : crossing(e));
        }
        drive.finishInto(legs);
        return Optional.of(new Route(fromWaypoint, toWaypoint, legs, dist[to]));
    }

    private Leg ride(int e) {
        NavIndex.IndexedRide ride = index.rides.get(edgeRef[e]);
        return new Leg.ElevatorRide(ride.elevator().id(), ride.car().id(), ride.fromLevel().id(), ride.toLevel().id(),
                index.waypointIds[edgeFrom[e]], index.waypointIds[edgeTo[e]], edgeSeconds[e]);
    }

    private Leg crossing(int e) {
        return new Leg.PassageCrossing(index.passages.get(edgeRef[e]).passage().id(),
                index.waypointIds[edgeFrom[e]], index.waypointIds[edgeTo[e]], edgeSeconds[e]);
    }

    /** Gathers consecutive lane edges into one drive. */
    private final class DriveBuilder {
        private List<String> waypoints;
        private Level level;
        private double seconds;

        void add(int e) {
            if (waypoints == null) {
                waypoints = new ArrayList<>();
                waypoints.add(index.waypointIds[edgeFrom[e]]);
                level = index.levelOf[edgeFrom[e]];
                seconds = 0;
            }
            waypoints.add(index.waypointIds[edgeTo[e]]);
            seconds += edgeSeconds[e];
        }

        void finishInto(List<Leg> legs) {
            if (waypoints == null) return;
            legs.add(new Leg.Drive(level.id(), waypoints, seconds));
            waypoints = null;
        }
    }

    /** Seconds of the fastest route, or {@link Double#POSITIVE_INFINITY} when there is none. */
    public double seconds(String fromWaypoint, String toWaypoint) {
        return seconds(index.indexOf(fromWaypoint), index.indexOf(toWaypoint));
    }

    /** As {@link #seconds(String, String)} with waypoint numbers ({@link #waypointIndex}). */
    public double seconds(int from, int to) {
        return forward.search(checked(from), checked(to), null)[to];
    }

    /**
     * Seconds from the waypoint to every waypoint, indexed by waypoint number ({@link #waypointIndex});
     * {@link Double#POSITIVE_INFINITY} where there is no route.
     */
    public double[] secondsFrom(String waypoint) {
        return secondsFrom(index.indexOf(waypoint));
    }

    public double[] secondsFrom(int waypoint) {
        return forward.search(checked(waypoint), -1, null);
    }

    /**
     * Seconds from every waypoint to this one, indexed by waypoint number: one search on the reversed graph, which is
     * how a dispatcher gets every robot's time to a pickup at once.
     */
    public double[] secondsTo(String waypoint) {
        return secondsTo(index.indexOf(waypoint));
    }

    public double[] secondsTo(int waypoint) {
        return reverse.search(checked(waypoint), -1, null);
    }

    /** The number that stands for the waypoint in the arrays and int methods of this router. */
    public int waypointIndex(String waypointId) {
        return index.indexOf(waypointId);
    }

    public String waypointId(int waypointIndex) {
        return index.waypointIds[checked(waypointIndex)];
    }

    public int waypointCount() {
        return index.waypointCount();
    }

    private int checked(int waypoint) {
        if (waypoint < 0 || waypoint >= index.waypointCount()) {
            throw new IllegalArgumentException("waypoint number " + waypoint + " is out of range 0.."
                    + (index.waypointCount() - 1) + " on site " + index.site.id());
        }
        return waypoint;
    }

    /**
     * Whether this router still holds for a route planned at {@code time} on the given snapshot: the snapshot is the
     * one it was built on (zone edits make new snapshots) and no schedule boundary lies between its planned time and
     * {@code time}.
     */
    public boolean isCurrentFor(ZoneSet currentZones, Instant time) {
        return currentZones == zones && validity.contains(time);
    }

    /** Earliest time for which this router holds: the last schedule boundary at or before the planned time. */
    public Instant validFrom() {
        return validity.from();
    }

    /** The next schedule boundary after the planned time, from which on this router no longer holds. */
    public Instant validUntil() {
        return validity.until();
    }

    public Instant plannedAt() {
        return plannedAt;
    }

    public RobotClass robot() {
        return robot;
    }

    public ZoneSet zones() {
        return zones;
    }

    /** How many lanes are left out because some stretch of them is forbidden to the robot at the planned time. */
    public int excludedLaneCount() {
        return excludedLanes;
    }

    public int edgeCount() {
        return edgeFrom.length;
    }

    /** Every edge of the graph with its cost, ends as waypoint numbers. */
    public void forEachEdge(EdgeVisitor visitor) {
        for (int e = 0; e < edgeFrom.length; e++) visitor.edge(edgeFrom[e], edgeTo[e], edgeSeconds[e]);
    }

    /** Growable parallel arrays, so that building the graph boxes nothing. */
    private static final class EdgeList {
        int size;
        int[] from = new int[64];
        int[] to = new int[64];
        double[] seconds = new double[64];
        byte[] kind = new byte[64];
        int[] ref = new int[64];

        void add(int f, int t, double s, byte k, int r) {
            if (size == from.length) {
                int grown = size * 2;
                from = Arrays.copyOf(from, grown);
                to = Arrays.copyOf(to, grown);
                seconds = Arrays.copyOf(seconds, grown);
                kind = Arrays.copyOf(kind, grown);
                ref = Arrays.copyOf(ref, grown);
            }
            from[size] = f;
            to[size] = t;
            seconds[size] = s;
            kind[size] = k;
            ref[size] = r;
            size++;
        }
    }
}
