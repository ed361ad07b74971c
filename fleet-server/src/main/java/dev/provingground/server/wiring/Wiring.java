package dev.provingground.server.wiring;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.api.ApiServer;
import dev.provingground.server.api.OrderRequests;
import dev.provingground.server.auth.AccessControl;
import dev.provingground.server.auth.Role;
import dev.provingground.server.auth.TokenCheck;
import dev.provingground.server.config.ServerConfig;
import dev.provingground.server.elevator.ElevatorService;
import dev.provingground.server.elevator.LiftCredentials;
import dev.provingground.server.enforcement.Enforcement;
import dev.provingground.server.events.EventHub;
import dev.provingground.server.events.LinkEvents;
import dev.provingground.server.events.RobotConfigEvents;
import dev.provingground.server.evidence.AreaClassifier;
import dev.provingground.server.evidence.InterventionDetector;
import dev.provingground.server.evidence.RobotErrorEvents;
import dev.provingground.server.evidence.SafetyEvents;
import dev.provingground.server.evidence.StateSampler;
import dev.provingground.server.evidence.ClockSkewWatch;
import dev.provingground.server.evidence.MeasuredMotion;
import dev.provingground.server.evidence.MotionJudge;
import dev.provingground.server.config.EvidenceConfig;
import dev.provingground.server.evidence.BackfillSampler;
import dev.provingground.server.mqtt.BackfillInbound;
import dev.provingground.server.mqtt.EmbeddedMqttEndpoint;
import dev.provingground.server.mqtt.ExternalBrokerLink;
import dev.provingground.server.mqtt.Rejection;
import dev.provingground.vda5050.StateBackfill;
import io.netty.handler.codec.mqtt.MqttQoS;
import dev.provingground.server.evidence.TrackRecordSink;
import dev.provingground.server.live.LiveFeed;
import dev.provingground.server.mqtt.InboundPipeline;
import dev.provingground.server.mqtt.LiftStateInbound;
import dev.provingground.server.mqtt.RejectionLog;
import dev.provingground.server.mqtt.RecentRefusals;
import dev.provingground.server.metrics.ServerMetrics;
import dev.provingground.server.lanes.RobotLanes;
import dev.provingground.server.mqtt.RobotTransport;
import dev.provingground.server.orders.OrderSender;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.server.sites.SiteCatalog;
import dev.provingground.server.sites.SiteHistory;
import dev.provingground.server.sites.changes.FloorPlanChanges;
import dev.provingground.server.sites.changes.SiteService;
import dev.provingground.server.sites.floorplans.FloorPlanImageStore;
import dev.provingground.server.store.FileFloorPlanImageStore;
import dev.provingground.server.store.MapDbAccessStore;
import dev.provingground.server.store.MapDbElevatorRulesStore;
import dev.provingground.server.store.MapDbLiftCredentialStore;
import dev.provingground.server.store.MapDbRobotStore;
import dev.provingground.server.store.MapDbSiteStore;
import dev.provingground.server.store.MapDbStore;
import dev.provingground.server.store.HealthVerdict;
import dev.provingground.server.store.StorageStatus;
import dev.provingground.server.store.MapDbTaskStore;
import dev.provingground.server.store.MapDbZoneStore;
import dev.provingground.server.tasks.Dispatcher;
import dev.provingground.server.tasks.TaskPlanner;
import dev.provingground.server.tasks.TaskService;
import dev.provingground.server.time.Scheduler;
import dev.provingground.server.zones.ZoneService;
import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;
import dev.provingground.trackrecord.TrackRecordConfig;
import dev.provingground.trackrecord.TrackRecordStore;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.Vda5050Codec;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import dev.provingground.server.auth.LoginGuard;
import dev.provingground.server.orders.HeaderIdReservations;
import dev.provingground.server.store.MapDbHeaderIdStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Builds the server's parts from its configuration and environment, each from the parts it needs — store, access
 * control, registry, robot link (embedded MQTT endpoint or external broker), evidence, zones, elevators, tasks and
 * the HTTP API — and says which of them start and stop, in which order ({@link #lifecycle}).
 */
final class Wiring {

    private static final Logger LOG = Logger.getLogger(Wiring.class.getName());
    /** How often elevator managers decide: often enough that a car standing open is used within its dwell time. */
    static final Duration ELEVATOR_TICK = Duration.ofMillis(250);
    /**
     * Dispatch rounds run when something happens that may let a task start (a task submitted or requeued, a robot
     * freed, connected or back in automatic mode); this slow poll catches what no event announces: a task's earliest
     * start, a zone closed for disinfection, a battery running low.
     */
    static final Duration DISPATCH_POLL = Duration.ofSeconds(5);
    /** The track record signs checkpoints when the server's scheduler says, every {@code checkpointInterval}. */
    private static final TrackRecordConfig TRACK_RECORD = TrackRecordConfig.defaults();

    private final Vertx vertx;
    private final ServerConfig config;
    private final Environment environment;
    private final Clock clock;
    private final List<Site> extraSites;
    private final ServerMetrics metrics;

    Wiring(Vertx vertx, ServerConfig config, Environment environment, List<Site> extraSites, ServerMetrics metrics) {
        this.vertx = vertx;
        this.metrics = metrics;
        this.config = config;
        this.environment = environment;
        this.clock = environment.clock();
        this.extraSites = List.copyOf(extraSites);
    }

    /**
     * Builds every part for a server running on {@code context}. Blocks: it opens the database and the track record,
     * and closes them again if building fails.
     */
    ServerParts build(Context context, Scheduler scheduler) {
        ProfileCatalog profiles = config.profilesDir() == null ? ProfileCatalog.builtIn()
                : ProfileCatalog.builtIn().withProfilesFrom(config.profilesDir());
        // Named before anything is opened, rather than when the listeners start after the stores.
        config.tls().checkReadable();
        MapDbStore store = MapDbStore.open(config.dataDir().resolve("fleet.db"), config.store(), clock);
        TrackRecordStore trackRecord = null;
        try {
            SiteHistory siteHistory = SiteHistory.load(new MapDbSiteStore(store), loadSites(), clock);
            SiteCatalog sites = new SiteCatalog(siteHistory.sitesAtStartUp());
            AccessControl access = new AccessControl(new MapDbAccessStore(store), clock,
                    Duration.ofDays(config.auth().tokenLifetimeDays()));
            ensureOperatorToken(access);
            RobotRegistry registry = new RobotRegistry(new MapDbRobotStore(store), profiles, access,
                    () -> Set.copyOf(sites.ids()), clock);
            RejectionLog rejections = new RejectionLog(clock, 10_000, new RecentRefusals(1000), metrics);
            countRobotsByConnection(registry);
            LoginGuard logins = new LoginGuard(config.logins(), clock, metrics);
            Vda5050Codec codec = new Vda5050Codec();
            InboundPipeline pipeline = new InboundPipeline(codec, registry, rejections, config.mqtt().maxMessageSize());
            pipeline.measuredBy(metrics.messageHandling());
            metrics.counted("pg.robot.states.handled", "Robot states decoded, evaluated against the zones and sampled",
                    pipeline, InboundPipeline::statesHandled);
            RobotLanes lanes = new RobotLanes(vertx, context,
                    config.mqtt().lanesFor(Runtime.getRuntime().availableProcessors()));
            metrics.gauge("pg.robot.lanes", "Event loops robot traffic is spread over (1: the server's own)",
                    lanes::count);
            metrics.counted("pg.robot.lane.handovers", "Robot messages and link ends handed to the robot's lane",
                    lanes, RobotLanes::handedOver);
            RobotTransport link = environment.links().robots(new Links.RobotSide(vertx, config.mqtt(), registry,
                    pipeline, rejections, clock, scheduler, logins, lanes));
            if (link instanceof EmbeddedMqttEndpoint embedded) embedded.serveTls(config.tls());
            OrderSender orders = new OrderSender(codec, link, clock, registry::protocolVersion,
                    new HeaderIdReservations(new MapDbHeaderIdStore(store)));
            EventHub events = new EventHub(lanes.home());
            LiveFeed liveFeed = new LiveFeed();
            events.addSink(liveFeed);
            registry.addListener(new LinkEvents(events));
            registry.addListener(new RobotConfigEvents(events, profiles));
            // Before every listener that reads the speed it computes or the jump it judges.
            EvidenceConfig evidence = config.evidence();
            MeasuredMotion motion = new MeasuredMotion(new MotionJudge(
                    Duration.ofMillis(evidence.jumpTimingAllowanceMillis()), evidence.jumpMarginMetres()), profiles, events);
            registry.addListener(motion);
            ClockSkewWatch clocks = new ClockSkewWatch(events, Duration.ofMillis(evidence.clockSkewThresholdMillis()));
            registry.addListener(clocks);
            ZoneService zones = new ZoneService(sites, new MapDbZoneStore(store), events, GeofenceConfig.defaults(),
                    clock);
            Enforcement enforcement = new Enforcement(zones, profiles, orders, events, motion::computedSpeed,
                    lanes.home());
            enforcement.measuredBy(metrics.enforcement());
            registry.addListener(enforcement);
            FloorPlanImageStore floorPlanImages = new FileFloorPlanImageStore(config.dataDir().resolve("floor-plans"),
                    store);
            SiteService siteService = new SiteService(sites, siteHistory, zones, registry, events, floorPlanImages,
                    clock);
            trackRecord = TrackRecordStore.open(config.dataDir().resolve("track-record"), TRACK_RECORD, clock,
                    TrackRecordStore.CheckpointTiming.OWNER);
            trackRecord.observeCommits(metrics.trackRecordCommit()::record);
            for (var aside : trackRecord.logsSetAside())
                store.quarantined("track-record", aside.log().origin(), "track-record log cannot be opened: "
                        + aside.reason() + "; it starts again empty", aside.keptAt().toString(), new byte[0]);
            StorageStatus storage = new StorageStatus(store, trackRecord);
            countStorage(storage);
            events.addSink(new TrackRecordSink(trackRecord,
                    List.of(siteService::definitionInForce, zones::rulesInForce)));
            AreaClassifier areas = new AreaClassifier(sites, zones);
            StateSampler sampler = new StateSampler(events, areas::classify, motion, Duration.ofSeconds(1),
                    Duration.ofSeconds(30));
            registry.addListener(sampler);
            BackfillSampler backfill = new BackfillSampler(events, areas::classify, clocks::onServerTime,
                    new MotionJudge(Duration.ofMillis(evidence.jumpTimingAllowanceMillis()), evidence.jumpMarginMetres()),
                    motion::limitsOf, Duration.ofSeconds(1),
                    Duration.ofSeconds(30), Duration.ofSeconds(2));
            acceptBackfill(link, new BackfillInbound(codec, backfill::lateState, rejections,
                    config.mqtt().maxMessageSize()), registry, rejections);
            registry.addListener(new SafetyEvents(events, profiles));
            registry.addListener(new InterventionDetector(events));
            registry.addListener(new RobotErrorEvents(events, clock, scheduler, lanes::run));
            ElevatorService elevators = new ElevatorService(sites, new MapDbElevatorRulesStore(store), events, clock);
            LiftCredentials liftCredentials = new LiftCredentials(sites, new MapDbLiftCredentialStore(store), events,
                    clock);
            elevators.attachLifts(environment.links().lifts(link, new Links.LiftSide(
                    new LiftStateInbound(elevators, rejections, config.mqtt().maxMessageSize(), context),
                    liftCredentials, rejections, config.mqtt())));
            Dispatcher dispatcher = new Dispatcher(sites, zones, registry, profiles, elevators);
            dispatcher.measuredBy(metrics::dispatchDecision);
            // Listens to the registry's robots from here on, after the evidence above.
            TaskService tasks = new TaskService(new MapDbTaskStore(store), new TaskPlanner(sites, zones),
                    dispatcher, sites, zones, registry, orders, events,
                    elevators, clock, scheduler, environment.ids(), lanes.home());
            ApiServer api = new ApiServer(vertx, config.http(), new ApiServer.Parts(access, registry, sites, orders,
                    new OrderRequests(), rejections, config.mqtt().mode().name(), clock, liveFeed, zones,
                    trackRecord, config.dataDir().resolve("exports"), siteService, tasks,
                    elevators, liftCredentials, events, new FloorPlanChanges(siteService, floorPlanImages), logins,
                    storage), scheduler, new ApiServer.Security(config.tls(), config.auth(), metrics));
            return new ServerParts(store, trackRecord, access, registry, rejections, lanes, link, events, zones,
                    sampler, backfill, elevators, tasks, api);
        } catch (RuntimeException | Error e) {
            if (trackRecord != null) closeQuietly("track record", trackRecord::close);
            closeQuietly("database", store::close);
            throw e;
        }
    }

    /**
     * The parts that start and stop, in the order they start: the stores first (open once built), so they are
     * flushed and closed last, after the robot link and the HTTP API no longer take anything in; the periodic work
     * last, so it stops first.
     */
    ServerLifecycle lifecycle(ServerParts p, Scheduler scheduler) {
        return new ServerLifecycle()
                // Commits what the track record still holds and signs final checkpoints.
                .add("track record", OpenedPart.closedOnWorker(vertx, p.trackRecord()::close))
                .add("database", OpenedPart.closedOnWorker(vertx, () -> {
                    p.registry().flushAll().join();
                    p.store().close();
                }))
                .add("state samples", OpenedPart.closedBy(() -> {
                    p.sampler().flushAll();
                    p.backfill().flushAll();
                }))
                // Stopped after the robot link, so the messages it took in are handled before the samples are flushed.
                .add("robot lanes", p.lanes())
                .add("robot link", p.link())
                .add("HTTP API", p.api())
                .add("periodic work", new PeriodicWork(scheduler)
                        .every(Duration.ofMillis(config.store().stateFlushMillis()), () -> {
                            p.registry().flushDirty();
                            p.backfill().flushIdle(clock.instant());
                        })
                        .every(DISPATCH_POLL, p.tasks()::dispatchRound)
                        .every(TRACK_RECORD.checkpointInterval(), () -> p.trackRecord().signCheckpoints()
                                .exceptionally(e -> {
                                    LOG.warning("track-record checkpoints not signed: " + e.getMessage());
                                    return null;
                                }))
                        .every(ELEVATOR_TICK, () -> {
                            p.elevators().tick();
                            p.tasks().advanceRides();
                        }));
    }

    /**
     * Robots may send the states they kept while their link was down on {@code stateBackfill}
     * (docs/ROBOT-AGENT.md): the embedded endpoint takes them on the robot's session, a broker on a subscription.
     * The in-process link of virtual-time tests carries no backfill.
     */
    private void acceptBackfill(RobotTransport link, BackfillInbound backfill, RobotRegistry registry,
                                RejectionLog rejections) {
        if (link instanceof EmbeddedMqttEndpoint embedded) {
            embedded.acceptBackfill(backfill);
        } else if (link instanceof ExternalBrokerLink broker) {
            broker.route("uagv/v2/+/+/" + StateBackfill.TOPIC_LEVEL, MqttQoS.AT_LEAST_ONCE, msg -> {
                String[] owner = StateBackfill.robotOf(msg.topicName()).orElseThrow();
                registry.findByAddress(owner[0], owner[1]).ifPresentOrElse(
                        robot -> backfill.handle(robot, msg.topicName(), msg.payload().getBytes(), clock.instant()),
                        () -> rejections.reject(Rejection.UNKNOWN_ROBOT, owner[0] + "/" + owner[1],
                                "topic " + msg.topicName()));
            });
        }
    }

    /**
     * {@code pg_storage_*{store}}: whether each store can write, what it holds or dropped, and its outages, read when
     * scraped.
     */
    private void countStorage(StorageStatus storage) {
        for (String name : storage.stores().keySet()) {
            metrics.gauge("pg.storage.failing", "1 while the store cannot write (disk full, I/O errors)",
                    () -> storage.stores().get(name).failing() ? 1 : 0, "store", name);
            metrics.gauge("pg.storage.held.events", "Events held in memory until the store can write",
                    () -> storage.stores().get(name).heldEvents(), "store", name);
            metrics.counted("pg.storage.dropped.events", "Events refused because no more could be held", storage,
                    s -> s.stores().get(name).droppedEvents(), "store", name);
            metrics.counted("pg.storage.outages", "Spells of failing storage since start", storage,
                    s -> s.stores().get(name).outages(), "store", name);
        }
        metrics.gauge("pg.storage.quarantined.records", "Stored records set aside because they could not be read "
                + "(this start's and earlier starts')", () -> storage.quarantined().size());
        for (HealthVerdict.Status status : HealthVerdict.Status.values())
            metrics.gauge("pg.health", "1 for the health status the server answers now (UP, DEGRADED, DOWN)",
                    () -> storage.verdict().status() == status ? 1 : 0, "status", status.name());
    }

    /** {@code pg_robots{connection}}: registered robots by connection state, counted when scraped. */
    private void countRobotsByConnection(RobotRegistry registry) {
        for (ConnectionState state : ConnectionState.values())
            metrics.gauge("pg.robots", "Registered robots by connection state", () -> registry.unordered().stream()
                    .map(r -> registry.status(r.id()))
                    .filter(status -> status != null && status.connection() == state)
                    .count(), "connection", state.name());
    }

    private List<Site> loadSites() {
        List<Site> all = new ArrayList<>(extraSites);
        for (Path p : config.sites()) all.add(SiteFormat.read(p));
        return all;
    }

    /**
     * The first start creates an operator token in {@code <data>/operator.token} (mode 0600). Deleting that file, or
     * the token in it expiring or being revoked, and restarting issues a fresh one; earlier tokens stay as they are.
     */
    private void ensureOperatorToken(AccessControl access) {
        Path file = config.dataDir().resolve(FleetServer.OPERATOR_TOKEN_FILE);
        if (Files.exists(file)) {
            TokenCheck check = access.check(readToken(file));
            if (check instanceof TokenCheck.Accepted) return;
            LOG.warning("the operator token in " + file.toAbsolutePath() + " is no longer valid ("
                    + ((TokenCheck.Refused) check).why().meaning() + "); issuing a new one");
        }
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

    private static String readToken(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the operator token in " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(String what, Runnable close) {
        try {
            close.run();
        } catch (RuntimeException e) {
            LOG.warning("closing the " + what + " after a failed start: " + e);
        }
    }
}
