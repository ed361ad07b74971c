package dev.provingground.trackrecord.event;

/**
 * {@code robot.link}: the robot's connection to the server changed.
 *
 * @param state         CONNECTED, DISCONNECTED (orderly, VDA 5050 connectionState OFFLINE) or LINK_LOST (last will or
 *                      timeout, VDA 5050 CONNECTIONBROKEN)
 * @param detail        optional free text, e.g. the protocol version or the reason
 * @param outageSeconds on CONNECTED after a LINK_LOST the server saw: how long the link was down (version 2); absent
 *                      otherwise
 */
public record RobotLink(State state, String detail, Double outageSeconds) implements EventBody {

    public enum State { CONNECTED, DISCONNECTED, LINK_LOST }

    public RobotLink {
        Require.present(state, "state");
        Require.optionalText(detail, "detail");
        Require.optionalNonNegative(outageSeconds, "outageSeconds");
        if (outageSeconds != null && state != State.CONNECTED) {
            throw new IllegalArgumentException("outageSeconds is only for CONNECTED, not " + state);
        }
    }

    public RobotLink(State state, String detail) {
        this(state, detail, null);
    }
}
