package dev.provingground.agent;

import dev.provingground.agent.config.AgentConfig;
import dev.provingground.agent.frames.FrameTransform;
import dev.provingground.agent.frames.MapFrames;
import dev.provingground.agent.link.BackfillQueue;
import dev.provingground.agent.link.VdaLink;
import dev.provingground.agent.order.Command;
import dev.provingground.agent.order.NavigationOutcome;
import dev.provingground.agent.order.OrderExecution;
import dev.provingground.agent.ros.ActionRunner;
import dev.provingground.agent.ros.MoveBaseNavigator;
import dev.provingground.agent.ros.Nav2Navigator;
import dev.provingground.agent.ros.Navigator;
import dev.provingground.agent.ros.RosMessages;
import dev.provingground.agent.ros.RosPose;
import dev.provingground.agent.rosbridge.RosbridgeClient;
import dev.provingground.agent.rosbridge.RosbridgeProblem;
import dev.provingground.agent.state.DiagnosticErrors;
import dev.provingground.agent.state.ProblemErrors;
import dev.provingground.agent.state.RobotReadings;
import dev.provingground.agent.state.StateAssembler;
import dev.provingground.profiles.HardwareProfile;
import dev.provingground.vda5050.AgvPosition;
import dev.provingground.vda5050.EStop;
import dev.provingground.vda5050.Factsheet;
import dev.provingground.vda5050.HeaderCounter;
import dev.provingground.vda5050.InstantActions;
import dev.provingground.vda5050.NodePosition;
import dev.provingground.vda5050.OperatingMode;
import dev.provingground.vda5050.Order;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.StateBackfill;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.Vda5050Codec;
import dev.provingground.vda5050.Vda5050EncodeException;
import dev.provingground.vda5050.VdaError;
import dev.provingground.vda5050.Velocity;
import dev.provingground.vda5050.Visualization;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One ROS robot as a VDA 5050 vehicle: rosbridge on one side, MQTT on the other, the pure parts
 * ({@link OrderExecution}, {@link StateAssembler}, {@link FrameTransform}) in between. Deployed as a verticle, so
 * everything runs on one context and needs no locks. State goes out on every change and at least every
 * {@code stateIntervalSeconds}; while MQTT is down each state goes to the on-disk backlog instead, and after the link
 * is back the current state goes first, then the backlog on {@code stateBackfill}.
 *
 * <p>Nothing that arrives over either link stops the agent: bad input is logged with the robot's id and reported as a
 * VDA 5050 error.
 */
public final class RobotAgent extends VerticleBase {

    private static final Logger LOG = Logger.getLogger(RobotAgent.class.getName());
    /** Backlog samples published per round trip; below the MQTT client's in-flight window. */
    private static final int BACKFILL_BATCH = 32;
    /** How long the first MQTT connect waits for the robot's first battery message. */
    private static final long FIRST_CONNECT_WAIT_MILLIS = 2000;

    private final AgentConfig config;
    private final Clock clock;
    private final Vda5050Codec codec;
    private final HeaderCounter headers;
    private final Factsheet factsheet;
    private final MapFrames frames;
    private final OrderExecution execution;
    private final StateAssembler assembler;
    private final DiagnosticErrors diagnostics;
    private final ProblemErrors problems;
    private final String robotId;

    private RobotReadings readings = RobotReadings.initial();
    private MapFrames.RosMap currentMap;
    private BackfillQueue backlog;
    private RosbridgeClient ros;
    private Navigator navigator;
    private ActionRunner actions;
    private VdaLink link;
    private Object lastSignature;
    private boolean draining;
    private boolean linkStarted;
    private final List<Long> timers = new ArrayList<>();
    /** States published (QoS 0) since the broker last answered a ping. */
    private final List<byte[]> unconfirmed = new ArrayList<>();
    private volatile State lastState;
    private final AtomicLong statesPublished = new AtomicLong();
    private final AtomicLong statesQueued = new AtomicLong();
    private final AtomicLong backfillPublished = new AtomicLong();
    private volatile long backlogSize;
    private volatile boolean mqttUp;

    public RobotAgent(AgentConfig config, HardwareProfile profile, Vda5050Codec codec, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.codec = codec;
        this.robotId = config.robotId();
        this.headers = new HeaderCounter(config.manufacturer(), config.serialNumber(), clock);
        this.factsheet = profile.factsheetFor(config.serialNumber());
        this.frames = config.mapFrames();
        this.currentMap = frames.first();
        this.execution = new OrderExecution(new OrderExecution.Settings(config.actions().keySet(),
                config.ros().throughPoses(), 0.5));
        this.assembler = new StateAssembler(config.manufacturer(), config.serialNumber());
        this.diagnostics = new DiagnosticErrors(config.ros().reportDiagnosticWarnings());
        this.problems = new ProblemErrors(clock, Duration.ofMillis((long) (config.problemErrorSeconds() * 1000)));
        for (MapFrames.RosMap m : frames.all()) {
            FrameTransform t = m.transform();
            boolean fitted = config.maps().stream().anyMatch(x -> x.rosMap().equals(m.rosMap()) && x.transform() == null
                    && !x.pointPairs().isEmpty());
            LOG.info(String.format(java.util.Locale.ROOT, "%s: ROS map %s (frame %s) shows level %s: x %.3f m, y %.3f m, "
                    + "yaw %.2f°, scale %.4f%s", robotId, m.rosMap(), m.frameId(), m.levelMapId(), t.x(), t.y(),
                    Math.toDegrees(t.yaw()), t.scale(), fitted ? String.format(java.util.Locale.ROOT,
                    ", fitted from point pairs with residual rms %.3f m, max %.3f m", m.fit().rmsResidual(),
                    m.fit().maxResidual()) : ""));
        }
    }

    @Override
    public Future<?> start() {
        backlog = new BackfillQueue(Path.of(config.backfill().directory()), config.backfill().maxSamples(), robotId);
        backlogSize = backlog.size();
        AgentConfig.Rosbridge rb = config.rosbridge();
        ros = new RosbridgeClient(vertx, new RosbridgeClient.Options(URI.create(rb.uri()), Duration.ofMillis(250),
                seconds(rb.maxReconnectSeconds()), seconds(rb.callTimeoutSeconds()), 16 * 1024 * 1024), robotId);
        ros.problemHandler(this::onProblem);
        ros.linkHandler(this::onRosLink);
        subscribeRobotTopics();
        navigator = config.ros().flavour() == AgentConfig.Flavour.NAV2
                ? new Nav2Navigator(ros, config.ros().navigateToPoseAction(), config.ros().navigateThroughPosesAction())
                : new MoveBaseNavigator(ros, config.ros().moveBaseNamespace(), config.serialNumber());
        actions = new ActionRunner(ros, config.actions());
        AgentConfig.Mqtt m = config.mqtt();
        link = new VdaLink(vertx, new VdaLink.Options(m.host(), m.port(), m.username(), m.password(), m.keepAliveSeconds(),
                seconds(m.reconnectSeconds()), seconds(m.maxReconnectSeconds()), m.tls().enabled(), m.tls().caFile()),
                codec, headers, new VdaLink.Listener() {
            @Override
            public void connected() {
                onMqttUp();
            }

            @Override
            public void disconnected() {
                mqttUp = false;
                // States sent since the broker last answered a ping may have died with the link: keep them too. Those
                // that did arrive come again as backfill, with their original timestamps.
                unconfirmed.forEach(backlog::append);
                unconfirmed.clear();
                backlogSize = backlog.size();
            }

            @Override
            public void confirmed() {
                unconfirmed.clear();
            }

            @Override
            public void order(Order order) {
                apply(execution.order(order, readings.position(), refusal()));
            }

            @Override
            public void instantActions(InstantActions message) {
                apply(execution.instantActions(message));
            }

            @Override
            public void badMessage(String topic, String why) {
                onProblem(new RosbridgeProblem(RosbridgeProblem.Kind.MALFORMED_MESSAGE, "VDA 5050 " + topic + ": " + why, null));
            }
        });
        timers.add(vertx.setPeriodic(Math.max(10, (long) (config.stateIntervalSeconds() * 1000)), t -> {
            problems.expire();
            emitState(currentState());
        }));
        timers.add(vertx.setPeriodic(Math.max(10, (long) (config.visualizationIntervalSeconds() * 1000)),
                t -> publishVisualization()));
        ros.start();
        // A state must carry a charge, and one sent before the robot said its charge says empty, which may send the
        // robot to charge: the agent goes online once it knows the charge, or after a short wait without.
        timers.add(vertx.setTimer(FIRST_CONNECT_WAIT_MILLIS, t -> startLink()));
        LOG.info(robotId + ": agent started: rosbridge " + rb.uri() + ", MQTT "
                + (m.tls().enabled() ? "mqtts://" : "mqtt://") + m.host() + ":" + m.port() + ", " + config.ros().flavour()
                + (backlog.size() > 0 ? ", " + backlog.size() + " states in the backlog" : ""));
        return Future.succeededFuture();
    }

    private void startLink() {
        if (linkStarted) return;
        linkStarted = true;
        link.start();
    }

    @Override
    public Future<?> stop() {
        timers.forEach(vertx::cancelTimer);
        Future<Void> mqtt = link == null ? Future.succeededFuture() : link.stop();
        return mqtt.transform(ar -> ros == null ? Future.succeededFuture() : ros.stop())
                .eventually(() -> {
                    if (backlog != null) backlog.close();
                    return Future.succeededFuture();
                });
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.max(1, (long) (s * 1000)));
    }

    // ---- ROS in ------------------------------------------------------------------------------------------------

    private void subscribeRobotTopics() {
        AgentConfig.Ros r = config.ros();
        subscribe(r.poseTopic(), r.poseType(), r.poseThrottleMillis(), msg -> onPose(RosMessages.pose(msg)));
        subscribe(r.odomTopic(), r.odomType(), r.odomThrottleMillis(), msg -> {
            double[] v = RosMessages.odomVelocity(msg);
            boolean was = readings.driving();
            readings = readings.withVelocity(Velocity.of(v[0], v[1], v[2]));
            if (was != readings.driving()) stateChanged();
        });
        subscribe(r.batteryTopic(), r.batteryType(), 0, msg -> {
            double[] b = RosMessages.battery(msg);
            boolean was = readings.charging();
            boolean unknown = !Double.isFinite(readings.batteryPercent());
            readings = readings.withBattery(Double.isFinite(b[0]) ? b[0] : readings.batteryPercent(), b[1], b[2] > 0);
            if (unknown && Double.isFinite(readings.batteryPercent())) startLink();
            if (was != readings.charging()) stateChanged();
        });
        subscribe(r.diagnosticsTopic(), r.diagnosticsType(), 0, msg -> {
            if (diagnostics.update(RosMessages.diagnostics(msg))) {
                LOG.info(robotId + ": diagnostics now report " + diagnostics.errors().size() + " error(s)");
                stateChanged();
            }
        });
        subscribe(r.estopTopic(), r.estopType(), 0, msg -> {
            EStop now = RosMessages.bool(msg) ? r.estopKind() : EStop.NONE;
            if (now != readings.eStop()) {
                LOG.info(robotId + ": e-stop " + (now == EStop.NONE ? "released" : "pressed"));
                readings = readings.withEStop(now);
                stateChanged();
            }
        });
        subscribe(r.operatingModeTopic(), r.operatingModeType(), 0, msg -> {
            String name = RosMessages.string(msg).trim().toUpperCase();
            OperatingMode mode;
            try {
                mode = OperatingMode.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("operating mode \"" + name + "\" is not a VDA 5050 operatingMode");
            }
            if (mode != readings.operatingMode()) {
                readings = readings.withOperatingMode(mode);
                stateChanged();
            }
        });
    }

    private void subscribe(String topic, String type, int throttle, Consumer<JsonObject> handler) {
        if (topic == null || topic.isBlank()) return;
        ros.subscribe(topic, type, throttle, handler);
    }

    private void onPose(RosPose pose) {
        MapFrames.RosMap map = mapOf(pose.frameId());
        FrameTransform t = map.transform();
        double[] p = t.toLevel(pose.x(), pose.y());
        String before = readings.position() == null ? null : readings.position().mapId();
        readings = readings.withPosition(new AgvPosition(p[0], p[1], t.toLevelHeading(pose.yaw()), map.levelMapId(), null,
                true, null, pose.deviation() == null ? null : pose.deviation() * t.scale()));
        if (!map.levelMapId().equals(before)) stateChanged();
    }

    /** The ROS map a pose is on: the one whose frame it names, if only one has that frame; else the current one. */
    private MapFrames.RosMap mapOf(String frameId) {
        MapFrames.RosMap match = null;
        int matches = 0;
        for (MapFrames.RosMap m : frames.all()) {
            if (m.frameId().equals(frameId)) {
                match = m;
                matches++;
            }
        }
        if (matches == 1 && match != currentMap) currentMap = match;
        return currentMap;
    }

    private void onRosLink(boolean up) {
        readings = readings.withRosbridgeUp(up);
        if (up) apply(execution.linkRestored());
        else execution.linkLost();
        stateChanged();
    }

    private void onProblem(RosbridgeProblem problem) {
        if (problems.note(problem)) stateChanged();
    }

    private String refusal() {
        OperatingMode mode = readings.operatingMode();
        return mode.fleetInControl() ? null : "operatingMode " + mode + ": a person has the robot";
    }

    // ---- decisions out -----------------------------------------------------------------------------------------

    private void apply(List<Command> commands) {
        for (Command c : commands) {
            try {
                run(c);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, robotId + ": could not carry out " + c, e);
            }
        }
        stateChanged();
    }

    private void run(Command c) {
        if (c instanceof Command.SendGoal g) sendGoal(g);
        else if (c instanceof Command.CancelGoal g) navigator.cancel(g.goal());
        else if (c instanceof Command.StartAction a) {
            actions.run(a.action()).onComplete(ar -> apply(execution.actionEnded(a.action().actionId(), ar.succeeded(),
                    ar.succeeded() ? null : ar.cause().getMessage())));
        } else if (c instanceof Command.PublishState) {
            lastSignature = null; // forces the send
        } else if (c instanceof Command.PublishFactsheet) {
            if (link.isConnected()) link.publish(factsheet);
        }
    }

    private void sendGoal(Command.SendGoal g) {
        List<RosPose> poses = new ArrayList<>();
        double[] from = readings.position() == null ? null
                : new double[]{readings.position().x(), readings.position().y()};
        MapFrames.RosMap target = null;
        for (NodePosition n : g.poses()) {
            MapFrames.RosMap map = frames.byLevel(n.mapId()).orElse(null);
            if (map == null) {
                String why = "no ROS map is configured for level " + n.mapId();
                LOG.warning(robotId + ": " + why);
                vertx.runOnContext(v -> apply(execution.navigationEnded(g.goal(), NavigationOutcome.FAILED, why)));
                return;
            }
            // A node without theta is reached facing the way the robot came (Nav2 wants a full pose).
            double heading = n.theta() != null ? n.theta()
                    : from == null ? 0 : Math.atan2(n.y() - from[1], n.x() - from[0]);
            double[] p = map.transform().toRos(n.x(), n.y());
            poses.add(new RosPose(map.frameId(), p[0], p[1], map.transform().toRosHeading(heading), null));
            from = new double[]{n.x(), n.y()};
            target = map;
        }
        currentMap = Objects.requireNonNull(target);
        navigator.send(g.goal(), poses, new Navigator.Listener() {
            @Override
            public void progress(long goal, int posesRemaining) {
                apply(execution.navigationProgress(goal, posesRemaining));
            }

            @Override
            public void ended(long goal, String outcome, String detail) {
                if (!"SUCCEEDED".equals(outcome) && !"CANCELED".equals(outcome))
                    LOG.warning(robotId + ": navigation goal " + goal + " " + outcome + (detail == null ? "" : ": " + detail));
                apply(execution.navigationEnded(goal, NavigationOutcome.valueOf(outcome), detail));
            }
        });
    }

    // ---- VDA 5050 out ------------------------------------------------------------------------------------------

    private State currentState() {
        List<VdaError> robotErrors = new ArrayList<>(diagnostics.errors());
        robotErrors.addAll(problems.errors());
        return assembler.assemble(execution.progress(), readings, robotErrors);
    }

    /** Sends the state if it differs in anything but position, velocity and charge from the last one sent. */
    private void stateChanged() {
        State s = currentState();
        if (!StateAssembler.signature(s).equals(lastSignature)) emitState(s);
    }

    private void emitState(State s) {
        lastSignature = StateAssembler.signature(s);
        State stamped = headers.stamp(s);
        lastState = stamped;
        byte[] json;
        try {
            json = codec.encode(stamped);
        } catch (Vda5050EncodeException e) {
            LOG.log(Level.SEVERE, robotId + ": state does not validate, not sent: " + e.getMessage(), e);
            return;
        }
        if (link.isConnected()) {
            unconfirmed.add(json);
            link.publishEncoded(link.topic(Topic.STATE), json, MqttQoS.AT_MOST_ONCE)
                    // The link dropped under this very state: keep it like the ones after it.
                    .onFailure(e -> {
                        if (unconfirmed.remove(json)) keep(json);
                    });
            statesPublished.incrementAndGet();
        } else {
            keep(json);
        }
    }

    private void keep(byte[] json) {
        backlog.append(json);
        backlogSize = backlog.size();
        statesQueued.incrementAndGet();
    }

    private void publishVisualization() {
        AgvPosition p = readings.position();
        if (p == null || !link.isConnected()) return;
        link.publish(Visualization.create(p, readings.velocity()));
    }

    private void onMqttUp() {
        mqttUp = true;
        // The fleet first learns where the robot is now; the backlog of the outage follows.
        emitState(currentState());
        drainBacklog();
    }

    private void drainBacklog() {
        if (draining || !link.isConnected()) return;
        List<byte[]> batch = backlog.peek(BACKFILL_BATCH);
        if (batch.isEmpty()) return;
        draining = true;
        String topic = StateBackfill.topic(config.manufacturer(), config.serialNumber());
        List<Future<Void>> acks = new ArrayList<>();
        for (byte[] json : batch) acks.add(link.publishEncoded(topic, json, MqttQoS.AT_LEAST_ONCE));
        Future.all(acks).onComplete(ar -> {
            draining = false;
            if (ar.succeeded()) {
                backlog.remove(batch.size());
                backlogSize = backlog.size();
                backfillPublished.addAndGet(batch.size());
                if (backlog.size() == 0) LOG.info(robotId + ": state backlog sent (" + backfillPublished.get() + " in all)");
                drainBacklog();
            } else {
                LOG.warning(robotId + ": backfill interrupted (" + ar.cause().getMessage() + "); resumes on reconnect");
            }
        });
    }

    // ---- for tests, the benchmark and the CLI ------------------------------------------------------------------

    /** The last state built (stamped), or null before the first. */
    public State lastState() {
        return lastState;
    }

    public long statesPublished() {
        return statesPublished.get();
    }

    public long statesQueued() {
        return statesQueued.get();
    }

    public long backfillPublished() {
        return backfillPublished.get();
    }

    public long backlogSize() {
        return backlogSize;
    }

    public boolean isMqttUp() {
        return mqttUp;
    }
}
