package dev.provingground.server.tasks;

import dev.provingground.server.metrics.Latency;
import java.util.function.Function;
import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.profiles.Environment;
import dev.provingground.profiles.HardwareProfile;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.elevator.CarAvailability;
import dev.provingground.server.registry.DispatchMode;
import dev.provingground.server.registry.RobotPosition;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.server.registry.RobotStatus;
import dev.provingground.server.sites.SiteCatalog;
import dev.provingground.server.zones.ZoneService;
import dev.provingground.site.Level;
import dev.provingground.site.Site;
import dev.provingground.site.Waypoint;
import dev.provingground.site.routing.RobotClass;
import dev.provingground.site.routing.RoutingConfig;
import dev.provingground.site.routing.SiteRouter;
import dev.provingground.site.routing.SiteRouting;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.ErrorLevel;
import dev.provingground.vda5050.OperatingMode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the robot that can finish a task earliest: of the right kind, firm and site, dispatched by the server (not
 * by its vendor), online, idle, with the energy for the task plus the way to a charger. Costs come from the site router (profile speed capped by lane and zone
 * limits, forbidden zones excluded, elevator legs for elevator-capable profiles costed as expected wait plus travel).
 * Every robot considered is in the decision, with its cost or why it was left out.
 */
public final class Dispatcher {

    /** Battery share kept in reserve beyond the task and the way to a charger. */
    static final double RESERVE = 0.10;
    /** Seconds a handover or charging start takes, for the estimate. */
    public static final double ACTION_SECONDS = 5;

    private final SiteCatalog sites;
    private final ZoneService zones;
    private final RobotRegistry registry;
    private final ProfileCatalog profiles;
    private final CarAvailability cars;
    private final Map<String, SiteRouting> routing = new HashMap<>();
    /**
     * Routers built for each robot class and set of cars not serving; a router holds until zones change or a schedule
     * window turns.
     */
    private final Map<String, Map<RouterKey, SiteRouter>> routers = new HashMap<>();
    private final Map<String, Located> located = new HashMap<>();
    private Function<String, Latency> decisionLatency = outcome -> Latency.NONE;

    /**
     * @param cars which elevator cars routes may use: cars closed to a robot's kind are never used; cars not serving
     *             now (silent, out of service, outside service hours) are left out, and a robot that could only go
     *             by them waits
     */
    public Dispatcher(SiteCatalog sites, ZoneService zones, RobotRegistry registry, ProfileCatalog profiles,
                      CarAvailability cars) {
        this.sites = sites;
        this.zones = zones;
        this.registry = registry;
        this.profiles = profiles;
        this.cars = cars;
    }

    /** What became of one dispatch attempt. */
    public record Outcome(Optional<String> robot, DispatchDecision decision, boolean impossible, String reason) {
    }

    /** From now on each choice's duration goes to the histogram of its outcome (assigned, waiting, impossible). */
    public void measuredBy(Function<String, Latency> byOutcome) {
        this.decisionLatency = byOutcome;
    }

    public Outcome choose(Task task, Set<String> busy, Instant now) {
        long started = System.nanoTime();
        Outcome outcome = decide(task, busy, now, false);
        String label = outcome.impossible() ? "impossible" : outcome.robot().isPresent() ? "assigned" : "waiting";
        decisionLatency.apply(label).record(System.nanoTime() - started);
        return outcome;
    }

    /**
     * Whether some robot could ever do {@code task}, for refusing at once a task none could: robots are priced only
     * until one could do it now or later, so a fleet of thousands costs a submission one robot's pricing, not all of
     * theirs. Only an impossible outcome is whole (every robot, and why each was left out); otherwise the decision
     * holds the robots looked at.
     */
    public Outcome possible(Task task, Instant now) {
        return decide(task, Set.of(), now, true);
    }

    private Outcome decide(Task task, Set<String> busy, Instant now, boolean firstPossible) {
        TaskRequest request = task.request();
        Site site = sites.find(request.site()).orElseThrow();
        Map<String, Set<String>> notServingByKind = new HashMap<>();
        Map<String, Set<String>> closedByKind = new HashMap<>();
        // Robots of one class share a router; for each, one reverse search from the first stop costs every robot's
        // way there, and the rest of the task is the same for all of them.
        Map<SiteRouter, TaskCost> costs = new HashMap<>();
        // Why robots of one class standing at one waypoint cannot reach the stops: worked out once per decision.
        Map<List<Object>, String> unreachableWhy = new HashMap<>();
        List<DispatchDecision.Candidate> candidates = new ArrayList<>();
        String best = null;
        double bestSeconds = Double.POSITIVE_INFINITY;
        boolean anyCouldLater = false;
        for (Robot r : registry.all()) {
            if (!r.site().equals(request.site())) continue;
            if (request.robotKind() != null && !request.robotKind().equals(r.kind())) continue;
            if (!request.openTo(r.firm())) continue;
            if (task.robot() != null && !task.robot().equals(r.id())) continue;
            if (r.dispatch() == DispatchMode.VENDOR) {
                candidates.add(new DispatchDecision.Candidate(r.id(), null, null,
                        "dispatch VENDOR: its own fleet manager gives it work"));
                continue;
            }
            RobotStatus s = registry.status(r.id());
            HardwareProfile profile = profiles.find(r.profile()).orElse(null);
            String excluded = null;
            Double seconds = null;
            Double energy = null;
            if (profile == null) excluded = "unknown profile " + r.profile();
            else if (s == null || s.connection() != ConnectionState.ONLINE) {
                excluded = "not online";
                anyCouldLater = true;
            } else if (s.errors().stream().anyMatch(e -> e.startsWith(ErrorLevel.FATAL.name() + " "))) {
                excluded = "reports a fatal error";
                anyCouldLater = true;
            } else if (s.operatingMode() != null && !OperatingMode.valueOf(s.operatingMode()).fleetInControl()) {
                excluded = "taken over by hand (operatingMode " + s.operatingMode() + ")";
                anyCouldLater = true;
            } else if (busy.contains(r.id())) {
                excluded = "busy with another task";
                anyCouldLater = true;
            } else if (s.position() == null || site.level(s.position().mapId()).isEmpty()) {
                excluded = "position unknown on this site";
                anyCouldLater = true;
            } else if (profile.service().environment() == Environment.INDOOR && outdoorStop(site, task)) {
                excluded = "an indoor robot does not go outdoors";
            } else {
                Set<String> notServing = notServingByKind.computeIfAbsent(r.kind(),
                        k -> Set.copyOf(cars.notServing(site.id(), k)));
                Set<String> closed = closedByKind.computeIfAbsent(r.kind(), k -> Set.copyOf(cars.closedTo(site.id(), k)));
                SiteRouter router = router(site, r, profile, now, notServing);
                Waypoint at = located(site, r.id(), s);
                Estimate e = costs.computeIfAbsent(router, x -> new TaskCost(site, x, task, profile)).from(at, profile);
                if (e == null && notServing.size() > closed.size() && costs.computeIfAbsent(
                        router(site, r, profile, now, closed), x -> new TaskCost(site, x, task, profile)).from(at, profile) != null) {
                    excluded = "needs an elevator car that is not serving now (" + String.join(", ",
                            notServing.stream().filter(c -> !closed.contains(c)).sorted().toList()) + ")";
                    anyCouldLater = true;
                } else if (e == null) {
                    RobotClass robotClass = new RobotClass(r.kind(), r.firm(), profile.speedCapMps(),
                            profile.service().elevatorCapable());
                    excluded = unreachableWhy.computeIfAbsent(List.of(robotClass, at.id(), notServing),
                            k -> unreachable(site, robotClass, notServing, at, task, now));
                } else {
                    seconds = e.seconds;
                    energy = e.energyWh;
                    double available = profile.service().batteryCapacityWh() * (s.battery() == null ? 0 : s.battery()) / 100;
                    boolean charging = request.category() == TaskCategory.CHARGE;
                    if (!charging && e.energyWh > available - RESERVE * profile.service().batteryCapacityWh()) {
                        excluded = String.format("battery %.0f%% too low for %.1f Wh (task and way to a charger)",
                                s.battery(), e.energyWh);
                        anyCouldLater = true;
                    } else if (e.seconds < bestSeconds) {
                        bestSeconds = e.seconds;
                        best = r.id();
                    }
                }
            }
            candidates.add(new DispatchDecision.Candidate(r.id(), excluded == null ? seconds : null, energy, excluded));
            if (firstPossible && (best != null || anyCouldLater)) break;
        }
        DispatchDecision decision = new DispatchDecision(now, best, candidates);
        if (best != null) return new Outcome(Optional.of(best), decision, false, null);
        if (!anyCouldLater) {
            String why = candidates.isEmpty()
                    ? "no robot" + (request.robotKind() == null ? "" : " of kind " + request.robotKind())
                    + (request.firm() == null ? "" : " of firm " + request.firm())
                    + (request.firms().isEmpty() ? "" : " of the firms " + request.firms()) + " at site " + request.site()
                    : "no robot can do it: " + candidates.get(0).excludedBecause();
            return new Outcome(Optional.empty(), decision, true, why);
        }
        return new Outcome(Optional.empty(), decision, false, "waiting for a robot");
    }

    /** Why a robot cannot reach the task's stops, naming the zones and rules in its way where they are the cause. */
    private String unreachable(Site site, RobotClass robotClass, Set<String> notServing, Waypoint at, Task task,
                               Instant now) {
        Set<String> blockers = ZoneBlockers.between(site, zones.engine(site.id()).zones(), robotClass,
                notServing, at.id(), task.request().stops().subList(task.progress().stopIndex(),
                        task.request().stops().size()), now);
        if (blockers.isEmpty()) return "cannot reach every stop (no route without an elevator ride, or a zone forbids it)";
        return "cannot reach every stop: the way is blocked by " + String.join("; ", blockers);
    }

    private static boolean outdoorStop(Site site, Task task) {
        for (Stop stop : task.request().stops())
            if (stop.level() != null && site.level(stop.level()).map(Level::outdoor).orElse(false)) return true;
        return false;
    }

    private record Estimate(double seconds, double energyWh) {
    }

    /**
     * Time and energy to do a task's remaining stops and then reach the nearest charger, for robots of one router.
     * The first stop is costed from all robots at once (one search on the reversed graph); the stops after it do not
     * depend on the robot. A charge task's "nearest charger" depends on where the robot is, so it is searched per robot.
     */
    private static final class TaskCost {
        private final Site site;
        private final SiteRouter router;
        private final Task task;
        private final boolean perRobot;
        private double[] toFirst;
        private double restDriving;
        private double restIdle;
        private boolean reachable = true;

        TaskCost(Site site, SiteRouter router, Task task, HardwareProfile profile) {
            this.site = site;
            this.router = router;
            this.task = task;
            Stop first = task.currentStop();
            this.perRobot = first.waypoint() == null && first.path().isEmpty();
            if (perRobot) return;
            String firstWaypoint = stopWaypoint(site, router, first, null);
            toFirst = router.secondsTo(firstWaypoint);
            double[] rest = drive(firstWaypoint, true, profile);
            if (rest == null) reachable = false;
            else {
                restDriving = rest[0];
                restIdle = rest[1];
            }
        }

        Estimate from(Waypoint start, HardwareProfile profile) {
            if (perRobot) {
                double[] all = drive(start.id(), false, profile);
                return all == null ? null : new Estimate(all[0] + all[1], profile.energyWh(all[0], all[1]));
            }
            if (!reachable) return null;
            double toStart = toFirst[router.waypointIndex(start.id())];
            if (!Double.isFinite(toStart)) return null;
            double driving = toStart + restDriving;
            return new Estimate(driving + restIdle, profile.energyWh(driving, restIdle));
        }

        /**
         * Driving and idle seconds through every remaining stop and on to the nearest charger, from {@code at} — which
         * is the first stop itself when {@code atFirstStop}; null when something is unreachable.
         */
        private double[] drive(String at, boolean atFirstStop, HardwareProfile profile) {
            double driving = 0;
            double idle = 0;
            for (int i = task.progress().stopIndex(); i < task.request().stops().size(); i++) {
                Stop stop = task.request().stops().get(i);
                if (!(atFirstStop && i == task.progress().stopIndex())) {
                    String target = stopWaypoint(site, router, stop, at);
                    if (target == null) return null;
                    double leg = router.seconds(at, target);
                    if (!Double.isFinite(leg)) return null;
                    driving += leg;
                    at = target;
                }
                driving += coverageSeconds(stop, profile);
                idle += ACTION_SECONDS * stop.actions().size();
            }
            double toCharger = secondsToNearestCharger(site, router, at);
            return new double[]{driving + (Double.isFinite(toCharger) ? toCharger : 0), idle};
        }
    }

    /** One search from {@code from} prices every charger, where one search per charger would repeat the same work. */
    private static double secondsToNearestCharger(Site site, SiteRouter router, String from) {
        if (site.chargers().size() == 1) return router.seconds(from, site.chargers().get(0).waypoint());
        if (site.chargers().isEmpty()) return Double.POSITIVE_INFINITY;
        double[] seconds = router.secondsFrom(router.waypointIndex(from));
        double nearest = Double.POSITIVE_INFINITY;
        for (var c : site.chargers()) nearest = Math.min(nearest, seconds[router.waypointIndex(c.waypoint())]);
        return nearest;
    }

    /** The waypoint a stop is at: its own, the nearest reachable charger, or the one nearest a coverage path's start. */
    static String stopWaypoint(Site site, SiteRouter router, Stop stop, String from) {
        if (stop.waypoint() != null) return stop.waypoint();
        if (!stop.path().isEmpty()) {
            Level level = site.level(stop.level()).orElseThrow();
            return level.nearestWaypoint(stop.path().get(0)[0], stop.path().get(0)[1]).id();
        }
        String best = null;
        double bestSeconds = Double.POSITIVE_INFINITY;
        for (var c : site.chargers()) {
            double s = router.seconds(from, c.waypoint());
            if (s < bestSeconds) {
                bestSeconds = s;
                best = c.waypoint();
            }
        }
        return best;
    }

    private static double coverageSeconds(Stop stop, HardwareProfile profile) {
        double length = 0;
        for (int i = 1; i < stop.path().size(); i++)
            length += Math.hypot(stop.path().get(i)[0] - stop.path().get(i - 1)[0], stop.path().get(i)[1] - stop.path().get(i - 1)[1]);
        return length / profile.speedCapMps();
    }

    HardwareProfile profileOf(Robot robot) {
        return profiles.find(robot.profile())
                .orElseThrow(() -> new IllegalStateException("robot " + robot.id() + " has an unknown profile"));
    }

    /** The router a robot's orders are planned with now: zones in force, cars not serving left out. */
    SiteRouter router(Site site, Robot robot, HardwareProfile profile, Instant now) {
        return router(site, robot, profile, now, cars.notServing(site.id(), robot.kind()));
    }

    private SiteRouter router(Site site, Robot robot, HardwareProfile profile, Instant now, Set<String> notServing) {
        var zoneSet = zones.engine(site.id()).zones();
        SiteRouting r = routing.get(site.id());
        Map<RouterKey, SiteRouter> siteRouters = routers.computeIfAbsent(site.id(), k -> new HashMap<>());
        if (r == null || !r.isFor(site, zoneSet)) {
            r = new SiteRouting(site, zoneSet, GeofenceConfig.defaults(), RoutingConfig.defaults());
            routing.put(site.id(), r);
            siteRouters.clear();
        }
        RouterKey key = new RouterKey(new RobotClass(robot.kind(), robot.firm(), profile.speedCapMps(),
                profile.service().elevatorCapable()), Set.copyOf(notServing));
        SiteRouter cached = siteRouters.get(key);
        if (cached != null && cached.isCurrentFor(zoneSet, now)) return cached;
        SiteRouter fresh = r.router(key.robotClass(), now, key.carsNotServing());
        siteRouters.put(key, fresh);
        return fresh;
    }

    private record RouterKey(RobotClass robotClass, Set<String> carsNotServing) {
    }

    /** The waypoint a robot stands at, remembered while it stands still: between decisions most robots are idle. */
    private Waypoint located(Site site, String robotId, RobotStatus s) {
        Located known = located.get(robotId);
        if (known != null && known.site == site && known.position.equals(s.position())) return known.waypoint;
        Waypoint waypoint = nearest(site, s);
        located.put(robotId, new Located(site, s.position(), waypoint));
        return waypoint;
    }

    private record Located(Site site, RobotPosition position, Waypoint waypoint) {
    }

    static Waypoint nearest(Site site, RobotStatus s) {
        return site.level(s.position().mapId()).orElseThrow().nearestWaypoint(s.position().x(), s.position().y());
    }
}
