package dev.provingground.trackrecord.event;

/**
 * {@code robot.link}: the robot's connection to the server changed.
 *
 * @param state  CONNECTED, DISCONNECTED (orderly, VDA 5050 connectionState OFFLINE) or LINK_LOST (last will or
 *               timeout, VDA 5050 CONNECTIONBROKEN)
 * @param detail optional free text, e.g. the protocol version or the reason
 */
public record RobotLink(State state, String detail) implements EventBody {

    public enum State { CONNECTED, DISCONNECTED, LINK_LOST }

    public RobotLink {
        Require.present(state, "state");
        Require.optionalText(detail, "detail");
    }
}
