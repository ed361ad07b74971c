package dev.provingground.server.evidence;

import dev.provingground.profiles.HardwareProfile;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.events.EventHub;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotListener;
import dev.provingground.server.registry.RobotPosition;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.vda5050.AgvPosition;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.Velocity;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

/**
 * Judges every position a robot reports (state and visualization) with the {@link MotionJudge}: records each
 * {@code position.jump}, and keeps the speed computed from positions for enforcement and the jump for the next state
 * sample. Must hear of a position before the listeners that read it, so it is registered before them.
 */
public final class MeasuredMotion implements RobotListener {

    private final MotionJudge judge;
    private final ProfileCatalog profiles;
    private final EventHub events;
    private final Map<String, Double> computedSpeeds = new ConcurrentHashMap<>();
    private final Set<String> jumpedSinceSample = ConcurrentHashMap.newKeySet();

    public MeasuredMotion(MotionJudge judge, ProfileCatalog profiles, EventHub events) {
        this.judge = judge;
        this.profiles = profiles;
        this.events = events;
    }

    @Override
    public void stateReceived(Robot robot, State state, RobotPosition previous, Instant at) {
        observe(robot, state.agvPosition(), at, state.timestamp());
    }

    @Override
    public void positionReported(Robot robot, AgvPosition position, Velocity velocity, RobotPosition previous,
                                 Instant at) {
        // The visualization's header is not handed on; its position is timed by the server alone.
        observe(robot, position, at, null);
    }

    @Override
    public void connectionChanged(Robot robot, ConnectionState from, ConnectionState to, Instant at) {
        if (to == ConnectionState.ONLINE) return;
        judge.forget(robot.id());
        computedSpeeds.remove(robot.id());
        // Its next position is compared with nothing, so no sample after it may claim a jump from before.
        jumpedSinceSample.remove(robot.id());
    }

    /** The robot's speed as the server computed it from its positions, m/s; null while there is none. */
    public Double computedSpeed(String robotId) {
        return computedSpeeds.get(robotId);
    }

    /** Whether a jump was judged since the last call for this robot: the next sample must say so. */
    public boolean takeJump(String robotId) {
        return jumpedSinceSample.remove(robotId);
    }

    private void observe(Robot robot, AgvPosition p, Instant at, Instant robotTime) {
        if (p == null || !p.positionInitialized()) return;
        MotionLimits limits = limitsOf(robot);
        MotionJudge.Judgement judgement = judge.observe(robot.id(), p.mapId(), p.x(), p.y(), at, robotTime, limits);
        if (judgement.computedSpeed() == null) computedSpeeds.remove(robot.id());
        else computedSpeeds.put(robot.id(), judgement.computedSpeed());
        if (judgement.jump() != null) {
            jumpedSinceSample.add(robot.id());
            events.publish(new TrackEvent(at, robot.site(), robot.firm(), robot.id(), judgement.jump()));
        }
    }

    /** The robot's hardware limits from its profile's factsheet; null when its profile is unknown. */
    public MotionLimits limitsOf(Robot robot) {
        return profiles.find(robot.profile()).map(MeasuredMotion::limits).orElse(null);
    }

    private static MotionLimits limits(HardwareProfile profile) {
        var physical = profile.factsheet().physicalParameters();
        return new MotionLimits(physical.speedMax(), physical.accelerationMax());
    }
}
