package dev.provingground.server.support;

import dev.provingground.server.wiring.Environment;
import dev.provingground.server.wiring.FleetServer;
import dev.provingground.server.config.AuthConfig;
import dev.provingground.server.config.HttpConfig;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.config.ServerConfig;
import dev.provingground.server.config.StoreConfig;
import dev.provingground.server.time.ScaledClock;
import dev.provingground.server.time.ScaledScheduler;
import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.io.ByteArrayInputStream;

/** A real fleet server on free loopback ports with its own data directory, and an HTTP client for it. */
public final class TestServer implements AutoCloseable {

    public final Vertx vertx;
    public final Path dataDir;
    public final FleetServer server;
    public final WebClient http;
    public final String operatorToken;

    private TestServer(Vertx vertx, Path dataDir, FleetServer server) throws Exception {
        this.vertx = vertx;
        this.dataDir = dataDir;
        this.server = server;
        this.http = WebClient.create(vertx);
        this.operatorToken = Files.readString(dataDir.resolve(FleetServer.OPERATOR_TOKEN_FILE)).trim();
    }

    public static TestServer start(Path dataDir) throws Exception {
        return start(dataDir, MqttConfig.defaults().withPort(0));
    }

    public static TestServer start(Path dataDir, MqttConfig mqtt) throws Exception {
        return start(dataDir, mqtt, List.of(testSite()));
    }

    public static TestServer start(Path dataDir, MqttConfig mqtt, List<Site> sites) throws Exception {
        return start(dataDir, mqtt, sites, Environment.production(Clock.systemUTC()), new StoreConfig(10, 1000, 50));
    }

    /**
     * A default server whose {@code /metrics} a scraper on loopback reads without a token: for tests that read the
     * failed-login counters from the very address those failures blocked.
     */
    public static TestServer startWithMetricsOpenOnLoopback(Path dataDir) throws Exception {
        return start(dataDir, MqttConfig.defaults().withPort(0), List.of(testSite()),
                Environment.production(Clock.systemUTC()), new StoreConfig(10, 1000, 50),
                new AuthConfig(AuthConfig.defaults().tokenLifetimeDays(), true));
    }

    /**
     * A real server whose clock runs faster than the wall clock: its periodic work (dispatch, lift ticks, leases,
     * flushes) runs as much more often, so whatever shares the clock (a simulated fleet, lift cars) stays in step.
     */
    public static TestServer start(Path dataDir, MqttConfig mqtt, List<Site> sites, ScaledClock clock) throws Exception {
        Environment production = Environment.production(clock);
        return start(dataDir, mqtt, sites, new Environment(clock,
                context -> new ScaledScheduler(production.scheduler().apply(context), clock), production.links(),
                production.ids()), new StoreConfig(10, 1000, 50));
    }

    /**
     * A server in the given environment, e.g. virtual time and an in-process link: its HTTP API still listens on a
     * loopback port, so tests talk to it as an operator would.
     */
    public static TestServer start(Path dataDir, MqttConfig mqtt, List<Site> sites, Environment environment,
                                   StoreConfig store) throws Exception {
        return start(dataDir, mqtt, sites, environment, store, AuthConfig.defaults());
    }

    /** As above, with token lifetime and metrics access as {@code auth} says. */
    public static TestServer start(Path dataDir, MqttConfig mqtt, List<Site> sites, Environment environment,
                                   StoreConfig store, AuthConfig auth) throws Exception {
        ServerConfig config = new ServerConfig(dataDir, new HttpConfig("127.0.0.1", 0, 1 << 20),
                mqttOnLoopback(mqtt), List.of(), null, store).withAuth(auth);
        Vertx vertx = Vertx.vertx();
        FleetServer server = new FleetServer(vertx, config, environment, sites);
        try {
            Await.result(server.start());
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
        return new TestServer(vertx, dataDir, server);
    }

    private static MqttConfig mqttOnLoopback(MqttConfig m) {
        String host = m.mode() == MqttConfig.Mode.EMBEDDED ? "127.0.0.1" : m.host();
        // Two lanes unless a test says otherwise, however many cores the machine has: the socket-level tests are where
        // robots on several lanes at once are shown to work.
        return new MqttConfig(m.mode(), host, m.port(), m.maxMessageSize(), m.username(), m.password(), m.clientId(),
                m.reconnectMillis(), m.maxConnections(), m.robotLanes() == 0 ? 2 : m.robotLanes());
    }

    /** A one-level site so robots have somewhere to be registered. */
    public static Site testSite() {
        String json = """
                {"id": "test", "name": "Test hall", "timeZone": "UTC",
                 "levels": [{"id": "L1", "name": "Hall", "floor": 1, "outdoor": false,
                   "waypoints": [{"id": "a", "x": 0, "y": 0}, {"id": "b", "x": 10, "y": 0}],
                   "lanes": [{"from": "a", "to": "b"}]}],
                 "places": [], "chargers": [], "elevators": []}
                """;
        return SiteFormat.read(new ByteArrayInputStream(json.getBytes()), "test-site.json");
    }

    public HttpResponse<Buffer> call(HttpMethod method, String path, String token, JsonObject body) {
        var req = http.request(method, server.httpPort(), "127.0.0.1", path);
        if (token != null) req.putHeader("Authorization", "Bearer " + token);
        return Await.result(body == null ? req.send() : req.sendJsonObject(body));
    }

    public HttpResponse<Buffer> get(String path, String token) {
        return call(HttpMethod.GET, path, token, null);
    }

    public HttpResponse<Buffer> post(String path, String token, JsonObject body) {
        return call(HttpMethod.POST, path, token, body);
    }

    /** Registers a firm as the operator; returns its vendor token. */
    public String registerFirm(String id) {
        var res = post("/api/v1/firms", operatorToken, new JsonObject().put("id", id).put("name", id + " Robotics"));
        if (res.statusCode() != 201) throw new AssertionError("firm registration: " + res.statusCode() + " " + res.bodyAsString());
        return res.bodyAsJsonObject().getString("token");
    }

    /** Registers a robot as the operator; returns the robot JSON including mqtt.username and mqtt.password. */
    public JsonObject registerRobot(String firm, String manufacturer, String serial, String profile) {
        var res = post("/api/v1/robots", operatorToken, new JsonObject().put("manufacturer", manufacturer)
                .put("serialNumber", serial).put("firm", firm).put("profile", profile).put("site", "test"));
        if (res.statusCode() != 201) throw new AssertionError("robot registration: " + res.statusCode() + " " + res.bodyAsString());
        return res.bodyAsJsonObject().getJsonObject("robot");
    }

    /** Logs in as a robot registered by {@link #registerRobot} (with its MQTT credentials) and goes online. */
    public TestRobot connectRobot(JsonObject registered, String manufacturer, String serial) {
        JsonObject mqtt = registered.getJsonObject("mqtt");
        TestRobot robot = TestRobot.create(vertx, manufacturer, serial, mqtt.getString("username"),
                mqtt.getString("password"));
        robot.connectOnline(server.mqttPort());
        return robot;
    }

    public void stop() {
        Await.result(server.stop());
        http.close();
        Await.result(vertx.close());
    }

    @Override
    public void close() {
        stop();
    }
}
