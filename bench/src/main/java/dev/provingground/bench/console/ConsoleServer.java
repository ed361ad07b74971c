package dev.provingground.bench.console;

import dev.provingground.bench.SetUp;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.auth.AccessControl;
import dev.provingground.server.config.HttpConfig;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.config.ServerConfig;
import dev.provingground.server.config.StoreConfig;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.server.wiring.FleetServer;
import dev.provingground.sim.fleet.SimFleet;
import dev.provingground.sim.robot.SimRobotSpec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A real fleet server in this process (HTTP and embedded MQTT on loopback, the console at {@code /}) and the sim
 * module's robots as MQTT clients on their own Vert.x, the way the demo runs them: registered with the server, logged
 * in with the secrets it issued, reporting their state once a second and whenever they reach a node. Each robot gets
 * one order through the API that drives it back and forth along its stretch for the whole bench, so every marker on
 * the console has somewhere to go.
 */
final class ConsoleServer implements AutoCloseable {

    private static final String FIRM = "console-bench";
    private static final String MANUFACTURER = "BenchWorks";
    /** The sim's indoor delivery robot: 0.76 m/s at most. */
    private static final String PROFILE = "indoor-delivery";
    private static final double PROFILE_SPEED = 0.76;
    private static final long SETUP_TIMEOUT_SECONDS = 120;
    /** Orders in flight at once while the fleet is set going. */
    private static final int ORDERS_IN_FLIGHT = 256;
    private static final long ORDER_RETRY_SECONDS = 60;
    private static final int CONNECT_CHUNK = 100;
    private static final int CONNECT_ATTEMPTS = 3;
    private static final long ORDER_RETRY_PAUSE_MILLIS = 500;
    /**
     * The sim's defaults but a 30 s MQTT keep-alive: with a thousand robots and a browser on a busy machine, 10 s
     * keep-alives were missed and robots dropped their links and logged in again.
     */
    private static final SimFleet.Settings FLEET = new SimFleet.Settings(100, 1000, 0, 30);

    private final Vertx serverSide;
    private final Vertx robotSide;
    private final Path dataDir;
    private final FleetServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<SimFleet> fleets = new ArrayList<>();

    private ConsoleServer(Vertx serverSide, Vertx robotSide, Path dataDir, FleetServer server) {
        this.serverSide = serverSide;
        this.robotSide = robotSide;
        this.dataDir = dataDir;
        this.server = server;
    }

    /**
     * Starts the server with {@code hall}'s site, registers and connects every robot of it, and sends each an order
     * long enough to keep it driving for {@code driveSeconds}. Nothing is left running if a step fails.
     */
    static ConsoleServer start(ConsoleSite hall, double driveSeconds) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("pg-bench-console-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary data directory: " + e.getMessage(), e);
        }
        Vertx serverSide = Vertx.vertx();
        MqttConfig defaults = MqttConfig.defaults();
        // Loopback only: the benchmark must not open a port to the network.
        MqttConfig mqtt = new MqttConfig(MqttConfig.Mode.EMBEDDED, "127.0.0.1", 0, defaults.maxMessageSize(), null,
                null, defaults.clientId(), defaults.reconnectMillis());
        ServerConfig config = new ServerConfig(dataDir, new HttpConfig("127.0.0.1", 0, 1 << 20), mqtt, List.of(), null,
                StoreConfig.defaults());
        ConsoleServer bench = new ConsoleServer(serverSide, Vertx.vertx(), dataDir,
                new FleetServer(serverSide, config, Clock.systemUTC(), List.of(hall.site())));
        try {
            await(bench.server.start());
            List<Registered> robots = bench.register(hall);
            bench.connect(robots);
            bench.sendOrders(robots, driveSeconds);
            return bench;
        } catch (RuntimeException e) {
            bench.close();
            throw e;
        }
    }

    /** A robot the server registered, where it stands and which stretch it drives. */
    private record Registered(String id, String secret, String serialNumber, String level, double x, double y,
                              double endX) {
    }

    private List<Registered> register(ConsoleSite hall) {
        join(server.onEventLoop(() -> server.access().registerFirm(FIRM, "Console Bench Robotics")));
        List<Registered> out = new ArrayList<>();
        for (ConsoleSite.Level level : hall.levels()) {
            // All registrations of a level in one go: the store commits them together.
            List<AccessControl.Issued<Robot>> issued = join(server.onEventLoop(() -> {
                List<CompletableFuture<AccessControl.Issued<Robot>>> all = new ArrayList<>();
                for (int i = 0; i < level.robots(); i++)
                    all.add(server.registry().register(new RobotRegistry.Registration(MANUFACTURER,
                            level.id() + "-" + String.format("%04d", i), FIRM, PROFILE, hall.siteId())));
                return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                        .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
            }));
            for (int i = 0; i < issued.size(); i++) {
                Robot r = issued.get(i).value();
                out.add(new Registered(r.id(), issued.get(i).secret(), r.serialNumber(), level.id(), level.startX(i),
                        level.y(i), level.endX(i)));
            }
        }
        return out;
    }

    /**
     * Connects the robots {@value #CONNECT_CHUNK} at a time, each chunk a fleet of its own; on a loaded machine a login
     * now and then fails ("Closed"), and then that chunk is stopped and started again, up to
     * {@value #CONNECT_ATTEMPTS} times.
     */
    private void connect(List<Registered> robots) {
        for (int from = 0; from < robots.size(); from += CONNECT_CHUNK) {
            List<SimRobotSpec> specs = robots.subList(from, Math.min(robots.size(), from + CONNECT_CHUNK)).stream()
                    .map(r -> new SimRobotSpec(MANUFACTURER, r.serialNumber(), PROFILE, r.id(), r.secret(), r.level(),
                            r.x(), r.y(), 0, 95)).toList();
            for (int attempt = 1; ; attempt++) {
                SimFleet chunk = new SimFleet(robotSide, ProfileCatalog.builtIn(), specs, FLEET, Clock.systemUTC());
                fleets.add(chunk);
                try {
                    await(chunk.start("127.0.0.1", server.mqttPort()));
                    break;
                } catch (RuntimeException e) {
                    fleets.remove(chunk);
                    SetUp.await(chunk.stop().otherwiseEmpty(), SETUP_TIMEOUT_SECONDS, "the console bench's robots");
                    if (attempt == CONNECT_ATTEMPTS)
                        throw new IllegalStateException("console bench: robots " + specs.get(0).serialNumber() + " to "
                                + specs.get(specs.size() - 1).serialNumber() + " could not connect in " + attempt
                                + " attempts: " + e.getMessage(), e);
                }
            }
        }
    }

    /** Back and forth along each robot's stretch, enough legs for {@code driveSeconds}, sent as an operator would. */
    private void sendOrders(List<Registered> robots, double driveSeconds) {
        int legs = (int) Math.ceil(driveSeconds * PROFILE_SPEED / ConsoleSite.SHORTEST_LEG) + 1;
        String token = operatorToken();
        Semaphore inFlight = new Semaphore(ORDERS_IN_FLIGHT);
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (Registered r : robots) {
            JsonArray nodes = new JsonArray();
            for (int leg = 0; leg <= legs; leg++)
                nodes.add(new JsonObject().put("x", leg % 2 == 0 ? r.x() : r.endX()).put("y", r.y()).put("mapId", r.level()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/robots/" + r.id() + "/orders"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("nodes", nodes).encode())).build();
            inFlight.acquireUninterruptibly();
            sent.add(send(http, request, r.id(), System.nanoTime() + TimeUnit.SECONDS.toNanos(ORDER_RETRY_SECONDS))
                    .whenComplete((v, e) -> inFlight.release()));
        }
        join(CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)));
    }

    /**
     * Sends one order; a robot whose MQTT link dropped (a loaded machine misses keep-alives) and is logging in again
     * has no order subscription for a moment, so a 409 is tried again until {@code deadlineNanos}.
     */
    private static CompletableFuture<Void> send(HttpClient http, HttpRequest request, String robot, long deadlineNanos) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).thenCompose(res -> {
            if (res.statusCode() == 202) return CompletableFuture.completedFuture(null);
            if (res.statusCode() == 409 && System.nanoTime() < deadlineNanos)
                return CompletableFuture.supplyAsync(() -> null,
                                CompletableFuture.delayedExecutor(ORDER_RETRY_PAUSE_MILLIS, TimeUnit.MILLISECONDS))
                        .thenCompose(v -> send(http, request, robot, deadlineNanos));
            throw new IllegalStateException("the server refused the order of robot " + robot + ": HTTP "
                    + res.statusCode() + " " + res.body());
        });
    }

    /**
     * Robot id → [x, y] of every robot whose latest report puts it on {@code level}, as the API answers them: what
     * the server knows, against which the markers are checked.
     */
    Map<String, List<Number>> reportedPositions(String siteId, String level) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/robots?site=" + siteId))
                .header("Authorization", "Bearer " + operatorToken()).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> res = join(http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        if (res.statusCode() != 200)
            throw new IllegalStateException("console bench: GET /api/v1/robots answered HTTP " + res.statusCode());
        Map<String, List<Number>> out = new HashMap<>();
        for (Object o : new JsonObject(res.body()).getJsonArray("robots")) {
            JsonObject robot = (JsonObject) o;
            JsonObject p = robot.getJsonObject("position");
            if (p != null && level.equals(p.getString("mapId")))
                out.put(robot.getString("id"), List.of(p.getDouble("x"), p.getDouble("y")));
        }
        return out;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.httpPort();
    }

    String operatorToken() {
        try {
            return Files.readString(server.operatorTokenFile(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the operator token: " + e.getMessage(), e);
        }
    }

    static <T> T await(Future<T> future) {
        return SetUp.await(future, SETUP_TIMEOUT_SECONDS, "the console bench's server or robots");
    }

    private static <T> T join(CompletableFuture<T> future) {
        return SetUp.join(future, SETUP_TIMEOUT_SECONDS, "the console bench's server or robots");
    }

    /** Robots say goodbye, then the server stops, both Vert.x close and the data directory goes. */
    @Override
    public void close() {
        try {
            await(Future.join(fleets.stream().map(SimFleet::stop).toList()));
        } finally {
            try {
                await(robotSide.close());
                await(server.stop());
            } finally {
                try {
                    await(serverSide.close());
                } finally {
                    SetUp.deleteRecursively(dataDir);
                }
            }
        }
    }
}
