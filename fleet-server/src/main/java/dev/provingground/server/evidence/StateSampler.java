package dev.provingground.server.evidence;

import dev.provingground.server.events.EventHub;
import dev.provingground.server.registry.RobotPosition;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotListener;
import dev.provingground.trackrecord.event.StateSamples;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.State;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import dev.provingground.vda5050.AgvPosition;

/**
 * Batches each robot's states into {@code state.samples} events: at most one sample per {@code minSpacing}, a batch
 * per {@code batchLength} (and at most {@link StateSamples#MAX_SAMPLES}). Distances and operating hours in the KPIs
 * come from these samples. A robot that goes offline has its batch written at once. Samples are timed by the server's
 * receive time, never the robot's clock. The first state after a position jump is always sampled and marked, so the
 * KPIs count the jump as unexplained displacement; a state without a velocity is sampled at the speed the server
 * computed from positions (0 only when there is none yet).
 */
public final class StateSampler implements RobotListener {

    private final EventHub events;
    private final BiFunction<Robot, AgvPosition, StateSamples.AreaClass> areaOf;
    private final Duration minSpacing;
    private final Duration batchLength;
    private final Map<String, Batch> batches = new ConcurrentHashMap<>();
    private final MeasuredMotion motion;

    private static final class Batch {
        final Robot robot;
        final List<StateSamples.Sample> samples = new ArrayList<>();

        Batch(Robot robot) {
            this.robot = robot;
        }
    }

    public StateSampler(EventHub events, BiFunction<Robot, AgvPosition, StateSamples.AreaClass> areaOf,
                        MeasuredMotion motion, Duration minSpacing, Duration batchLength) {
        this.events = events;
        this.motion = motion;
        this.areaOf = areaOf;
        this.minSpacing = minSpacing;
        this.batchLength = batchLength;
    }

    @Override
    public void stateReceived(Robot robot, State state, RobotPosition previous, Instant at) {
        var p = state.agvPosition();
        if (p == null || !p.positionInitialized()) return;
        Batch batch = batches.computeIfAbsent(robot.id(), k -> new Batch(robot));
        boolean jumped = motion.takeJump(robot.id());
        if (!batch.samples.isEmpty() && !jumped) {
            Instant last = batch.samples.get(batch.samples.size() - 1).time();
            if (Duration.between(last, at).compareTo(minSpacing) < 0) return;
        }
        var v = state.velocity();
        Double computed = motion.computedSpeed(robot.id());
        double speed = v == null || v.vx() == null || v.vy() == null ? (computed == null ? 0 : computed)
                : Math.sqrt(v.vx() * v.vx() + v.vy() * v.vy());
        Double battery = state.batteryState() == null ? null
                : Math.max(0, Math.min(100, state.batteryState().batteryCharge()));
        batch.samples.add(new StateSamples.Sample(at, p.mapId(), p.x(), p.y(), speed, mode(state),
                areaOf.apply(robot, p), battery, jumped));
        if (batch.samples.size() >= StateSamples.MAX_SAMPLES
                || Duration.between(batch.samples.get(0).time(), at).compareTo(batchLength) >= 0) write(batch);
    }

    @Override
    public void connectionChanged(Robot robot, ConnectionState from, ConnectionState to, Instant at) {
        if (to != ConnectionState.ONLINE) flush(robot.id());
    }

    /** Writes every open batch (on shutdown). */
    public void flushAll() {
        List.copyOf(batches.keySet()).forEach(this::flush);
    }

    private void flush(String robotId) {
        Batch batch = batches.get(robotId);
        if (batch != null && !batch.samples.isEmpty()) write(batch);
    }

    private void write(Batch batch) {
        List<StateSamples.Sample> samples = List.copyOf(batch.samples);
        batch.samples.clear();
        Robot r = batch.robot;
        events.publish(new TrackEvent(samples.get(0).time(), r.site(), r.firm(), r.id(), new StateSamples(samples)));
    }

    private static StateSamples.OperatingMode mode(State state) {
        if (state.operatingMode() == null) return StateSamples.OperatingMode.AUTOMATIC;
        return StateSamples.OperatingMode.valueOf(state.operatingMode().name());
    }
}
