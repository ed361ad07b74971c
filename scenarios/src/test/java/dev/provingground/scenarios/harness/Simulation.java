package dev.provingground.scenarios.harness;

import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.support.InProcessLink;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.VirtualServer;
import dev.provingground.server.tasks.Task;
import dev.provingground.server.tasks.TaskProgress;
import dev.provingground.server.tasks.TaskStatus;
import dev.provingground.server.time.VirtualClock;
import dev.provingground.server.time.VirtualScheduler;
import dev.provingground.server.wiring.FleetServer;
import dev.provingground.sim.elevator.SimElevatorCar;
import dev.provingground.sim.elevator.SimElevatorSpec;
import dev.provingground.sim.robot.LiftDoors;
import dev.provingground.sim.robot.SimRobot;
import dev.provingground.sim.robot.SimRobotSpec;
import dev.provingground.site.Site;
import dev.provingground.vda5050.Vda5050Codec;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A fleet server with simulated robots, elevator cars and the people who call them, all on one virtual clock, in one
 * process, stepping together. Each step moves the virtual clock by {@link #STEP} (running the server's timers that
 * fall due on the way), hands over what the server sent, moves every robot and car by the same step and lets them
 * report; then it waits until the server is quiescent — the context idle, both storage writers' commits done — before
 * the next. Nothing runs between steps, so what happens does not depend on thread timing: the same run gives the same
 * outcome every time.
 *
 * <p>The server's HTTP API listens on loopback as usual ({@link #api()}), for the operator's side of a scenario;
 * robots and lift controllers come over the {@link InProcessLink}.
 */
public final class Simulation implements AutoCloseable {

    /**
     * One step of the simulation: what the robots moved per tick when these scenarios ran on the real clock (a 50 ms
     * tick at a time scale of four); the server's own timers still run at their times within it.
     */
    public static final Duration STEP = Duration.ofMillis(200);
    /** Robots report their state every second besides on events, spread over the second. */
    static final int STEPS_PER_STATE = 5;

    private final VirtualServer virtual;
    private final VirtualScheduler scheduler;
    private final InProcessLink link;
    private final Vda5050Codec codec = new Vda5050Codec();
    private final ProfileCatalog profiles = ProfileCatalog.builtIn();
    private final List<LinkedRobot> robots = new ArrayList<>();
    private final List<LinkedCar> cars = new ArrayList<>();
    private final List<Runnable> afterEachStep = new ArrayList<>();
    private long steps;
    private boolean bundlesChecked;

    private Simulation(VirtualServer virtual) {
        this.virtual = virtual;
        this.scheduler = virtual.scheduler();
        this.link = virtual.link();
    }

    public static Simulation start(Path dataDir, List<Site> sites) throws Exception {
        return start(dataDir, sites, new VirtualClock(VirtualServer.MONDAY_MORNING));
    }

    /**
     * A server on {@code dataDir} (new or kept from an earlier run) keeping time by {@code clock}, which robots and
     * cars taken over from an earlier simulation ({@link #adopt}) go on reading.
     */
    public static Simulation start(Path dataDir, List<Site> sites, VirtualClock clock) throws Exception {
        return new Simulation(VirtualServer.start(dataDir, sites, clock));
    }

    /** The operator's way in: HTTP on loopback. */
    public TestServer api() {
        return virtual.api();
    }

    public FleetServer server() {
        return virtual.server();
    }

    public String operatorToken() {
        return virtual.operatorToken();
    }

    public VirtualClock clock() {
        return scheduler.clock();
    }

    public VirtualScheduler scheduler() {
        return scheduler;
    }

    /** A robot registered at the server (its MQTT login in {@code spec}), logged in over the in-process link. */
    public LinkedRobot addRobot(SimRobotSpec spec) {
        SimRobot robot = new SimRobot(spec.manufacturer(), spec.serialNumber(), profiles.require(spec.profile()),
                spec.mapId(), spec.x(), spec.y(), spec.theta(), spec.batteryPercent());
        LinkedRobot linked = new LinkedRobot(robot, spec, codec, clock());
        onServer(() -> {
            robots.add(linked);
            linked.connect(link.robots());
            link.deliver();
        });
        return linked;
    }

    /** A car of {@code site} with its controller, logged in with the login the server issued ({@code username}, {@code password}). */
    public LinkedCar addCar(String site, SimElevatorSpec spec, JsonObject login) {
        LinkedCar linked = new LinkedCar(new SimElevatorCar(spec), site, clock());
        onServer(() -> {
            cars.add(linked);
            linked.connect(link.lifts(), login.getString("username"), login.getString("password"));
            link.deliver();
        });
        return linked;
    }

    /**
     * Takes over the robots and cars of {@code before}, whose server is gone (killed, or stopped): they log in to this
     * server with the logins it issued, {@code robotPasswords} by serial number and {@code carLogins} by car, and
     * ride this server's cars from now on. Their state — where they are, what they carry, who is aboard — is kept.
     */
    public void adopt(Simulation before, Map<String, String> robotPasswords, Map<String, JsonObject> carLogins) {
        onServer(() -> {
            for (LinkedCar car : before.cars) {
                JsonObject login = carLogins.get(car.liftName());
                cars.add(car);
                car.connect(link.lifts(), login.getString("username"), login.getString("password"));
            }
            for (LinkedRobot robot : before.robots) {
                robots.add(robot);
                robot.robot().useLifts(doors());
                robot.connect(link.robots(), robotPasswords.get(robot.serialNumber()));
            }
            link.deliver();
        });
    }

    /** Stops the server alone, as if it went away; robots and cars stay as they are, for {@link #adopt}. */
    public void stopServerOnly() {
        virtual.stop();
    }

    /** The cars' doors as the robots find them: a robot steps in or out only where the car stands. */
    public LiftDoors doors() {
        return new LiftDoors() {
            @Override
            public boolean board(String liftName, String floor, String robotId) {
                SimElevatorCar car = carOrNull(liftName);
                return car != null && car.currentFloor().equals(floor) && car.robotBoards(robotId);
            }

            @Override
            public boolean alight(String liftName, String floor, String robotId) {
                SimElevatorCar car = carOrNull(liftName);
                return car != null && car.currentFloor().equals(floor) && car.robotLeaves(robotId);
            }
        };
    }

    /** A car not (yet) in the building has no door to step through. */
    private SimElevatorCar carOrNull(String liftName) {
        return cars.stream().filter(c -> c.liftName().equals(liftName)).map(LinkedCar::car).findFirst().orElse(null);
    }

    public List<LinkedRobot> robots() {
        return List.copyOf(robots);
    }

    public LinkedRobot robot(String serialNumber) {
        return robots.stream().filter(r -> r.serialNumber().equals(serialNumber)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulated robot " + serialNumber));
    }

    public List<LinkedCar> cars() {
        return List.copyOf(cars);
    }

    public LinkedCar car(String liftName) {
        return cars.stream().filter(c -> c.liftName().equals(liftName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulated car " + liftName));
    }

    /** Runs {@code check} on the server's context after every step, e.g. to watch for breaches of rules. */
    public void afterEachStep(Runnable check) {
        onServer(() -> afterEachStep.add(check));
    }

    /** Runs the simulation for {@code duration} of virtual time. */
    public void run(Duration duration) {
        long n = duration.toMillis() / STEP.toMillis();
        for (long i = 0; i < n; i++) step();
    }

    /**
     * Steps until {@code condition} holds, checked on the server's context after every step; fails naming what was
     * awaited once {@code budget} of virtual time has passed without it.
     */
    public void runUntil(String what, Duration budget, BooleanSupplier condition) {
        runUntil(what, budget, condition, () -> "");
    }

    /** As {@link #runUntil(String, Duration, BooleanSupplier)}; a failure says what {@code state} (read on the context) gives. */
    public void runUntil(String what, Duration budget, BooleanSupplier condition, Supplier<String> state) {
        Instant deadline = clock().instant().plus(budget);
        while (!onServer(condition::getAsBoolean)) {
            if (!clock().instant().isBefore(deadline))
                throw new AssertionError("not within " + budget + " of virtual time: " + what + " " + onServer(state));
            step();
        }
    }

    /**
     * Steps until {@code condition} holds, checked from the test thread (e.g. over HTTP) after every second of
     * virtual time; fails naming what was awaited once {@code budget} has passed without it.
     */
    public void runUntilSeen(String what, Duration budget, BooleanSupplier condition) {
        Instant deadline = clock().instant().plus(budget);
        while (!condition.getAsBoolean()) {
            if (!clock().instant().isBefore(deadline))
                throw new AssertionError("not within " + budget + " of virtual time: " + what);
            run(Duration.ofSeconds(1));
        }
    }

    /** The task as the server holds it now. */
    public Task task(String id) {
        return onServer(() -> server().tasks().find(id).orElseThrow(() -> new AssertionError("no task " + id)));
    }

    /**
     * Steps until the task reaches {@code status}; fails at once if it ends otherwise (failed, canceled, or completed
     * when something else was awaited), saying why, and after {@code budget} of virtual time.
     */
    public Task awaitTask(String id, TaskStatus status, Duration budget) {
        runUntil("task " + id + " " + status.wireName(), budget, () -> {
            TaskProgress p = server().tasks().find(id).orElseThrow().progress();
            if (p.status() != status && p.status().isFinal())
                throw new AssertionError("task " + id + " ended " + p.status().wireName() + ": " + p.reason());
            return p.status() == status;
        });
        return task(id);
    }

    /** One step of everything, then a wait until the server is quiescent. */
    public void step() {
        onServer(this::stepOnContext);
        settle();
    }

    private void stepOnContext() {
        double seconds = STEP.toNanos() / 1e9;
        scheduler.advanceBy(STEP);
        link.deliver();
        for (int i = 0; i < robots.size(); i++) {
            // Robots report in turn over the period, as a fleet's do, not all in one burst.
            robots.get(i).step(seconds, (steps + i) % STEPS_PER_STATE == 0);
            link.deliver();
        }
        for (LinkedCar car : cars) {
            car.step(seconds);
            link.deliver();
        }
        // Dispatch rounds asked for by what was just reported run now, not a step later.
        do {
            scheduler.runDue();
        } while (link.deliver() > 0);
        for (Runnable check : afterEachStep) check.run();
        steps++;
    }

    /** Waits until the server is quiescent: nothing due or queued on its context, both storage writers' commits done. */
    public void settle() {
        virtual.settle();
    }

    /** Runs {@code work} on the server's context and waits for it; for reading or changing sims and server alike. */
    public <T> T onServer(Supplier<T> work) {
        return virtual.onServer(work);
    }

    public void onServer(Runnable work) {
        virtual.onServer(work);
    }

    /**
     * Robots and controllers leave cleanly, every log's bundle is checked ({@link BundleChecks}: it verifies and its
     * counts add up), then the server stops.
     */
    public void stop() {
        onServer(() -> {
            for (LinkedRobot r : robots) r.disconnect();
            for (LinkedCar c : cars) c.disconnect();
            link.deliver();
        });
        try {
            if (!bundlesChecked) {
                bundlesChecked = true;
                settle();
                int checked = BundleChecks.assertEveryBundleVerifiesAndAddsUp(server().trackRecord());
                if (!robots.isEmpty() && checked == 0) {
                    throw new AssertionError("robots took part, yet no log had a record to check");
                }
            }
        } finally {
            virtual.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
