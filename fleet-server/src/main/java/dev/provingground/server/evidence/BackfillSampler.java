package dev.provingground.server.evidence;

import dev.provingground.server.events.EventHub;
import dev.provingground.server.registry.Robot;
import dev.provingground.trackrecord.event.StateSamples;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.vda5050.AgvPosition;
import dev.provingground.vda5050.State;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns a robot's backfill (states it kept while its link was down, sent afterwards on {@code stateBackfill}) into
 * late {@code state.samples} batches for the track record: each sample timed by the state's own timestamp, at most
 * one per {@code minSpacing} as live sampling does, a batch per {@code batchLength} of sample time, per 1,000 samples
 * or once the robot's backfill has been quiet for {@code idle}. A robot whose clock is off (a {@code clock.skew} in
 * progress) has its timestamps put back on server time. Late positions are judged like live ones, on their own
 * times: a change the robot's profile cannot make is a {@code position.jump} and its sample is marked, and a state
 * without a velocity is sampled at the speed computed from the positions. Never touches the robot's live state. Runs
 * on the server's one context.
 */
public final class BackfillSampler {

    private final EventHub events;
    private final BiFunction<Robot, AgvPosition, StateSamples.AreaClass> areaOf;
    private final Duration minSpacing;
    private final Duration batchLength;
    private final Duration idle;
    private final Map<String, Batch> batches = new HashMap<>();
    private final BiFunction<String, Instant, Instant> onServerTime;
    private final MotionJudge judge;
    private final Function<Robot, MotionLimits> limits;
    private long samplesRecorded;

    private static final class Batch {
        final Robot robot;
        final List<StateSamples.Sample> samples = new ArrayList<>();
        Instant lastArrival;
        boolean jumped;

        Batch(Robot robot) {
            this.robot = robot;
        }
    }

    /**
     * @param onServerTime a robot's timestamp on server time (robot id, its time), see {@link ClockSkewWatch}
     * @param judge        a judge of its own for late positions (they run on their own times, not the live ones')
     * @param limits       a robot's hardware limits, null when unknown
     */
    public BackfillSampler(EventHub events, BiFunction<Robot, AgvPosition, StateSamples.AreaClass> areaOf,
                           BiFunction<String, Instant, Instant> onServerTime, MotionJudge judge,
                           Function<Robot, MotionLimits> limits, Duration minSpacing, Duration batchLength,
                           Duration idle) {
        this.judge = judge;
        this.limits = limits;
        this.onServerTime = onServerTime;
        this.events = events;
        this.areaOf = areaOf;
        this.minSpacing = minSpacing;
        this.batchLength = batchLength;
        this.idle = idle;
    }

    /** One backfilled state, received at {@code arrival}. */
    public void lateState(Robot robot, State state, Instant arrival) {
        AgvPosition p = state.agvPosition();
        if (p == null || !p.positionInitialized() || state.timestamp() == null) return;
        Instant taken = onServerTime.apply(robot.id(), state.timestamp());
        Batch batch = batches.computeIfAbsent(robot.id(), k -> new Batch(robot));
        batch.lastArrival = arrival;
        MotionJudge.Judgement judgement = judge.observe(robot.id(), p.mapId(), p.x(), p.y(), taken, null,
                limits.apply(robot));
        if (judgement.jump() != null) {
            batch.jumped = true;
            events.publish(new TrackEvent(taken, robot.site(), robot.firm(), robot.id(), judgement.jump()));
        }
        if (!batch.samples.isEmpty()) {
            Instant last = batch.samples.get(batch.samples.size() - 1).time();
            // A backfill is sent oldest first; one that starts over (a resend after a second drop) is a new batch.
            if (taken.isBefore(last)) write(batch);
            else if (Duration.between(last, taken).compareTo(minSpacing) < 0 && !batch.jumped) return;
        }
        var v = state.velocity();
        Double computed = judgement.computedSpeed();
        double speed = v == null || v.vx() == null || v.vy() == null ? (computed == null ? 0 : computed)
                : Math.hypot(v.vx(), v.vy());
        Double battery = state.batteryState() == null ? null
                : Math.max(0, Math.min(100, state.batteryState().batteryCharge()));
        StateSamples.OperatingMode mode = state.operatingMode() == null ? StateSamples.OperatingMode.AUTOMATIC
                : StateSamples.OperatingMode.valueOf(state.operatingMode().name());
        batch.samples.add(new StateSamples.Sample(taken, p.mapId(), p.x(), p.y(), speed, mode, areaOf.apply(robot, p), battery,
                batch.jumped));
        batch.jumped = false;
        if (batch.samples.size() >= StateSamples.MAX_SAMPLES
                || Duration.between(batch.samples.get(0).time(), taken).compareTo(batchLength) >= 0) write(batch);
    }

    /** Writes the batches of robots whose backfill has been quiet for the idle time. */
    public void flushIdle(Instant now) {
        for (Batch b : List.copyOf(batches.values()))
            if (!b.samples.isEmpty() && Duration.between(b.lastArrival, now).compareTo(idle) >= 0) write(b);
    }

    /** Writes every open batch (on shutdown). */
    public void flushAll() {
        for (Batch b : List.copyOf(batches.values())) if (!b.samples.isEmpty()) write(b);
    }

    /** Late samples written to the track record so far. */
    public long samplesRecorded() {
        return samplesRecorded;
    }

    private void write(Batch batch) {
        List<StateSamples.Sample> samples = List.copyOf(batch.samples);
        batch.samples.clear();
        samplesRecorded += samples.size();
        Robot r = batch.robot;
        events.publish(new TrackEvent(samples.get(0).time(), r.site(), r.firm(), r.id(), new StateSamples(samples, true)));
    }
}
