package dev.provingground.trackrecord.event;

/**
 * {@code elevator.refusal}: the server would not give a robot a ride it asked for at the elevator's door, because a
 * rule of that elevator forbids it now (the rules changed after the robot's route was planned). The task goes back to
 * the queue; the refusal stays on the record.
 *
 * @param elevator  the elevator (bank of cars) that refused
 * @param fromFloor floor the robot asked to ride from
 * @param toFloor   floor it asked to ride to
 * @param rule      the rule that refused it
 * @param reason    the refusal as the elevator manager worded it, e.g. the service hours in force
 */
public record ElevatorRefusal(String elevator, String fromFloor, String toFloor, Rule rule, String reason)
        implements EventBody {

    /** The elevator rules a ride request is checked against, in the order they are checked. */
    public enum Rule {
        /** the robot's kind is not among the elevator's {@code allowedKinds} */
        KIND_NOT_ALLOWED,
        /** the request falls outside the elevator's {@code serviceHours} */
        OUTSIDE_SERVICE_HOURS,
        /** no car of the elevator serves both floors */
        FLOOR_NOT_SERVED
    }

    public ElevatorRefusal {
        Require.text(elevator, "elevator");
        Require.text(fromFloor, "fromFloor");
        Require.text(toFloor, "toFloor");
        Require.present(rule, "rule");
        Require.text(reason, "reason");
    }
}
