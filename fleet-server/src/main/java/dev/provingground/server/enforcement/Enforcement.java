package dev.provingground.server.enforcement;

import dev.provingground.server.metrics.Latency;
import dev.provingground.geofence.Position;
import dev.provingground.geofence.evaluation.Evaluation;
import dev.provingground.geofence.evaluation.GeofenceEngine;
import dev.provingground.geofence.evaluation.GeofenceEvent;
import dev.provingground.geofence.evaluation.RobotUpdate;
import dev.provingground.geofence.evaluation.Violation;
import dev.provingground.geofence.evaluation.ViolationStarted;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.events.EventHub;
import dev.provingground.server.orders.OrderSender;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotListener;
import dev.provingground.server.zones.ZoneService;
import dev.provingground.vda5050.Action;
import dev.provingground.vda5050.AgvPosition;
import dev.provingground.vda5050.BlockingType;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.InstantActions;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.Velocity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import dev.provingground.geofence.evaluation.ViolationRule;
import java.util.logging.Logger;
import dev.provingground.server.errors.NotFoundException;
import dev.provingground.server.registry.RobotPosition;

/**
 * Holds every robot to its site's zones: each reported position (state and visualization) is evaluated, every
 * geofence event becomes a track-record event, and a violation whose zone says {@code PAUSE} or {@code CANCEL}
 * sends the robot {@code startPause} or {@code cancelOrder} at once.
 */
public final class Enforcement implements RobotListener {

    private static final Logger LOG = Logger.getLogger(Enforcement.class.getName());

    private final ZoneService zones;
    private final ProfileCatalog profiles;
    private final OrderSender orders;
    private final EventHub events;
    private final Map<String, Boolean> lampOn = new ConcurrentHashMap<>();
    private final Function<String, Double> computedSpeed;
    private final SpeedEpisodes speeds = new SpeedEpisodes();
    private final Executor ordersRunOn;
    private Latency latency = Latency.NONE;

    /**
     * @param computedSpeed a robot's speed as the server computed it from its positions, null while unknown
     * @param ordersRunOn   where orders are sent from: the server's context, whose order sender also sends the
     *                      dispatcher's orders, while robots are judged on their lanes
     */
    public Enforcement(ZoneService zones, ProfileCatalog profiles, OrderSender orders, EventHub events,
                       Function<String, Double> computedSpeed, Executor ordersRunOn) {
        this.computedSpeed = computedSpeed;
        this.ordersRunOn = ordersRunOn;
        this.zones = zones;
        this.profiles = profiles;
        this.orders = orders;
        this.events = events;
    }

    /** From now on the time to evaluate and enforce each position goes to {@code latency}. */
    public void measuredBy(Latency latency) {
        this.latency = latency;
    }

    @Override
    public void stateReceived(Robot robot, State state, RobotPosition previous, Instant at) {
        boolean lamp = UvcLampState.isOn(state);
        lampOn.put(robot.id(), lamp);
        evaluate(robot, state.agvPosition(), state.velocity(), lamp, previous, at);
    }

    @Override
    public void positionReported(Robot robot, AgvPosition position, Velocity velocity,
                                 RobotPosition previous, Instant at) {
        evaluate(robot, position, velocity, lampOn.getOrDefault(robot.id(), false), previous, at);
    }

    @Override
    public void connectionChanged(Robot robot, ConnectionState from, ConnectionState to, Instant at) {
        if (to == ConnectionState.ONLINE) return;
        // A robot that is gone occupies nothing and breaks no rule any more: close what was open.
        GeofenceEngine engine = engine(robot);
        if (engine != null) publish(robot, engine.robotGone(robot.id(), at));
    }

    private void evaluate(Robot robot, AgvPosition p, Velocity v, boolean lamp,
                          RobotPosition previous, Instant at) {
        if (p == null || !p.positionInitialized()) return;
        GeofenceEngine engine = engine(robot);
        if (engine == null) return;
        long started = System.nanoTime();
        try {
            evaluate(engine, robot, p, v, lamp, previous, at);
        } finally {
            latency.record(System.nanoTime() - started);
        }
    }

    private void evaluate(GeofenceEngine engine, Robot robot, AgvPosition p, Velocity v, boolean lamp,
                          RobotPosition previous, Instant at) {
        // Judged on the robot's word and on the server's own measure: either one above the limit is an overspeed.
        Double reported = v == null || v.vx() == null || v.vy() == null ? null : Math.sqrt(v.vx() * v.vx() + v.vy() * v.vy());
        SpeedEpisodes.Reading reading = new SpeedEpisodes.Reading(reported, computedSpeed.apply(robot.id()));
        // A previous position that is not a real one (stored before the decoder refused such numbers) means no path;
        // without this guard one bad sample made every later update throw, and the robot was never judged again.
        Position before = previous != null && p.mapId().equals(previous.mapId())
                && Double.isFinite(previous.x()) && Double.isFinite(previous.y())
                ? new Position(previous.x(), previous.y()) : null;
        Double cap = profiles.find(robot.profile()).map(pr -> pr.speedCapMps()).orElse(null);
        Evaluation evaluation = engine.evaluate(new RobotUpdate(robot.id(), robot.kind(), robot.firm(), p.mapId(),
                p.x(), p.y(), reading.judged(), cap, lamp, at, before));
        publish(robot, evaluation.events());
        speeds.seen(robot.id(), reading);
    }

    private void publish(Robot robot, List<GeofenceEvent> geofenceEvents) {
        for (GeofenceEvent e : geofenceEvents) {
            if (e instanceof ViolationStarted started && started.violation().rule() == ViolationRule.SPEED_LIMIT_EXCEEDED)
                speeds.started(robot.id());
            events.publish(GeofenceEventMapper.toTrackEvent(robot, e, speeds));
            if (e instanceof ViolationStarted started) enforce(robot, started.violation());
        }
    }

    private void enforce(Robot robot, Violation v) {
        String actionType = switch (v.action()) {
            case PAUSE -> "startPause";
            case CANCEL -> "cancelOrder";
            default -> null;
        };
        if (actionType == null) return;
        Action action = Action.instant(actionType, "enforce-" + v.zoneId() + "-" + UUID.randomUUID(), BlockingType.HARD,
                List.of());
        ordersRunOn.execute(() -> orders.send(robot, InstantActions.create(List.of(action))).onFailure(e -> LOG.warning(
                robot.id() + ": " + actionType + " for " + GeofenceEventMapper.ruleName(v.rule()) + " in zone "
                + v.zoneId() + " could not be sent: " + e.getMessage())));
    }

    private GeofenceEngine engine(Robot robot) {
        try {
            return zones.engine(robot.site());
        } catch (NotFoundException e) {
            return null;
        }
    }
}
