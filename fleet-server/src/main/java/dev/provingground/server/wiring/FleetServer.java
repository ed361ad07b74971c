package dev.provingground.server.wiring;

import dev.provingground.server.metrics.ServerMetrics;
import dev.provingground.server.api.ApiServer;
import dev.provingground.server.auth.AccessControl;
import dev.provingground.server.config.ServerConfig;
import dev.provingground.server.elevator.ElevatorService;
import dev.provingground.server.events.EventHub;
import dev.provingground.server.mqtt.RejectionLog;
import dev.provingground.server.mqtt.RobotTransport;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.server.store.MapDbStore;
import dev.provingground.server.tasks.TaskService;
import dev.provingground.server.time.Scheduler;
import dev.provingground.server.zones.ZoneService;
import dev.provingground.site.Site;
import dev.provingground.trackrecord.TrackRecordStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The fleet server: its parts built by {@link Wiring} and started and stopped as one ({@link ServerLifecycle}).
 * What is global (tasks, elevators, the track record, the API) runs on one Vert.x context, so it sees one change at a
 * time without locks; what robots report is handled on their lanes ({@code RobotLanes}),
 * each robot on one, and reaches the global parts by messages to that context. MapDB writes go to the store's writer
 * thread.
 */
public final class FleetServer {

    private static final Logger LOG = Logger.getLogger(FleetServer.class.getName());
    public static final String OPERATOR_TOKEN_FILE = "operator.token";

    private final Vertx vertx;
    private final ServerConfig config;
    private final Environment environment;
    private final Wiring wiring;
    private final ServerMetrics metrics;
    private Context context;
    private Scheduler scheduler;
    private ServerParts parts;
    private ServerLifecycle lifecycle;

    /** A production server: Vert.x timers, robots and lift controllers over MQTT. */
    public FleetServer(Vertx vertx, ServerConfig config, Clock clock, List<Site> extraSites) {
        this(vertx, config, Environment.production(clock), extraSites);
    }

    /**
     * A production server whose meters go to {@code metrics}; give the same to {@link ServerMetrics#newVertx} so
     * {@code /metrics} shows Vert.x's own meters too.
     */
    public FleetServer(Vertx vertx, ServerConfig config, Clock clock, List<Site> extraSites, ServerMetrics metrics) {
        this(vertx, config, Environment.production(clock), extraSites, metrics);
    }

    /** A server keeping time and meeting robots as {@code environment} says (tests: virtual time, in-process links). */
    public FleetServer(Vertx vertx, ServerConfig config, Environment environment, List<Site> extraSites) {
        this(vertx, config, environment, extraSites, new ServerMetrics());
    }

    private FleetServer(Vertx vertx, ServerConfig config, Environment environment, List<Site> extraSites,
                        ServerMetrics metrics) {
        this.vertx = vertx;
        this.config = config;
        this.environment = environment;
        this.metrics = metrics;
        this.wiring = new Wiring(vertx, config, environment, extraSites, metrics);
    }

    /** The server's meters, as {@code /metrics} serves them. */
    public ServerMetrics metrics() {
        return metrics;
    }

    /** Opens the data directory, starts MQTT and HTTP; completes when both listen. */
    public Future<FleetServer> start() {
        context = vertx.getOrCreateContext();
        scheduler = environment.scheduler().apply(context);
        Promise<FleetServer> ready = Promise.promise();
        // Opening MapDB and loading the registry block, so they run on a worker; the parts are then started on
        // this one context, which all robot and API handlers share.
        context.runOnContext(v -> vertx.executeBlocking(() -> wiring.build(context, scheduler))
                .compose(built -> {
                    parts = built;
                    lifecycle = wiring.lifecycle(built, scheduler);
                    return lifecycle.start();
                })
                .map(x -> {
                    // Whatever was queued before the start (tasks kept over a restart) need not wait for the poll.
                    parts.tasks().requestDispatch();
                    LOG.info("fleet server ready: HTTP " + httpPort() + ", MQTT "
                            + config.mqtt().mode().name().toLowerCase() + " " + mqttPort() + ", data "
                            + config.dataDir().toAbsolutePath());
                    return this;
                })
                .onComplete(ready));
        return ready.future();
    }

    /** Graceful: stop taking robot messages and requests, write the registry, close the stores. */
    public Future<Void> stop() {
        Promise<Void> stopped = Promise.promise();
        Context ctx = context != null ? context : vertx.getOrCreateContext();
        ctx.runOnContext(v -> (lifecycle == null ? Future.<Void>succeededFuture() : lifecycle.stop())
                .onComplete(stopped));
        return stopped.future();
    }

    /** The HTTP side; its router lists every route, which the OpenAPI document must match. */
    public ApiServer api() {
        return parts.api();
    }

    /**
     * Runs {@code work} on the server's event loop, where zones, the registry and everything stateful are changed,
     * for callers that embed the server (benchmarks, tests); the result completes when the work's future does.
     */
    public <T> CompletableFuture<T> onEventLoop(Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                work.get().whenComplete((r, e) -> {
                    if (e != null) done.completeExceptionally(e);
                    else done.complete(r);
                });
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    public int httpPort() {
        return parts.api().port();
    }

    public int mqttPort() {
        return parts.link().port();
    }

    public Path operatorTokenFile() {
        return config.dataDir().resolve(OPERATOR_TOKEN_FILE);
    }

    public AccessControl access() {
        return parts.access();
    }

    public RobotRegistry registry() {
        return parts.registry();
    }

    public ElevatorService elevators() {
        return parts.elevators();
    }

    public ZoneService zones() {
        return parts.zones();
    }

    public EventHub events() {
        return parts.events();
    }

    /** The task book; virtual-time tests that embed the server read outcomes here instead of over HTTP. */
    public TaskService tasks() {
        return parts.tasks();
    }

    /** The track record; virtual-time tests wait on its commits before they look at what was recorded. */
    public TrackRecordStore trackRecord() {
        return parts.trackRecord();
    }

    public RejectionLog rejections() {
        return parts.rejections();
    }

    public Context context() {
        return context;
    }

    /** Where the server's periodic work runs; tests that embed the server in virtual time move it. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** The robots' link: MQTT in production, in-process in virtual-time tests. */
    public RobotTransport link() {
        return parts.link();
    }

    /** The server's own database; tests wait on {@link MapDbStore#flush()} before they look at what was stored. */
    public MapDbStore store() {
        return parts.store();
    }
}
