package dev.provingground.server.evidence;

import dev.provingground.trackrecord.event.PositionJump;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's own reading of how robots move, from their consecutive positions and the server's receive times
 * (never the robot's reported velocity). The time between two positions is the server's, or the robot's own
 * timestamps' where those say more time passed: a network stall delivers positions late and then bunched, which the
 * robot's timestamps see through, and a robot that stretched its timestamps to look slower would soon have its clock
 * run ahead of the server's, a {@code clock.skew} on the record.
 * <ul>
 *   <li><b>Computed speed</b>: straight-line distance over time between two positions on the same map at least
 *       {@link #SPEED_BASELINE} apart, so two reports that arrive close together after a network stall do not make a
 *       speed out of nothing; the latest such figure stands until the next one.</li>
 *   <li><b>Position jumps</b>: a change between two consecutive positions on the same map further than the robot
 *       could drive in that time ({@link MotionLimits#reach}, from the speed computed before, over the elapsed time
 *       plus {@code timingAllowance}) plus {@code marginMetres}. A jump is not driving: it starts the speed
 *       computation afresh and never counts as speed.</li>
 * </ul>
 * Pure logic, one instance for the server; runs on the server's context.
 */
public final class MotionJudge {

    /**
     * Shortest time over which a speed is computed. Positions are timed when they arrive, so each carries the jitter
     * of the network and of the robot's own publishing (a simulated robot's: one 200 ms step); over 2 s that is an
     * error of some 10 %, which enforcement allows for when it judges a computed speed against a limit.
     */
    public static final Duration SPEED_BASELINE = Duration.ofSeconds(2);

    private final Duration timingAllowance;
    private final double marginMetres;
    private final Map<String, Track> tracks = new ConcurrentHashMap<>();

    /** What one position told: the speed computed so far (null until there is one) and a jump, if it was one. */
    public record Judgement(Double computedSpeed, PositionJump jump) {
    }

    /** A position, when the server received it and, if the robot said, when the robot took it. */
    private record Fix(String mapId, double x, double y, Instant at, Instant robotTime) {
        double distanceTo(Fix other) {
            double dx = other.x - x;
            double dy = other.y - y;
            // Not Math.hypot: it guards against overflow that positions within the decoder's bounds cannot reach,
            // and costs about a twentieth of a robot state's whole handling.
            return Math.sqrt(dx * dx + dy * dy);
        }

        double secondsTo(Fix other) {
            double server = Duration.between(at, other.at).toNanos() / 1e9;
            if (robotTime == null || other.robotTime == null) return server;
            return Math.max(server, Duration.between(robotTime, other.robotTime).toNanos() / 1e9);
        }
    }

    private static final class Track {
        Fix last;
        Fix anchor;
        Double speed;
    }

    /**
     * @param timingAllowance added to the time between two reports before judging a jump: reports are timed when they
     *                        arrive, and a network stall can bunch them up
     * @param marginMetres    added to the reach: localisation noise of a robot standing still
     */
    public MotionJudge(Duration timingAllowance, double marginMetres) {
        if (timingAllowance.isNegative()) throw new IllegalArgumentException("timingAllowance must not be negative");
        if (!(marginMetres >= 0)) throw new IllegalArgumentException("marginMetres must be >= 0, got " + marginMetres);
        this.timingAllowance = timingAllowance;
        this.marginMetres = marginMetres;
    }

    /**
     * One reported position.
     *
     * @param at        when the server received it
     * @param robotTime when the robot says it took it (its message's header timestamp); null when unknown
     * @param limits    the robot's hardware limits, null when its profile is unknown (then no jump is judged)
     */
    public Judgement observe(String robot, String mapId, double x, double y, Instant at, Instant robotTime,
                             MotionLimits limits) {
        Track track = tracks.computeIfAbsent(robot, r -> new Track());
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            // Not a position (robots' messages are refused before they hold one; a state stored earlier may): the
            // next real one is compared with nothing rather than with this.
            track.last = null;
            return new Judgement(track.speed, null);
        }
        Fix now = new Fix(mapId, x, y, at, robotTime);
        Fix last = track.last;
        track.last = now;
        if (last == null || !last.mapId.equals(mapId) || at.isBefore(last.at)) {
            // A new map (a ride, a level change) or the first position: nothing to compare with.
            track.anchor = now;
            track.speed = null;
            return new Judgement(null, null);
        }
        if (limits != null) {
            double elapsed = last.secondsTo(now);
            double displacement = last.distanceTo(now);
            double reach = limits.reach(track.speed == null ? 0 : track.speed,
                    elapsed + timingAllowance.toNanos() / 1e9) + marginMetres;
            if (displacement > reach) {
                track.anchor = now;
                return new Judgement(track.speed, new PositionJump(mapId, last.x, last.y, x, y, elapsed, displacement,
                        reach));
            }
        }
        double sinceAnchor = track.anchor.secondsTo(now);
        if (sinceAnchor >= SPEED_BASELINE.toNanos() / 1e9) {
            track.speed = track.anchor.distanceTo(now) / sinceAnchor;
            track.anchor = now;
        }
        return new Judgement(track.speed, null);
    }

    /** The robot is gone (offline): the next position starts afresh. */
    public void forget(String robot) {
        tracks.remove(robot);
    }
}
