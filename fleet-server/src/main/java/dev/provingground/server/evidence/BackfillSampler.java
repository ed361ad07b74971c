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

/**
 * Turns a robot's backfill (states it kept while its link was down, sent afterwards on {@code stateBackfill}) into
 * late {@code state.samples} batches for the track record: each sample timed by the state's own timestamp, at most
 * one per {@code minSpacing} as live sampling does, a batch per {@code batchLength} of sample time, per 1,000 samples
 * or once the robot's backfill has been quiet for {@code idle}. A robot whose clock is off (a {@code clock.skew} in
 * progress) has its timestamps put back on server time. Never touches the robot's live state. Runs on the
 * server's one context.
 */
public final class BackfillSampler {

    private final EventHub events;
    private final BiFunction<Robot, AgvPosition, StateSamples.AreaClass> areaOf;
    private final Duration minSpacing;
    private final Duration batchLength;
    private final Duration idle;
    private final Map<String, Batch> batches = new HashMap<>();
    private final BiFunction<String, Instant, Instant> onServerTime;
    private long samplesRecorded;

    private static final class Batch {
        final Robot robot;
        final List<StateSamples.Sample> samples = new ArrayList<>();
        Instant lastArrival;

        Batch(Robot robot) {
            this.robot = robot;
        }
    }

    /** @param onServerTime a robot's timestamp on server time (robot id, its time), see {@link ClockSkewWatch} */
    public BackfillSampler(EventHub events, BiFunction<Robot, AgvPosition, StateSamples.AreaClass> areaOf,
                           BiFunction<String, Instant, Instant> onServerTime, Duration minSpacing,
                           Duration batchLength, Duration idle) {
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
        if (!batch.samples.isEmpty()) {
            Instant last = batch.samples.get(batch.samples.size() - 1).time();
            // A backfill is sent oldest first; one that starts over (a resend after a second drop) is a new batch.
            if (taken.isBefore(last)) write(batch);
            else if (Duration.between(last, taken).compareTo(minSpacing) < 0) return;
        }
        var v = state.velocity();
        double speed = v == null || v.vx() == null || v.vy() == null ? 0 : Math.hypot(v.vx(), v.vy());
        Double battery = state.batteryState() == null ? null
                : Math.max(0, Math.min(100, state.batteryState().batteryCharge()));
        StateSamples.OperatingMode mode = state.operatingMode() == null ? StateSamples.OperatingMode.AUTOMATIC
                : StateSamples.OperatingMode.valueOf(state.operatingMode().name());
        batch.samples.add(new StateSamples.Sample(taken, p.mapId(), p.x(), p.y(), speed, mode, areaOf.apply(robot, p), battery));
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
