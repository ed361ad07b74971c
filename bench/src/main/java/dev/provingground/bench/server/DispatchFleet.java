package dev.provingground.bench.server;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.io.CoordinateFrame;
import dev.provingground.geofence.io.GeoJsonZones;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.auth.AccessControl;
import dev.provingground.server.config.StoreConfig;
import dev.provingground.server.events.EventHub;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.server.sites.SiteCatalog;
import dev.provingground.server.store.MapDbAccessStore;
import dev.provingground.server.store.MapDbRobotStore;
import dev.provingground.server.store.MapDbStore;
import dev.provingground.server.store.MapDbZoneStore;
import dev.provingground.server.zones.ZoneService;
import dev.provingground.site.Level;
import dev.provingground.site.Site;
import dev.provingground.site.Waypoint;
import dev.provingground.bench.routing.GridSite;
import dev.provingground.vda5050.ConnectionState;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The parts of the server the dispatcher reads — site catalog, zone service, robot registry — built as the server
 * builds them, over a MapDB in a scratch directory, with a fleet of robots that report where they stand.
 */
final class DispatchFleet implements AutoCloseable {

    final SiteCatalog sites;
    final ZoneService zones;
    final RobotRegistry registry;
    private final MapDbStore store;
    private final AccessControl access;
    private final Site site;
    private final Clock clock;

    private DispatchFleet(MapDbStore store, Site site, List<Zone> zoneList,
                          ProfileCatalog profiles, Clock clock) {
        this.store = store;
        this.site = site;
        this.clock = clock;
        this.sites = new SiteCatalog(List.of(site));
        this.access = new AccessControl(new MapDbAccessStore(store), clock);
        this.registry = new RobotRegistry(new MapDbRobotStore(store), profiles, access, () -> Set.copyOf(sites.ids()), clock);
        this.zones = new ZoneService(sites, new MapDbZoneStore(store), new EventHub(), GeofenceConfig.defaults(), clock);
        zones.replaceAll(site.id(), new GeoJsonZones(GeofenceConfig.defaults())
                .writeCollection(zoneList, CoordinateFrame.LOCAL, null), "bench").join();
    }

    static DispatchFleet open(Path scratch, GridSite.Generated generated, ProfileCatalog profiles, Clock clock) {
        MapDbStore store = MapDbStore.open(scratch.resolve("fleet.db"), StoreConfig.defaults());
        try {
            return new DispatchFleet(store, generated.site(), generated.zones(), profiles, clock);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Registers {@code count} robots of {@code profile}, online and fully charged at random waypoints. */
    List<Robot> register(int count, String firm, String profile, List<Waypoint> waypoints, Random random) {
        access.registerFirm(firm, "Benchmark fleet").join();
        List<Robot> fleet = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Robot robot = registry.register(new RobotRegistry.Registration("Bench", String.format("B-%04d", i), firm,
                    profile, site.id())).join().value();
            registry.applyConnection(robot.id(), ConnectionState.ONLINE, clock.instant());
            report(robot, waypoints.get(random.nextInt(waypoints.size())));
            fleet.add(robot);
        }
        return fleet;
    }

    /** The robot's state as it would report it standing at {@code waypoint}, battery full. */
    void report(Robot robot, Waypoint waypoint) {
        registry.applyState(robot.id(), StateTemplate.state(robot.manufacturer(), robot.serialNumber(),
                levelOf(waypoint), waypoint.x(), waypoint.y(), 100), clock.instant());
    }

    /** The waypoint each robot stands at, as the dispatcher finds it: nearest to its reported position. */
    List<Waypoint> positions(List<Robot> fleet) {
        List<Waypoint> at = new ArrayList<>(fleet.size());
        for (Robot r : fleet) {
            var p = registry.status(r.id()).position();
            at.add(site.level(p.mapId()).map(l -> l.nearestWaypoint(p.x(), p.y())).orElseThrow());
        }
        return at;
    }

    String levelOf(Waypoint waypoint) {
        for (Level l : site.levels()) if (l.waypoint(waypoint.id()).isPresent()) return l.id();
        throw new IllegalArgumentException("waypoint " + waypoint.id() + " is on no level of " + site.id());
    }

    @Override
    public void close() {
        store.close();
    }
}
