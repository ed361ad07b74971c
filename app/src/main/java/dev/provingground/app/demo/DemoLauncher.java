package dev.provingground.app.demo;

import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.sim.demo.DemoFleet;
import dev.provingground.sim.elevator.SimBuilding;
import dev.provingground.sim.fleet.SimFleet;
import dev.provingground.sim.robot.SimRobotSpec;
import dev.provingground.site.Site;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the demo against a server the way its users do: over the REST API it registers the demo firms and robots,
 * draws the zones, sets the elevator rules and issues the lift controllers' logins ({@link DemoSetup}); the simulated
 * robots and elevator cars then connect over MQTT with the logins the API answered, and {@link #ROS_ROBOTS} more robots
 * join as ROS robots through the robot agent ({@link DemoRosRobots}); the demo's task stream
 * ({@link DemoTasks}) and remote operator ({@link DemoOperator}) act only on the robots it registered. It knows the
 * server only by its {@link ServerEndpoint}.
 */
public final class DemoLauncher {

    /**
     * @param fleet       the simulated robots' settings (tick, reports, fault mode)
     * @param taskRound   how often the task stream looks for idle demo robots
     * @param assistAfter how long the remote operator takes to look at a robot enforcement paused
     * @param clock       what the simulated robots, lift cars and robot agents stamp their messages with (and the
     *                    cars move by): the server's clock, also when it runs faster than the wall clock
     */
    public record Settings(SimFleet.Settings fleet, Duration taskRound, Duration assistAfter, Clock clock) {
        public static Settings defaults() {
            return new Settings(SimFleet.Settings.defaults(), Duration.ofSeconds(2), Duration.ofSeconds(8),
                    Clock.systemUTC());
        }

        public Settings withFleet(SimFleet.Settings settings) {
            return new Settings(settings, taskRound, assistAfter, clock);
        }

        public Settings withAssistAfter(Duration after) {
            return new Settings(fleet, taskRound, after, clock);
        }

        public Settings withClock(Clock time) {
            return new Settings(fleet, taskRound, assistAfter, time);
        }
    }

    /** How many of the demo's robots are ROS robots joining through the robot agent, beside the simulated fleet. */
    public static final int ROS_ROBOTS = 2;

    private final Vertx vertx;
    private final ServerEndpoint server;
    private final Site site;
    private final DemoApi api;
    private final Map<String, DemoFleet.RobotPlan> robots = new LinkedHashMap<>();
    private SimFleet fleet;
    private DemoRosRobots ros;
    private DemoElevators elevators;
    private DemoTasks tasks;
    private DemoOperator operator;

    public DemoLauncher(Vertx vertx, ServerEndpoint server, Site site) {
        this.vertx = vertx;
        this.server = server;
        this.site = site;
        this.api = new DemoApi(vertx, server);
    }

    public void start(int robotCount, SimFleet.Settings fleetSettings) throws Exception {
        start(robotCount, Settings.defaults().withFleet(fleetSettings));
    }

    /** Sets the demo up and starts it; blocks until everything is connected, so never call it on an event loop. */
    public void start(int robotCount, Settings settings) throws Exception {
        List<SimRobotSpec> specs = new ArrayList<>();
        List<DemoRosRobot> rosPlans = DemoRosRobot.plans(site);
        List<DemoFleet.RobotPlan> plans = new ArrayList<>(DemoFleet.plan(site, robotCount));
        rosPlans.forEach(r -> plans.add(r.plan()));
        List<DemoRosRobots.Registered> rosRobots = new ArrayList<>();
        for (DemoSetup.RegisteredRobot r : new DemoSetup(api, site).run(plans)) {
            DemoFleet.RobotPlan plan = r.plan();
            robots.put(r.id(), plan);
            var rosPlan = rosPlans.stream().filter(p -> p.plan().equals(plan)).findFirst();
            if (rosPlan.isPresent()) {
                rosRobots.add(new DemoRosRobots.Registered(rosPlan.get(), r.id(), r.password()));
                continue;
            }
            specs.add(new SimRobotSpec(plan.firm().manufacturer(), plan.serialNumber(), plan.profile(), r.id(),
                    r.password(), plan.level(), plan.start().x(), plan.start().y(), 0, 60 + (specs.size() * 7) % 40));
        }
        elevators = new DemoElevators(vertx, api, site, settings.clock());
        await(elevators.start(server.mqtt()));
        // Robots step into and out of the same simulated cars the server sends to their floors.
        SimBuilding building = new SimBuilding(elevators.clients());
        fleet = new SimFleet(vertx, ProfileCatalog.builtIn(), specs, settings.fleet(), settings.clock())
                .useLifts(building);
        await(fleet.start(server.mqtt()));
        ros = new DemoRosRobots(vertx, site, building, settings.fleet().timeScale(), settings.clock());
        await(ros.start(rosRobots, server.mqtt()));
        operator = new DemoOperator(vertx, api, server, robots.keySet(), settings.assistAfter());
        await(operator.start());
        tasks = new DemoTasks(vertx, api, site, robots, 5050, settings.taskRound().toMillis());
        tasks.start();
    }

    /** The ids of the robots the demo registered: the only robots it gives work to or helps. */
    public List<String> robotIds() {
        return List.copyOf(robots.keySet());
    }

    public SimFleet fleet() {
        return fleet;
    }

    /** The ids of the demo's robots that are ROS robots behind the robot agent. */
    public List<String> rosRobotIds() {
        return ros == null ? List.of() : ros.running().stream().map(DemoRosRobots.Running::id).toList();
    }

    public DemoElevators elevators() {
        return elevators;
    }

    public void stop() {
        if (tasks != null) tasks.stop();
        if (operator != null) awaitStop("demo operator", operator.stop());
        if (elevators != null) awaitStop("demo elevators", elevators.stop());
        if (ros != null) awaitStop("demo ROS robots", ros.stop());
        if (fleet != null) awaitStop("demo fleet", fleet.stop());
        api.close();
    }

    private static void await(Future<Void> started) throws Exception {
        started.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
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
