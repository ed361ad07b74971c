package dev.provingground.server.wiring;

import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.api.ApiServer;
import dev.provingground.server.api.OrderRequests;
import dev.provingground.server.auth.AccessControl;
import dev.provingground.server.auth.Role;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.config.ServerConfig;
import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.server.elevator.ElevatorService;
import dev.provingground.server.elevator.LiftCredentials;
import dev.provingground.server.elevator.LiftLink;
import dev.provingground.server.enforcement.Enforcement;
import dev.provingground.server.events.EventHub;
import dev.provingground.server.evidence.AreaClassifier;
import dev.provingground.server.evidence.BackfillSampler;
import dev.provingground.server.evidence.InterventionDetector;
import dev.provingground.server.evidence.SafetyEvents;
import dev.provingground.server.evidence.StateSampler;
import dev.provingground.server.evidence.TrackRecordSink;
import dev.provingground.trackrecord.TrackRecordConfig;
import dev.provingground.trackrecord.TrackRecordStore;
import dev.provingground.server.events.LinkEvents;
import dev.provingground.server.events.RecentEvents;
import dev.provingground.server.live.LiveFeed;
import dev.provingground.server.mqtt.BackfillInbound;
import dev.provingground.server.mqtt.EmbeddedMqttEndpoint;
import dev.provingground.server.mqtt.ExternalBrokerLink;
import dev.provingground.server.mqtt.ExternalLiftLink;
import dev.provingground.server.mqtt.InboundPipeline;
import dev.provingground.server.mqtt.LiftControllerEndpoint;
import dev.provingground.server.mqtt.LiftStateInbound;
import dev.provingground.server.mqtt.Rejection;
import dev.provingground.server.mqtt.RejectionLog;
import dev.provingground.server.mqtt.RobotTransport;
import dev.provingground.server.orders.OrderSender;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.server.sites.SiteCatalog;
import dev.provingground.server.sites.SiteHistory;
import dev.provingground.server.sites.changes.SiteService;
import dev.provingground.server.store.MapDbAccessStore;
import dev.provingground.server.store.MapDbElevatorRulesStore;
import dev.provingground.server.store.MapDbLiftCredentialStore;
import dev.provingground.server.store.MapDbRobotStore;
import dev.provingground.server.store.MapDbSiteStore;
import dev.provingground.server.store.MapDbStore;
import dev.provingground.server.store.MapDbTaskStore;
import dev.provingground.server.store.MapDbZoneStore;
import dev.provingground.server.tasks.Dispatcher;
import dev.provingground.server.tasks.TaskPlanner;
import dev.provingground.server.tasks.TaskService;
import dev.provingground.server.zones.ZoneService;
import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;
import dev.provingground.vda5050.StateBackfill;
import dev.provingground.vda5050.Vda5050Codec;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The fleet server, wired: store, access control, registry, robot link (embedded MQTT endpoint or external broker),
 * order sending and the HTTP API. Everything stateful runs on one Vert.x context, so robot messages and API calls
 * see the registry one at a time without locks; MapDB writes go to the store's writer thread.
 */
public final class FleetServer {

    private static final Logger LOG = Logger.getLogger(FleetServer.class.getName());
    public static final String OPERATOR_TOKEN_FILE = "operator.token";
    /** How often elevator managers decide: often enough that a car standing open is used within its dwell time. */
    static final long ELEVATOR_TICK_MILLIS = 250;

    private final Vertx vertx;
    private final ServerConfig config;
    private final Clock clock;
    private final List<Site> extraSites;
    private MapDbStore store;
    private AccessControl access;
    private RobotRegistry registry;
    private RobotTransport link;
    private OrderSender orders;
    private ApiServer api;
    private RejectionLog rejections;
    private SiteCatalog sites;
    private EventHub events;
    private ZoneService zones;
    private TrackRecordStore trackRecord;
    private StateSampler sampler;
    private BackfillSampler backfillSampler;
    private RecentEvents recentEvents;
    private LiveFeed liveFeed;
    private long flushTimer = -1;
    private long dispatchTimer = -1;
    private long elevatorTimer = -1;
    private ElevatorService elevators;
    private LiftCredentials liftCredentials;
    private TaskService tasks;
    private Context context;

    public FleetServer(Vertx vertx, ServerConfig config, Clock clock, List<Site> extraSites) {
        this.vertx = vertx;
        this.config = config;
        this.clock = clock;
        this.extraSites = List.copyOf(extraSites);
    }

    /** Opens the data directory, starts MQTT and HTTP; completes when both listen. */
    public Future<FleetServer> start() {
        context = vertx.getOrCreateContext();
        Promise<FleetServer> ready = Promise.promise();
        // Opening MapDB and loading the registry block, so they run on a worker; the servers are then started on
        // this one context, which all robot and API handlers share.
        context.runOnContext(v -> vertx.executeBlocking(() -> {
                    build();
                    return null;
                })
                .compose(x -> link.start())
                .compose(x -> api.start())
                .map(x -> {
                    flushTimer = vertx.setPeriodic(config.store().stateFlushMillis(), id -> {
                        registry.flushDirty();
                        backfillSampler.flushIdle(clock.instant());
                    });
                    dispatchTimer = vertx.setPeriodic(1000, id -> tasks.dispatchRound());
                    elevatorTimer = vertx.setPeriodic(ELEVATOR_TICK_MILLIS, id -> {
                        elevators.tick();
                        tasks.advanceRides();
                    });
                    LOG.info("fleet server ready: HTTP " + api.port() + ", MQTT "
                            + config.mqtt().mode().name().toLowerCase() + " " + link.port() + ", data "
                            + config.dataDir().toAbsolutePath());
                    return this;
                })
                .recover(e -> stop().transform(ignored -> Future.<FleetServer>failedFuture(e)))
                .onComplete(ready));
        return ready.future();
    }

    private void build() {
        ProfileCatalog profiles = config.profilesDir() == null ? ProfileCatalog.builtIn()
                : ProfileCatalog.builtIn().withProfilesFrom(config.profilesDir());
        store = MapDbStore.open(config.dataDir().resolve("fleet.db"), config.store());
        SiteHistory siteHistory = SiteHistory.load(new MapDbSiteStore(store), loadSites(), clock);
        sites = new SiteCatalog(siteHistory.sitesAtStartUp());
        access = new AccessControl(new MapDbAccessStore(store), clock);
        ensureOperatorToken();
        registry = new RobotRegistry(new MapDbRobotStore(store), profiles, access, () -> Set.copyOf(sites.ids()), clock);
        rejections = new RejectionLog(clock, 10_000);
        Vda5050Codec codec = new Vda5050Codec();
        InboundPipeline pipeline = new InboundPipeline(codec, registry, rejections, config.mqtt().maxMessageSize());
        link = config.mqtt().mode() == MqttConfig.Mode.EMBEDDED
                ? new EmbeddedMqttEndpoint(vertx, config.mqtt(), registry, pipeline, rejections, clock)
                : new ExternalBrokerLink(vertx, config.mqtt(), registry, pipeline, rejections, clock);
        orders = new OrderSender(codec, link, clock, registry::protocolVersion);
        events = new EventHub();
        recentEvents = new RecentEvents(10_000);
        liveFeed = new LiveFeed();
        events.addSink(recentEvents);
        events.addSink(liveFeed);
        registry.addListener(new LinkEvents(events));
        zones = new ZoneService(sites, new MapDbZoneStore(store), events, GeofenceConfig.defaults(), clock);
        registry.addListener(new Enforcement(zones, profiles, orders, events));
        SiteService siteService = new SiteService(sites, siteHistory, zones, registry, events, clock);
        trackRecord = TrackRecordStore.open(config.dataDir().resolve("track-record"), TrackRecordConfig.defaults(), clock);
        events.addSink(new TrackRecordSink(trackRecord, zones::rulesInForce));
        AreaClassifier areas = new AreaClassifier(sites, zones);
        sampler = new StateSampler(events, areas::classify, Duration.ofSeconds(1), Duration.ofSeconds(30));
        registry.addListener(sampler);
        backfillSampler = new BackfillSampler(events, areas::classify, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(2));
        acceptBackfill(new BackfillInbound(codec, backfillSampler::lateState, rejections, config.mqtt().maxMessageSize()));
        registry.addListener(new SafetyEvents(events, profiles));
        registry.addListener(new InterventionDetector(events));
        elevators = new ElevatorService(sites, new MapDbElevatorRulesStore(store), events, clock);
        liftCredentials = new LiftCredentials(sites, new MapDbLiftCredentialStore(store), events, clock);
        elevators.attachLifts(liftLink());
        tasks = new TaskService(new MapDbTaskStore(store), new TaskPlanner(sites, zones),
                new Dispatcher(sites, zones, registry, profiles, elevators), sites, zones, registry, orders, events, elevators, clock);
        registry.addListener(tasks);
        api = new ApiServer(vertx, config.http(), new ApiServer.Parts(access, registry, sites, orders,
                new OrderRequests(), rejections, config.mqtt().mode().name(), clock, recentEvents, liveFeed, zones,
                trackRecord, config.dataDir().resolve("exports"), siteService, tasks,
                elevators, liftCredentials, events));
    }

    /**
     * Elevator controllers use the robots' MQTT link: in embedded mode they log in to the endpoint with their own
     * credentials; in external mode the broker carries their topics on the server's one broker session.
     */
    private LiftLink liftLink() {
        LiftStateInbound states = new LiftStateInbound(elevators, rejections, config.mqtt().maxMessageSize(), context);
        if (link instanceof EmbeddedMqttEndpoint embedded) {
            LiftControllerEndpoint controllers = new LiftControllerEndpoint(liftCredentials, states, rejections,
                    config.mqtt().maxMessageSize());
            embedded.acceptLiftControllers(controllers);
            return controllers;
        }
        return new ExternalLiftLink((ExternalBrokerLink) link, states, rejections);
    }

    /** Robots may send the state they kept while their link was down on {@code stateBackfill} (docs/ROBOT-AGENT.md). */
    private void acceptBackfill(BackfillInbound backfill) {
        if (link instanceof EmbeddedMqttEndpoint embedded) embedded.acceptBackfill(backfill);
        else ((ExternalBrokerLink) link).route("uagv/v2/+/+/" + StateBackfill.TOPIC_LEVEL, MqttQoS.AT_LEAST_ONCE, msg -> {
            String[] owner = StateBackfill.robotOf(msg.topicName()).orElseThrow();
            registry.findByAddress(owner[0], owner[1]).ifPresentOrElse(
                    robot -> backfill.handle(robot, msg.topicName(), msg.payload().getBytes(), clock.instant()),
                    () -> rejections.reject(Rejection.UNKNOWN_ROBOT, owner[0] + "/" + owner[1], "topic " + msg.topicName()));
        });
    }

    private List<Site> loadSites() {
        List<Site> all = new ArrayList<>(extraSites);
        for (Path p : config.sites()) all.add(SiteFormat.read(p));
        return all;
    }

    /**
     * The first start creates an operator token in {@code <data>/operator.token} (mode 0600). Deleting that file and
     * restarting issues a fresh one; earlier tokens stay valid.
     */
    private void ensureOperatorToken() {
        Path file = config.dataDir().resolve(OPERATOR_TOKEN_FILE);
        if (Files.exists(file) && access.hasOperatorToken()) return;
        String token = access.issueToken(Role.OPERATOR, null).join();
        try {
            Files.createDirectories(config.dataDir());
            Path tmp = Files.createTempFile(config.dataDir(), ".operator", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the operator token to " + file + ": " + e.getMessage(), e);
        }
        LOG.info("operator token written to " + file.toAbsolutePath());
    }

    /** Graceful: stop taking robot messages and requests, write the registry, close the store. */
    public Future<Void> stop() {
        Promise<Void> stopped = Promise.promise();
        Context ctx = context != null ? context : vertx.getOrCreateContext();
        ctx.runOnContext(v -> {
            if (flushTimer >= 0) vertx.cancelTimer(flushTimer);
            if (dispatchTimer >= 0) vertx.cancelTimer(dispatchTimer);
            if (elevatorTimer >= 0) vertx.cancelTimer(elevatorTimer);
            Future<Void> httpStopped = api == null ? Future.succeededFuture() : api.stop();
            Future<Void> linkStopped;
            try {
                linkStopped = link == null ? Future.succeededFuture() : link.stop();
            } catch (RuntimeException e) {
                LOG.warning("stopping the robot link: " + e);
                linkStopped = Future.succeededFuture();
            }
            Future.join(httpStopped, linkStopped).transform(ignored -> {
                if (sampler != null) sampler.flushAll();
                if (backfillSampler != null) backfillSampler.flushAll();
                if (store == null) return Future.<Void>succeededFuture();
                return vertx.<Void>executeBlocking(() -> {
                    if (registry != null) registry.flushDirty().join();
                    store.close();
                    // Commits what the track record still holds and signs final checkpoints.
                    if (trackRecord != null) trackRecord.close();
                    return null;
                });
            }).onComplete(stopped);
        });
        return stopped.future();
    }

    /** The HTTP side; its router lists every route, which the OpenAPI document must match. */
    public ApiServer api() {
        return api;
    }

    /**
     * Runs {@code work} on the server's event loop, where zones, the registry and everything stateful are changed,
     * for callers that embed the server (the demo, benchmarks); the result completes when the work's future does.
     */
    public <T> CompletableFuture<T> onEventLoop(
            Supplier<CompletableFuture<T>> work) {
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
        return api.port();
    }

    public int mqttPort() {
        return link.port();
    }

    public Path operatorTokenFile() {
        return config.dataDir().resolve(OPERATOR_TOKEN_FILE);
    }

    public AccessControl access() {
        return access;
    }

    public RobotRegistry registry() {
        return registry;
    }

    public OrderSender orders() {
        return orders;
    }

    public SiteCatalog sites() {
        return sites;
    }

    public ElevatorService elevators() {
        return elevators;
    }

    /** Logins of elevator car controllers; the demo issues them here as an operator would over the API. */
    public LiftCredentials liftCredentials() {
        return liftCredentials;
    }

    public TaskService tasks() {
        return tasks;
    }

    public TrackRecordStore trackRecord() {
        return trackRecord;
    }

    public ZoneService zones() {
        return zones;
    }

    public EventHub events() {
        return events;
    }

    public RejectionLog rejections() {
        return rejections;
    }

    public Context context() {
        return context;
    }
}
