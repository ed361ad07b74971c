package dev.provingground.sim.fleet;

import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.sim.link.MqttTarget;
import dev.provingground.sim.robot.SimRobot;
import dev.provingground.sim.robot.SimRobotClient;
import dev.provingground.sim.robot.SimRobotSpec;
import dev.provingground.vda5050.Vda5050Codec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.logging.Logger;
import dev.provingground.sim.robot.LiftDoors;
import java.util.Random;

/**
 * N simulated robots against one MQTT endpoint or broker. One timer advances every robot (default 10 Hz) on one
 * Vert.x context, so robot logic and its MQTT handlers never run at the same time.
 */
public final class SimFleet {

    private static final Logger LOG = Logger.getLogger(SimFleet.class.getName());

    /**
     * @param tickMillis          simulation step
     * @param stateIntervalMillis periodic state report; events (node reached, action done) report at once
     * @param visualizationMillis 0 = no visualization topic
     * @param keepAliveSeconds    MQTT keepalive of each robot
     */
    public record Settings(long tickMillis, long stateIntervalMillis, long visualizationMillis, int keepAliveSeconds,
                           long strayEverySeconds, double timeScale) {
        public Settings {
            if (tickMillis < 10) throw new IllegalArgumentException("tickMillis: must be >= 10, got " + tickMillis);
            if (stateIntervalMillis < tickMillis)
                throw new IllegalArgumentException("stateIntervalMillis: must be >= tickMillis");
            if (keepAliveSeconds < 1) throw new IllegalArgumentException("keepAliveSeconds: must be >= 1");
            if (strayEverySeconds < 0) throw new IllegalArgumentException("strayEverySeconds: must be >= 0");
            if (!(timeScale >= 1 && timeScale <= 20)) throw new IllegalArgumentException("timeScale: must be 1..20, got " + timeScale);
        }

        public Settings(long tickMillis, long stateIntervalMillis, long visualizationMillis, int keepAliveSeconds) {
            this(tickMillis, stateIntervalMillis, visualizationMillis, keepAliveSeconds, 0, 1);
        }

        public static Settings defaults() {
            return new Settings(100, 1000, 0, 10, 0, 1);
        }

        /**
         * Simulated seconds per real second: robots drive, act and drain their batteries this much faster, for tests
         * of long missions. Reported speeds stay real, so limits and enforcement are unaffected.
         */
        public Settings withTimeScale(double scale) {
            return new Settings(tickMillis, stateIntervalMillis, visualizationMillis, keepAliveSeconds, strayEverySeconds, scale);
        }

        /** Fault mode: every so often one driving robot strays off its route (0 = never). */
        public Settings withStrayEverySeconds(long seconds) {
            return new Settings(tickMillis, stateIntervalMillis, visualizationMillis, keepAliveSeconds, seconds, timeScale);
        }
    }

    private final Vertx vertx;
    private final Settings settings;
    private final List<SimRobotClient> clients = new ArrayList<>();
    private long timer = -1;
    private long ticks;
    private final Random random = new Random(7);
    private final Queue<Consumer<SimRobot>> faults = new ConcurrentLinkedQueue<>();
    static final double STRAY_METRES = 6;

    public SimFleet(Vertx vertx, ProfileCatalog profiles, List<SimRobotSpec> specs, Settings settings, Clock clock) {
        this.vertx = vertx;
        this.settings = settings;
        Vda5050Codec codec = new Vda5050Codec();
        for (SimRobotSpec spec : specs) {
            SimRobot robot = new SimRobot(spec.manufacturer(), spec.serialNumber(), profiles.require(spec.profile()),
                    spec.mapId(), spec.x(), spec.y(), spec.theta(), spec.batteryPercent());
            clients.add(new SimRobotClient(vertx, robot, spec, codec, clock, settings.keepAliveSeconds()));
        }
    }

    /** Connects every robot and starts the clock; completes when all are connected. */
    public Future<Void> start(String host, int port) {
        return start(MqttTarget.plain(host, port));
    }

    /** Connects every robot to {@code target} (plain MQTT or over TLS) and starts the clock; completes when all are. */
    public Future<Void> start(MqttTarget target) {
        List<Future<Void>> connects = new ArrayList<>();
        for (SimRobotClient c : clients) connects.add(c.connect(target));
        return Future.all(connects).map(v -> {
            timer = vertx.setPeriodic(settings.tickMillis(), id -> tick());
            LOG.info(clients.size() + " simulated robots connected to " + target);
            return null;
        });
    }

    /**
     * Applies {@code fault} (e.g. {@link SimRobot#breakDown}) to one robot on the fleet's next tick, so that callers on
     * any thread never touch a robot while it moves.
     */
    public void inject(String serialNumber, Consumer<SimRobot> fault) {
        if (clients.stream().noneMatch(c -> c.robot().serialNumber().equals(serialNumber)))
            throw new IllegalArgumentException("no simulated robot with serial number \"" + serialNumber + "\"");
        faults.add(r -> {
            if (r.serialNumber().equals(serialNumber)) fault.accept(r);
        });
    }

    private void tick() {
        ticks++;
        for (Consumer<SimRobot> fault; (fault = faults.poll()) != null; ) {
            for (SimRobotClient c : clients) fault.accept(c.robot());
        }
        double dt = settings.tickMillis() / 1000.0 * settings.timeScale();
        long stateEvery = Math.max(1, settings.stateIntervalMillis() / settings.tickMillis());
        long visEvery = settings.visualizationMillis() <= 0 ? 0
                : Math.max(1, settings.visualizationMillis() / settings.tickMillis());
        for (int i = 0; i < clients.size(); i++) {
            SimRobotClient c = clients.get(i);
            c.robot().advance(dt);
            // Robots are spread over the interval so a large fleet does not report in one burst.
            boolean periodic = (ticks + i) % stateEvery == 0;
            if (c.robot().takeReportDue() || periodic) c.publishState();
            if (visEvery > 0 && (ticks + i) % visEvery == 0) c.publishVisualization();
        }
        long strayEvery = settings.strayEverySeconds() * 1000 / settings.tickMillis();
        if (strayEvery > 0 && ticks % strayEvery == 0) strayOne();
    }

    private void strayOne() {
        List<SimRobotClient> driving = clients.stream().filter(c -> c.robot().speed() > 0.1).toList();
        if (driving.isEmpty()) return;
        SimRobotClient c = driving.get(random.nextInt(driving.size()));
        c.robot().strayOnce(STRAY_METRES);
        LOG.info("fault mode: " + c.robot().serialNumber() + " strays " + STRAY_METRES + " m off its route");
    }

    /** The building's elevators, for every robot of the fleet; call before {@link #start}. */
    public SimFleet useLifts(LiftDoors lifts) {
        for (SimRobotClient c : clients) c.robot().useLifts(lifts);
        return this;
    }

    public List<SimRobotClient> clients() {
        return List.copyOf(clients);
    }

    /** Cleanly disconnects every robot (OFFLINE, then DISCONNECT). */
    public Future<Void> stop() {
        if (timer >= 0) vertx.cancelTimer(timer);
        List<Future<Void>> all = new ArrayList<>();
        for (SimRobotClient c : clients) all.add(c.disconnect());
        return Future.join(all).mapEmpty();
    }
}
