package dev.provingground.site.routing;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.index.ZoneSet;
import dev.provingground.site.ElevatorCar;
import dev.provingground.site.Site;

/**
 * Routing on one site under one zone-set snapshot: builds a {@link SiteRouter} per robot class and planned time.
 * The geofence route check of every lane runs once per (robot kind, firm, zones in force) and is shared by every
 * router built here. A new site or zone snapshot needs a new {@code SiteRouting}; {@link #isFor} tells.
 * Safe for concurrent use.
 */
public final class SiteRouting {

    private final Site site;
    private final ZoneSet zones;
    private final RoutingConfig config;
    private final NavIndex index;
    private final LaneChecks checks;

    /**
     * @throws IllegalArgumentException when the site refers to waypoints it does not have, or the configuration
     *                                  times an elevator car the site does not have
     */
    public SiteRouting(Site site, ZoneSet zones, GeofenceConfig geofence, RoutingConfig config) {
        this.site = Objects.requireNonNull(site, "site");
        this.zones = Objects.requireNonNull(zones, "zones");
        this.config = Objects.requireNonNull(config, "routing config");
        Set<String> cars = site.elevatorCars().stream().map(ElevatorCar::id).collect(Collectors.toCollection(TreeSet::new));
        for (String car : new TreeSet<>(config.carTiming().keySet())) {
            if (!cars.contains(car)) {
                throw new IllegalArgumentException("routing carTiming: site " + site.id() + " has no elevator car '" + car
                        + "' (its cars: " + (cars.isEmpty() ? "none" : String.join(", ", cars)) + ")");
            }
        }
        this.index = new NavIndex(site);
        this.checks = new LaneChecks(index, zones, Objects.requireNonNull(geofence, "geofence config"));
    }

    /** A router for this robot class with the zones in force at {@code plannedAt}, every elevator car in service. */
    public SiteRouter router(RobotClass robot, Instant plannedAt) {
        return router(robot, plannedAt, Set.of());
    }

    /**
     * A router for this robot class with the zones in force at {@code plannedAt}, riding no car of
     * {@code carsNotServing} (cars whose controller is silent or out of service).
     */
    public SiteRouter router(RobotClass robot, Instant plannedAt, Set<String> carsNotServing) {
        Objects.requireNonNull(robot, "robot class");
        Objects.requireNonNull(plannedAt, "plannedAt");
        LaneVerdicts verdicts = checks.verdicts(robot.kind(), robot.firm(), plannedAt);
        return new SiteRouter(index, zones, verdicts, robot, plannedAt,
                ScheduleHorizon.around(zones, site.timeZone(), plannedAt), config, Set.copyOf(carsNotServing));
    }

    /** Whether this routing was built on exactly these objects (a zone edit makes a new snapshot). */
    public boolean isFor(Site currentSite, ZoneSet currentZones) {
        return currentSite == site && currentZones == zones;
    }

    /** How many distinct (kind, firm, zones in force) lane checks have been run so far. */
    public int laneCheckCount() {
        return checks.cachedCount();
    }

    public Site site() {
        return site;
    }

    public ZoneSet zones() {
        return zones;
    }
}
