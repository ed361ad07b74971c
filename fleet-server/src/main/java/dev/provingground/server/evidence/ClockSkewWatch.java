package dev.provingground.server.evidence;

import dev.provingground.server.events.EventHub;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotListener;
import dev.provingground.server.registry.RobotPosition;
import dev.provingground.trackrecord.event.ClockSkew;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.vda5050.State;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compares the timestamp of each robot state with the server's receive time. A difference beyond the threshold
 * starts a skew ({@code clock.skew} STARTED); it clears (CLEARED, with its duration) once a state is within half the
 * threshold again, so a clock hovering at the threshold does not make an event per message. While a skew lasts, the
 * robot's own timestamps are put back on server time where the server must use them (late samples).
 */
public final class ClockSkewWatch implements RobotListener {

    private final EventHub events;
    private final Duration threshold;
    private final long thresholdNanos;
    private final Map<String, Skew> open = new ConcurrentHashMap<>();

    private record Skew(Instant since, Duration offset) {
    }

    /** @param threshold the largest difference between a robot's clock and the server's taken as in step */
    public ClockSkewWatch(EventHub events, Duration threshold) {
        if (threshold.isNegative() || threshold.isZero())
            throw new IllegalArgumentException("clock skew threshold must be positive, got " + threshold);
        this.events = events;
        this.threshold = threshold;
        this.thresholdNanos = threshold.toNanos();
    }

    @Override
    public void stateReceived(Robot robot, State state, RobotPosition previous, Instant at) {
        if (state.timestamp() == null) return;
        Duration offset = Duration.between(at, state.timestamp());
        // Compared as nanoseconds: on Java 17 Duration.abs() of a negative offset (every robot clock a little behind
        // the server's) goes through BigDecimal, several objects for every state.
        long offsetNanos = absNanos(offset);
        Skew skew = open.get(robot.id());
        if (skew == null && offsetNanos > thresholdNanos) {
            open.put(robot.id(), new Skew(at, offset));
            publish(robot, at, new ClockSkew(ClockSkew.Phase.STARTED, seconds(offset), seconds(threshold), null));
        } else if (skew != null && offsetNanos <= thresholdNanos / 2) {
            open.remove(robot.id());
            publish(robot, at, new ClockSkew(ClockSkew.Phase.CLEARED, seconds(offset), seconds(threshold),
                    seconds(Duration.between(skew.since(), at))));
        } else if (skew != null) {
            open.put(robot.id(), new Skew(skew.since(), offset));
        }
    }

    /**
     * A time the robot's clock gave, on server time: less the robot's latest offset while its clock is skewed, as it
     * is otherwise.
     */
    public Instant onServerTime(String robotId, Instant robotTime) {
        Skew skew = open.get(robotId);
        return skew == null ? robotTime : robotTime.minus(skew.offset());
    }

    private void publish(Robot robot, Instant at, ClockSkew body) {
        events.publish(new TrackEvent(at, robot.site(), robot.firm(), robot.id(), body));
    }

    /** The offset's size in nanoseconds; a clock centuries off (beyond a long's nanoseconds) counts as the most. */
    private static long absNanos(Duration d) {
        long seconds = d.getSeconds();
        if (seconds >= Long.MAX_VALUE / 1_000_000_000L || seconds <= -(Long.MAX_VALUE / 1_000_000_000L))
            return Long.MAX_VALUE;
        return Math.abs(d.toNanos());
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
