package dev.provingground.server.evidence;

import dev.provingground.server.events.EventHub;
import dev.provingground.server.registry.RobotPosition;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotListener;
import dev.provingground.trackrecord.event.Intervention;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.vda5050.OperatingMode;
import dev.provingground.vda5050.State;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A robot a person took over, as the robot itself reports it, becomes {@code intervention} evidence. In VDA 5050's
 * operating modes MANUAL, SERVICE and TEACHIN the fleet does not control the robot: someone drives, services or
 * teaches it through its own HMI, so it counts as an on-site intervention. One event is recorded when the robot is
 * back under the fleet's control (AUTOMATIC or SEMIAUTOMATIC), with the time it was out of it; a spell still open
 * when the server stops is not recorded.
 */
public final class InterventionDetector implements RobotListener {

    private record TakenOver(OperatingMode mode, Instant since) {
    }

    private final EventHub events;
    private final Map<String, TakenOver> takenOver = new ConcurrentHashMap<>();

    public InterventionDetector(EventHub events) {
        this.events = events;
    }

    @Override
    public void stateReceived(Robot robot, State state, RobotPosition previous, Instant at) {
        OperatingMode mode = state.operatingMode();
        if (mode == null) return;
        if (!mode.fleetInControl()) {
            takenOver.putIfAbsent(robot.id(), new TakenOver(mode, at));
            return;
        }
        TakenOver spell = takenOver.remove(robot.id());
        if (spell == null) return;
        double seconds = Math.max(0, Duration.between(spell.since(), at).toMillis() / 1000.0);
        events.publish(new TrackEvent(at, robot.site(), robot.firm(), robot.id(), new Intervention(
                Intervention.Kind.ON_SITE, "robot reported operatingMode " + spell.mode() + " (taken over through its HMI),"
                + " back in " + mode, seconds)));
    }
}
