package dev.provingground.trackrecord.event;

/**
 * {@code elevator.ride}: one elevator ride of a robot, reported when it ends.
 *
 * @param car            the elevator car ({@code lift_name})
 * @param fromFloor      boarding floor
 * @param toFloor        destination floor
 * @param waitSeconds    from the request to the doors opening for boarding
 * @param rideSeconds    from boarding to leaving the car (or giving up)
 * @param withPassengers whether people rode along (HUMAN mode car shared with passengers) or the car was reserved for
 *                       the robot
 * @param mode           the car's mode during the ride, as Open-RMF current_mode: AGV or HUMAN
 * @param outcome        COMPLETED, or FAILED when the robot did not reach {@code toFloor}
 * @param failure        for FAILED, why
 */
public record ElevatorRide(String car, String fromFloor, String toFloor, double waitSeconds, double rideSeconds,
                           boolean withPassengers, CarMode mode, Outcome outcome, String failure) implements EventBody {

    public enum CarMode { AGV, HUMAN }

    public enum Outcome { COMPLETED, FAILED }

    public ElevatorRide {
        Require.text(car, "car");
        Require.text(fromFloor, "fromFloor");
        Require.text(toFloor, "toFloor");
        Require.nonNegative(waitSeconds, "waitSeconds");
        Require.nonNegative(rideSeconds, "rideSeconds");
        Require.present(mode, "mode");
        Require.present(outcome, "outcome");
        if (outcome == Outcome.FAILED) {
            Require.text(failure, "failure");
        } else {
            Require.optionalText(failure, "failure");
        }
    }
}
