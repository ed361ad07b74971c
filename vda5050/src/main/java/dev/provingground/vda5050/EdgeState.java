package dev.provingground.vda5050;

/** An edge of the current order the robot has still to traverse. */
public record EdgeState(String edgeId, long sequenceId, String edgeDescription, boolean released,
                        Trajectory trajectory) {
}
