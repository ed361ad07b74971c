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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import dev.provingground.vda5050.AgvPosition;

/**
 * Batches each robot's states into {@code state.samples} events: at most one sample per {@code minSpacing}, a batch
 * per {@code batchLength} (the first after the robot connects shorter, {@link #firstLength}; at most
 * {@link StateSamples#MAX_SAMPLES}). Distances and operating hours in the KPIs
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
    private final int batchCapacity;

    /**
     * One robot's open batch, in columns kept from one batch to the next. Samples wait up to {@code batchLength}
     * (half a minute) to be written; as objects, every young collection in that time copied each of them again, and at
     * thousands of robots they were most of what survived a collection (issue 18). The columns are allocated once per
     * robot and, some fifteen collections later, live in the old generation; the samples' objects are made only when
     * the batch is written.
     */
    private static final class Batch {
        private static final byte NO_FLAGS = 0;
        private static final byte JUMPED = 1;

        final Robot robot;
        /** How long the open batch runs: shortened after the robot (re)connects, see {@link #firstLength}. */
        Duration length;
        int size;
        long[] epochMillis;
        String[] mapIds;
        double[] xs;
        double[] ys;
        double[] speeds;
        /** NaN where the state reported no battery. */
        double[] batteries;
        byte[] modes;
        byte[] areas;
        byte[] flags;

        Batch(Robot robot, Duration length, int capacity) {
            this.robot = robot;
            this.length = length;
            epochMillis = new long[capacity];
            mapIds = new String[capacity];
            xs = new double[capacity];
            ys = new double[capacity];
            speeds = new double[capacity];
            batteries = new double[capacity];
            modes = new byte[capacity];
            areas = new byte[capacity];
            flags = new byte[capacity];
        }

        void add(Instant time, String mapId, double x, double y, double speed, StateSamples.OperatingMode mode,
                 StateSamples.AreaClass area, Double battery, boolean jumped) {
            if (size == epochMillis.length) grow();
            // Sample times are kept to the millisecond (TrackEvent.canonicalTime): the column holds just that.
            epochMillis[size] = time.toEpochMilli();
            mapIds[size] = mapId;
            xs[size] = x;
            ys[size] = y;
            speeds[size] = speed;
            batteries[size] = battery == null ? Double.NaN : battery;
            modes[size] = (byte) mode.ordinal();
            areas[size] = (byte) area.ordinal();
            flags[size] = jumped ? JUMPED : NO_FLAGS;
            size++;
        }

        /** From the first sample to {@code at}, in nanoseconds: compared so, a state costs no Instant or Duration. */
        long nanosSinceFirst(Instant at) {
            return nanosSince(epochMillis[0], at);
        }

        long nanosSinceLast(Instant at) {
            return nanosSince(epochMillis[size - 1], at);
        }

        private static long nanosSince(long epochMillis, Instant at) {
            return (at.getEpochSecond() - Math.floorDiv(epochMillis, 1000)) * 1_000_000_000L
                    + at.getNano() - Math.floorMod(epochMillis, 1000) * 1_000_000L;
        }

        /** The batch's samples, oldest first; the batch is empty afterwards. */
        List<StateSamples.Sample> take() {
            StateSamples.Sample[] samples = new StateSamples.Sample[size];
            for (int i = 0; i < size; i++) {
                samples[i] = new StateSamples.Sample(Instant.ofEpochMilli(epochMillis[i]), mapIds[i], xs[i], ys[i],
                        speeds[i], MODES[modes[i]], AREAS[areas[i]],
                        Double.isNaN(batteries[i]) ? null : Double.valueOf(batteries[i]), flags[i] == JUMPED);
                mapIds[i] = null;
            }
            size = 0;
            return List.of(samples);
        }

        private void grow() {
            int capacity = epochMillis.length * 2;
            epochMillis = Arrays.copyOf(epochMillis, capacity);
            mapIds = Arrays.copyOf(mapIds, capacity);
            xs = Arrays.copyOf(xs, capacity);
            ys = Arrays.copyOf(ys, capacity);
            speeds = Arrays.copyOf(speeds, capacity);
            batteries = Arrays.copyOf(batteries, capacity);
            modes = Arrays.copyOf(modes, capacity);
            areas = Arrays.copyOf(areas, capacity);
            flags = Arrays.copyOf(flags, capacity);
        }
    }

    private static final StateSamples.OperatingMode[] MODES = StateSamples.OperatingMode.values();
    private static final StateSamples.AreaClass[] AREAS = StateSamples.AreaClass.values();

    public StateSampler(EventHub events, BiFunction<Robot, AgvPosition, StateSamples.AreaClass> areaOf,
                        MeasuredMotion motion, Duration minSpacing, Duration batchLength) {
        this.events = events;
        this.motion = motion;
        this.areaOf = areaOf;
        this.minSpacing = minSpacing;
        this.batchLength = batchLength;
        // What a batch of samples a minSpacing apart holds, so that its columns are the right size from the start.
        this.batchCapacity = (int) Math.min(StateSamples.MAX_SAMPLES,
                batchLength.toMillis() / Math.max(1, minSpacing.toMillis()) + 2);
    }

    @Override
    public void stateReceived(Robot robot, State state, RobotPosition previous, Instant at) {
        var p = state.agvPosition();
        if (p == null || !p.positionInitialized()) return;
        Batch batch = batches.computeIfAbsent(robot.id(), k -> new Batch(robot, firstLength(robot.id()), batchCapacity));
        boolean jumped = motion.takeJump(robot.id());
        if (batch.size > 0 && !jumped && batch.nanosSinceLast(at) < minSpacing.toNanos()) return;
        var v = state.velocity();
        Double computed = motion.computedSpeed(robot.id());
        double speed = v == null || v.vx() == null || v.vy() == null ? (computed == null ? 0 : computed)
                : Math.sqrt(v.vx() * v.vx() + v.vy() * v.vy());
        Double battery = state.batteryState() == null ? null
                : Math.max(0, Math.min(100, state.batteryState().batteryCharge()));
        StateSamples.OperatingMode mode = mode(state);
        StateSamples.AreaClass area = areaOf.apply(robot, p);
        // Made (and dropped) here so that a value a sample refuses is refused with this state, not with the batch.
        new StateSamples.Sample(at, p.mapId(), p.x(), p.y(), speed, mode, area, battery, jumped);
        batch.add(at, p.mapId(), p.x(), p.y(), speed, mode, area, battery, jumped);
        if (batch.size >= StateSamples.MAX_SAMPLES
                || batch.nanosSinceFirst(at) >= batch.length.toNanos()) {
            write(batch);
            batch.length = batchLength;
        }
    }

    @Override
    public void connectionChanged(Robot robot, ConnectionState from, ConnectionState to, Instant at) {
        if (to != ConnectionState.ONLINE) {
            flush(robot.id());
            Batch batch = batches.get(robot.id());
            if (batch != null) batch.length = firstLength(robot.id());
        }
    }

    /**
     * The first batch after a robot (re)connects is cut short by a part of {@code batchLength} that depends on the
     * robot alone, so it runs from one sample spacing to the whole length. Robots that connect together — every robot
     * after a server restart or a broker outage — would otherwise write their batches in the same second every half
     * minute: with 5,000 robots, a backlog that delayed zone enforcement for about three seconds each time (pauses up
     * to 120 ms late; issue 18). Cut by up to half the length, as first done, they wrote them all in one half of every
     * cycle and none in the other; over the whole length, the writes are even over it.
     */
    Duration firstLength(String robotId) {
        long spread = batchLength.toMillis() - minSpacing.toMillis();
        if (spread <= 0) return batchLength;
        return batchLength.minusMillis(Math.floorMod(robotId.hashCode() * 0x9E3779B9L, spread));
    }

    /** Writes every open batch (on shutdown). */
    public void flushAll() {
        List.copyOf(batches.keySet()).forEach(this::flush);
    }

    private void flush(String robotId) {
        Batch batch = batches.get(robotId);
        if (batch != null && batch.size > 0) write(batch);
    }

    private void write(Batch batch) {
        List<StateSamples.Sample> samples = batch.take();
        Robot r = batch.robot;
        events.publish(new TrackEvent(samples.get(0).time(), r.site(), r.firm(), r.id(), new StateSamples(samples)));
    }

    private static StateSamples.OperatingMode mode(State state) {
        if (state.operatingMode() == null) return StateSamples.OperatingMode.AUTOMATIC;
        return StateSamples.OperatingMode.valueOf(state.operatingMode().name());
    }
}
