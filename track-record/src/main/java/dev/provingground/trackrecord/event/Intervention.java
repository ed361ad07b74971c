package dev.provingground.trackrecord.event;

/**
 * {@code intervention}: a person had to help the robot, reported once resolved.
 *
 * @param kind           REMOTE_ASSIST (a remote operator confirmed or chose), TELEOP (a remote operator drove),
 *                       ON_SITE (someone went to the robot)
 * @param reason         why, free text
 * @param resolveSeconds time from the robot asking for help (or being stopped) to its resuming on its own
 */
public record Intervention(Kind kind, String reason, double resolveSeconds) implements EventBody {

    public enum Kind { REMOTE_ASSIST, TELEOP, ON_SITE }

    public Intervention {
        Require.present(kind, "kind");
        Require.text(reason, "reason");
        Require.nonNegative(resolveSeconds, "resolveSeconds");
    }
}
