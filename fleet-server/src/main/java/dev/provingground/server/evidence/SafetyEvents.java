package dev.provingground.server.evidence;

import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.enforcement.UvcLampState;
import dev.provingground.server.events.EventHub;
import dev.provingground.server.registry.RobotPosition;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotListener;
import dev.provingground.trackrecord.event.EmergencyStop;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.vda5050.EStop;
import dev.provingground.vda5050.State;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import dev.provingground.trackrecord.event.EventBody;
import dev.provingground.trackrecord.event.UvcLamp;

/**
 * Turns changes in what robots report into safety evidence: {@code estop} when a robot's VDA 5050
 * {@code safetyState.eStop} leaves or returns to NONE, and {@code uvc.lamp} when a disinfection robot's lamp goes on
 * or off, with how long it was on and the dose at the reference distance (the profile's irradiance at 1 m × time).
 */
public final class SafetyEvents implements RobotListener {

    private final EventHub events;
    private final ProfileCatalog profiles;
    private final Map<String, EStop> eStops = new ConcurrentHashMap<>();
    private final Map<String, Instant> lampOnSince = new ConcurrentHashMap<>();

    public SafetyEvents(EventHub events, ProfileCatalog profiles) {
        this.events = events;
        this.profiles = profiles;
    }

    @Override
    public void stateReceived(Robot robot, State state, RobotPosition previous, Instant at) {
        eStop(robot, state, at);
        lamp(robot, state, at);
    }

    private void eStop(Robot robot, State state, Instant at) {
        EStop now = state.safetyState() == null ? EStop.NONE : state.safetyState().eStop();
        EStop before = eStops.put(robot.id(), now);
        if (before == null && now == EStop.NONE || before == now) return;
        if (now == EStop.NONE) {
            publish(robot, at, new EmergencyStop(EmergencyStop.Phase.RECOVERED, source(before), null));
        } else if (before == null || before == EStop.NONE) {
            publish(robot, at, new EmergencyStop(EmergencyStop.Phase.TRIGGERED, source(now), "eStop " + now));
        }
    }

    /** VDA 5050: MANUAL is the robot's own button, REMOTE a remote e-stop, AUTOACK its safety system. */
    private static EmergencyStop.Source source(EStop e) {
        return switch (e) {
            case MANUAL -> EmergencyStop.Source.ROBOT_BUTTON;
            case REMOTE -> EmergencyStop.Source.REMOTE_STATION;
            default -> EmergencyStop.Source.SAFETY_SYSTEM;
        };
    }

    private void lamp(Robot robot, State state, Instant at) {
        boolean on = UvcLampState.isOn(state);
        Instant since = lampOnSince.get(robot.id());
        if (on && since == null) {
            lampOnSince.put(robot.id(), at);
            publish(robot, at, new UvcLamp(
                    UvcLamp.Phase.ON,
                    UvcLamp.Cause.OPERATOR, null, null));
        } else if (!on && since != null) {
            lampOnSince.remove(robot.id());
            double seconds = Duration.between(since, at).toMillis() / 1000.0;
            Double irradiance = profiles.find(robot.profile())
                    .map(p -> p.service().uvcIrradianceAt1mMicroWattPerCm2()).orElse(null);
            // 1 µW/cm² is 0.01 W/m², so the dose in J/m² is irradiance × 0.01 × seconds.
            Double dose = irradiance == null ? null : irradiance * 0.01 * seconds;
            publish(robot, at, new UvcLamp(
                    UvcLamp.Phase.OFF,
                    UvcLamp.Cause.OPERATOR, seconds, dose));
        }
    }

    private void publish(Robot robot, Instant at, EventBody body) {
        events.publish(new TrackEvent(at, robot.site(), robot.firm(), robot.id(), body));
    }
}
