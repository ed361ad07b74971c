package dev.provingground.app.demo;

import dev.provingground.sim.demo.DemoFleet;
import dev.provingground.sim.demo.DemoSite;

import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.errors.ConflictException;
import dev.provingground.server.wiring.FleetServer;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.sim.elevator.SimBuilding;
import dev.provingground.sim.fleet.SimFleet;
import dev.provingground.sim.robot.SimRobotSpec;
import dev.provingground.site.Site;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import io.vertx.core.Future;

/**
 * Puts the demo fleet on a running server: registers the demo firms and robots (a restart reuses them and gives
 * each a fresh MQTT password, since only hashes are stored), connects the simulated robots and a simulated
 * controller for every elevator car over real MQTT on loopback, and starts the demo traffic.
 */
public final class DemoLauncher {

    private final Vertx vertx;
    private final FleetServer server;
    private final Site site;
    private SimFleet fleet;
    private DemoElevators elevators;
    private DemoTraffic traffic;
    private DemoTasks tasks;

    public DemoLauncher(Vertx vertx, FleetServer server, Site site) {
        this.vertx = vertx;
        this.server = server;
        this.site = site;
    }

    public List<SimRobotSpec> register(int robots) {
        for (DemoFleet.FirmSpec f : DemoFleet.firms())
            if (server.access().firm(f.id()).isEmpty()) server.access().registerFirm(f.id(), f.name()).join();
        // A manager's later edits are kept: the demo's zones are loaded only into a site that has none.
        onServer(() -> server.zones().engine(site.id()).zones().zones().isEmpty()
                ? server.zones().replaceAll(site.id(), DemoSite.zones(), "demo") : CompletableFuture.completedFuture(null));
        List<SimRobotSpec> specs = new ArrayList<>();
        for (DemoFleet.RobotPlan plan : DemoFleet.plan(site, robots)) {
            String id = RobotRegistry.idFor(plan.firm().manufacturer(), plan.serialNumber());
            String password;
            if (server.registry().find(id).isPresent()) {
                password = server.registry().rotateCredentials(id).join();
            } else {
                try {
                    password = server.registry().register(new RobotRegistry.Registration(plan.firm().manufacturer(),
                            plan.serialNumber(), plan.firm().id(), plan.profile(), site.id())).join().secret();
                } catch (ConflictException e) {
                    password = server.registry().rotateCredentials(id).join();
                }
            }
            specs.add(new SimRobotSpec(plan.firm().manufacturer(), plan.serialNumber(), plan.profile(), id, password,
                    plan.level(), plan.start().x(), plan.start().y(), 0, 60 + (specs.size() * 7) % 40));
        }
        return specs;
    }

    /** Runs {@code work} on the server's event loop, where zones and the registry are edited, and waits for it. */
    private <T> T onServer(Supplier<CompletableFuture<T>> work) {
        return server.onEventLoop(work).orTimeout(30, TimeUnit.SECONDS).join();
    }

    public void start(int robots, SimFleet.Settings settings) throws Exception {
        List<SimRobotSpec> specs = register(robots);
        elevators = new DemoElevators(vertx, server, site);
        elevators.start("127.0.0.1", server.mqttPort()).toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        // Robots step into and out of the same simulated cars the server sends to their floors.
        fleet = new SimFleet(vertx, ProfileCatalog.builtIn(), specs, settings, Clock.systemUTC())
                .useLifts(new SimBuilding(elevators.clients()));
        fleet.start("127.0.0.1", server.mqttPort()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        traffic = new DemoTraffic(vertx, server, site, 5050);
        traffic.start();
        tasks = new DemoTasks(vertx, server, site.id(), 5050, 5000);
        tasks.start();
    }

    public SimFleet fleet() {
        return fleet;
    }

    public DemoElevators elevators() {
        return elevators;
    }

    public void stop() {
        if (tasks != null) tasks.stop();
        if (traffic != null) traffic.stop();
        if (elevators != null) awaitStop("demo elevators", elevators.stop());
        if (fleet != null) awaitStop("demo fleet", fleet.stop());
    }

    /** A part that does not stop in time is reported and left; the rest still stop. */
    private static void awaitStop(String what, Future<Void> stopped) {
        try {
            stopped.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println(what + " stop: " + e.getMessage());
        }
    }
}
