package dev.provingground.trackrecord.event;

/**
 * {@code estop}: an emergency stop was triggered, or the robot recovered from one.
 *
 * @param phase  TRIGGERED or RECOVERED
 * @param source what stopped the robot: ROBOT_BUTTON (the button on the robot), REMOTE_STATION (the remote control
 *               station), SERVER (enforcement by Proving Ground), SAFETY_SYSTEM (the robot's own safety sensors)
 * @param detail optional free text
 */
public record EmergencyStop(Phase phase, Source source, String detail) implements EventBody {

    public enum Phase { TRIGGERED, RECOVERED }

    public enum Source { ROBOT_BUTTON, REMOTE_STATION, SERVER, SAFETY_SYSTEM }

    public EmergencyStop {
        Require.present(phase, "phase");
        Require.present(source, "source");
        Require.optionalText(detail, "detail");
    }
}
