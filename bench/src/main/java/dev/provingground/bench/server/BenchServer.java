package dev.provingground.bench.server;

import dev.provingground.bench.SetUp;
import dev.provingground.server.wiring.Environment;
import dev.provingground.server.wiring.FleetServer;
import dev.provingground.server.wiring.Links;
import dev.provingground.server.auth.AccessControl;
import dev.provingground.server.config.HttpConfig;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.config.ServerConfig;
import dev.provingground.server.config.StoreConfig;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;
import dev.provingground.trackrecord.event.GeofenceTransition;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import dev.provingground.server.events.EventSink;

/**
 * A real fleet server in this process, on loopback with free ports and a throw-away data directory, set up for the
 * enforcement benchmark: site {@value #SITE} with one level, one firm, the robots, and one KEEP_OUT zone whose
 * {@code onViolation} is PAUSE. Robot {@code i} stands on its own lane {@code y = i + 0.5}: outside the zone at
 * {@code x = 5}, inside at {@code x = 15}.
 */
public final class BenchServer implements AutoCloseable {

    static final String SITE = "bench";
    static final String LEVEL = "L1";
    static final String ZONE = "bench-keep-out";
    /** Where the history benchmark's tasks go. */
    static final String PLACE = "west-end";
    private static final String FIRM = "bench";
    private static final String MANUFACTURER = "BenchWorks";
    private static final String PROFILE = "indoor-delivery";
    private static final long SETUP_TIMEOUT_SECONDS = 60;

    /** What a robot logs in with; {@code index} places it on its lane. */
    record RobotLogin(int index, String manufacturer, String serialNumber, String username, String password) {
    }

    private final Vertx vertx;
    private final Path dataDir;
    private final FleetServer server;
    private final int robotLanes;
    private final Links links;
    private final AtomicLong keepOutViolations = new AtomicLong();
    private final List<RobotLogin> robots = new ArrayList<>();

    private BenchServer(Vertx vertx, Path dataDir, int robotLanes, Links links) {
        this.vertx = vertx;
        this.dataDir = dataDir;
        this.robotLanes = robotLanes;
        this.links = links;
        this.server = fleetServer(vertx, dataDir, robotLanes, links);
    }

    /** Starts the server and registers {@code robotCount} robots; nothing is left running if any step fails. */
    static BenchServer start(int robotCount) {
        return start(robotCount, 0, Links.MQTT);
    }

    /**
     * As {@link #start(int)}, with robot traffic on {@code robotLanes} lanes ({@code mqtt.robotLanes}: 0 = one per
     * core) and robots coming over {@code links}.
     */
    static BenchServer start(int robotCount, int robotLanes, Links links) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("pg-bench-enforcement-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary data directory: " + e.getMessage(), e);
        }
        Vertx vertx = Vertx.vertx();
        BenchServer bench = new BenchServer(vertx, dataDir, robotLanes, links);
        try {
            await(bench.server.start());
            bench.countViolations();
            bench.setUp(robotCount);
            return bench;
        } catch (RuntimeException e) {
            bench.close();
            throw e;
        }
    }

    private static FleetServer fleetServer(Vertx vertx, Path dataDir, int robotLanes, Links links) {
        ServerConfig config = loopbackConfig(dataDir);
        config = config.withMqtt(config.mqtt().withRobotLanes(robotLanes));
        Environment production = Environment.production(Clock.systemUTC());
        return new FleetServer(vertx, config, new Environment(production.clock(), production.scheduler(), links,
                production.ids()), List.of(site()));
    }

    /** A server on free ports of the loopback interface only: a benchmark must not open a port to the network. */
    public static ServerConfig loopbackConfig(Path dataDir) {
        MqttConfig defaults = MqttConfig.defaults();
        MqttConfig mqtt = new MqttConfig(MqttConfig.Mode.EMBEDDED, "127.0.0.1", 0, defaults.maxMessageSize(), null,
                null, defaults.clientId(), defaults.reconnectMillis());
        return new ServerConfig(dataDir, new HttpConfig("127.0.0.1", 0, 1 << 20), mqtt, List.of(), null,
                StoreConfig.defaults());
    }

    /**
     * Stops this server, keeping its data directory, lets {@code meanwhile} change the data directory, and starts a
     * new server on it: the same robots (their logins stored), the same zone.
     */
    BenchServer restarted(java.util.function.Consumer<Path> meanwhile) {
        await(server.stop());
        meanwhile.accept(dataDir);
        BenchServer next = new BenchServer(vertx, dataDir, robotLanes, links);
        next.robots.addAll(robots);
        try {
            await(next.server.start());
            next.countViolations();
            return next;
        } catch (RuntimeException e) {
            next.close();
            throw e;
        }
    }

    /** The server itself, for benchmarks that measure its parts. */
    FleetServer fleetServer() {
        return server;
    }

    private void countViolations() {
        onServer(() -> {
            server.events().addSink((event, json) -> {
                if (event.body() instanceof GeofenceTransition t && ZONE.equals(t.zone())
                        && t.transition() == GeofenceTransition.Transition.VIOLATION_STARTED)
                    keepOutViolations.incrementAndGet();
                return EventSink.DONE;
            });
            return CompletableFuture.completedFuture(null);
        });
    }

    private void setUp(int robotCount) {
        onServer(() -> server.access().registerFirm(FIRM, "Bench Robotics"));
        onServer(() -> server.zones().create(SITE, keepOutZone(robotCount).encode(), "bench"));
        // All registrations in one go: the store commits them together instead of one commit interval each.
        List<AccessControl.Issued<Robot>> issued = onServer(() -> {
            List<CompletableFuture<AccessControl.Issued<Robot>>> all = new ArrayList<>();
            for (int i = 0; i < robotCount; i++)
                all.add(server.registry().register(new RobotRegistry.Registration(MANUFACTURER, serial(i), FIRM,
                        PROFILE, SITE)));
            return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                    .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
        });
        for (int i = 0; i < issued.size(); i++) {
            Robot r = issued.get(i).value();
            robots.add(new RobotLogin(i, r.manufacturer(), r.serialNumber(), r.id(), issued.get(i).secret()));
        }
    }

    private static String serial(int i) {
        return String.format("bench-%04d", i);
    }

    static double outsideX() {
        return 5;
    }

    static double insideX() {
        return 15;
    }

    static double laneY(int index) {
        return index + 0.5;
    }

    /** A rectangle from x 10 to 20 across every robot's lane. */
    private static JsonObject keepOutZone(int robotCount) {
        double x0 = 10;
        double x1 = 20;
        double y0 = 0;
        double y1 = robotCount;
        JsonArray ring = new JsonArray()
                .add(new JsonArray().add(x0).add(y0)).add(new JsonArray().add(x1).add(y0))
                .add(new JsonArray().add(x1).add(y1)).add(new JsonArray().add(x0).add(y1))
                .add(new JsonArray().add(x0).add(y0));
        return new JsonObject().put("type", "Feature").put("id", ZONE)
                .put("geometry", new JsonObject().put("type", "Polygon").put("coordinates", new JsonArray().add(ring)))
                .put("properties", new JsonObject().put("name", "Bench keep-out").put("level", LEVEL)
                        .put("kind", "KEEP_OUT").put("onViolation", "PAUSE"));
    }

    private static Site site() {
        String json = """
                {"id": "%s", "name": "Enforcement bench hall", "timeZone": "UTC",
                 "levels": [{"id": "%s", "name": "Hall", "floor": 1, "outdoor": false,
                   "waypoints": [{"id": "west", "x": 0, "y": 0}, {"id": "east", "x": 30, "y": 0}],
                   "lanes": [{"from": "west", "to": "east"}]}],
                 "places": [{"name": "%s", "level": "%s", "waypoint": "west"}], "chargers": [], "elevators": []}
                """.formatted(SITE, LEVEL, PLACE, LEVEL);
        return SiteFormat.read(json.getBytes(StandardCharsets.UTF_8), "bench-site.json");
    }

    List<RobotLogin> robots() {
        return List.copyOf(robots);
    }

    int mqttPort() {
        return server.mqttPort();
    }

    /** KEEP_OUT violations of the bench zone the server has opened so far (its track-record events). */
    long keepOutViolations() {
        return keepOutViolations.get();
    }

    /** Runs {@code work} on the server's event loop, where zones and the registry are changed, and waits for it. */
    private <T> T onServer(Supplier<CompletableFuture<T>> work) {
        return join(server.onEventLoop(work));
    }

    static <T> T await(Future<T> future) {
        return SetUp.await(future, SETUP_TIMEOUT_SECONDS, "the bench server");
    }

    private static <T> T join(CompletableFuture<T> future) {
        return SetUp.join(future, SETUP_TIMEOUT_SECONDS, "the bench server");
    }

    /** Stops the server, closes its Vert.x and deletes the data directory. */
    @Override
    public void close() {
        try {
            await(server.stop());
        } finally {
            try {
                await(vertx.close());
            } finally {
                SetUp.deleteRecursively(dataDir);
            }
        }
    }

    Path dataDir() {
        return dataDir;
    }
}
