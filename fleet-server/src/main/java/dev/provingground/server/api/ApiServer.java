package dev.provingground.server.api;

import dev.provingground.server.api.validation.RequestSchemas;
import dev.provingground.server.auth.AccessControl;
import dev.provingground.server.errors.PortInUseException;
import dev.provingground.server.auth.ConnectionGate;
import dev.provingground.server.auth.LoginGuard;
import dev.provingground.server.config.AuthConfig;
import dev.provingground.server.config.HttpConfig;
import dev.provingground.server.config.TlsConfig;
import dev.provingground.server.metrics.ServerMetrics;
import io.vertx.core.net.PemKeyCertOptions;
import dev.provingground.server.lifecycle.Lifecycle;
import dev.provingground.server.time.Scheduler;
import dev.provingground.server.live.LiveFeed;
import dev.provingground.server.zones.ZoneService;
import dev.provingground.server.mqtt.RejectionLog;
import dev.provingground.server.orders.OrderSender;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.server.sites.SiteCatalog;
import dev.provingground.server.sites.changes.FloorPlanChanges;
import dev.provingground.server.store.StorageStatus;
import dev.provingground.server.sites.changes.SiteService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.core.http.HttpConnection;

import java.time.Clock;
import java.util.logging.Logger;
import dev.provingground.server.elevator.ElevatorService;
import dev.provingground.server.elevator.LiftCredentials;
import dev.provingground.server.events.EventHub;
import dev.provingground.server.tasks.TaskService;
import dev.provingground.trackrecord.TrackRecordStore;
import java.nio.file.Path;

/**
 * The HTTP side: REST under {@code /api/v1} (bearer tokens everywhere but health and the OpenAPI document),
 * {@code /metrics}, and the console at {@code /}; over TLS when {@code tls} names a certificate.
 */
public final class ApiServer implements Lifecycle {

    private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());

    /** What the routes need from the rest of the server. */
    public record Parts(AccessControl access, RobotRegistry registry, SiteCatalog sites, OrderSender orders,
                        OrderRequests orderRequests, RejectionLog rejections, String mqttMode, Clock clock,
                        LiveFeed liveFeed, ZoneService zones,
                        TrackRecordStore trackRecord, Path exportDir,
                        SiteService siteService, TaskService tasks,
                        ElevatorService elevators,
                        LiftCredentials liftCredentials,
                        EventHub eventBus,
                        FloorPlanChanges floorPlans,
                        LoginGuard logins,
                        StorageStatus storage) {
    }

    private final Vertx vertx;
    private final HttpConfig config;
    private final Router router;
    private final LiveRobots liveRobots;
    private final Scheduler scheduler;
    private final TlsConfig tls;
    private final ConnectionGate connections;
    private HttpServer server;

    /**
     * How the API is reached and guarded: TLS (or plain), who may read {@code /metrics}, and the meters it serves
     * (failed logins are counted into them by {@link Parts#logins()}).
     */
    public record Security(TlsConfig tls, AuthConfig auth, ServerMetrics metrics) {
    }

    public ApiServer(Vertx vertx, HttpConfig config, Parts parts, Scheduler scheduler, Security security) {
        this.vertx = vertx;
        this.scheduler = scheduler;
        this.config = config;
        this.tls = security.tls();
        this.router = Router.router(vertx);
        connections = new ConnectionGate(config.maxConnections(), config.maxConnectionsPerAddress());
        security.metrics().counted("pg.http.connections.refused",
                "HTTP connections closed at once: over a connection limit", connections, ConnectionGate::refused);
        BearerAuth auth = new BearerAuth(parts.access(), parts.logins());
        new MetricsRoutes(security.metrics(), auth, security.auth().metricsOpenOnLoopback()).mount(router);
        // Readable without a token: health (without internals unless a token is sent) and the API's description.
        new HealthRoutes(parts.registry(), parts.rejections(), parts.mqttMode(), parts.clock(), parts.storage())
                .mount(router, auth);
        new OpenApiRoutes().mount(router);
        EventRoutes events = new EventRoutes(parts.trackRecord(), parts.liveFeed());
        events.mountLive(router, auth);
        liveRobots = new LiveRobots(parts.registry());
        liveRobots.mount(router, auth);
        // The token first: nothing of a body is read for a request that has none (the router holds the body back).
        router.route("/api/v1/*").handler(auth);
        // While storage cannot write, a change is refused before its body is read.
        router.route("/api/v1/*").handler(new StorageGate(parts.storage()));
        BodyLimits.mount(router, config);
        RequestSchemas schemas = RequestSchemas.fromClasspath(OpenApiRoutes.class, OpenApiRoutes.RESOURCE);
        router.route("/api/v1/*").handler(new RequestValidation(schemas));
        events.mount(router);
        new FirmRoutes(parts.access()).mount(router);
        new TokenRoutes(parts.access()).mount(router);
        new ManufacturerRoutes(parts.access()).mount(router);
        new RobotRoutes(parts.registry(), parts.orders(), parts.orderRequests()).mount(router);
        new SiteRoutes(parts.sites(), parts.siteService()).mount(router);
        new FloorPlanRoutes(parts.floorPlans()).mount(router);
        new ZoneRoutes(parts.zones()).mount(router);
        new LogRoutes(parts.trackRecord(), parts.sites(), parts.exportDir()).mount(router);
        new TaskRoutes(parts.tasks(), parts.registry(), parts.access()).mount(router);
        new ElevatorRoutes(parts.elevators(), parts.liftCredentials()).mount(router);
        new EvidenceRoutes(parts.registry(), parts.sites(), parts.eventBus(), parts.clock()).mount(router);
        new SchemaRoutes(schemas).mount(router);
        new RejectionRoutes(parts.rejections().recent(), parts.registry()).mount(router);
        new QuarantineRoutes(parts.storage()).mount(router);
        new WhoAmIRoutes().mount(router);
        new ConsoleRoutes().mount(router);
        router.route().failureHandler(new ErrorHandler(security.metrics()));
        router.route("/api/v1/*").last().handler(ctx -> ctx.fail(404));
    }

    /** Later features add their routes here before {@link #start()}. */
    public Router router() {
        return router;
    }

    @Override
    public Future<Void> start() {
        HttpServerOptions options = new HttpServerOptions().setHost(config.host()).setPort(config.port());
        if (tls.enabled()) options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(tls.certFile().toString()).setKeyPath(tls.keyFile().toString()));
        server = vertx.createHttpServer(options);
        liveRobots.start(scheduler);
        server.connectionHandler(this::admit);
        return server.requestHandler(router).listen().<Void>map(s -> {
            LOG.info("HTTP API on " + (tls.enabled() ? "https://" : "http://") + config.host() + ":" + s.actualPort());
            return null;
        }).recover(e -> Future.failedFuture(PortInUseException.isAddressInUse(e)
                ? new PortInUseException("HTTP", config.host(), config.port(), "--http-port or http.port (PG_HTTP_PORT)")
                : e));
    }

    /** Closes a connection over {@code http.maxConnections} or {@code http.maxConnectionsPerAddress} at once. */
    private void admit(HttpConnection connection) {
        String address = connection.remoteAddress() == null ? "unknown" : connection.remoteAddress().hostAddress();
        if (!connections.tryOpen(address)) {
            LOG.fine(() -> "HTTP connection from " + address + " refused: connection limit reached");
            connection.close();
            return;
        }
        connection.closeHandler(v -> connections.closed(address));
    }

    public int port() {
        return server == null ? config.port() : server.actualPort();
    }

    @Override
    public Future<Void> stop() {
        liveRobots.stop(scheduler);
        return server == null ? Future.succeededFuture() : server.close();
    }
}
