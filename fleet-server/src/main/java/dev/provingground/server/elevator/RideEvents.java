package dev.provingground.server.elevator;

import dev.provingground.server.registry.Robot;
import dev.provingground.trackrecord.event.ElevatorRide.CarMode;
import dev.provingground.trackrecord.event.ElevatorRide.Outcome;
import dev.provingground.trackrecord.event.TrackEvent;

import java.time.Duration;
import java.time.Instant;
import dev.provingground.trackrecord.event.ElevatorRefusal;
import dev.provingground.trackrecord.event.ElevatorRide;

/** A finished ride, or a refused one, as the track record keeps it. */
public final class RideEvents {

    private RideEvents() {
    }

    /** @param why what the ride was for, kept when the robot got off elsewhere than planned */
    public static TrackEvent of(String site, Robot robot, FinishedRide ride, String why) {
        boolean completed = ride.toFloor().equals(ride.leftAtFloor());
        var body = new ElevatorRide(ride.carId(), ride.fromFloor(), ride.toFloor(),
                seconds(ride.requestedAt(), ride.boardedAt()), seconds(ride.boardedAt(), ride.alightedAt()),
                ride.withPassengers(), ride.withPassengers() ? CarMode.HUMAN : CarMode.AGV,
                completed ? Outcome.COMPLETED : Outcome.FAILED,
                completed ? null : "left the car at " + ride.leftAtFloor() + " (car in " + ride.mode() + " mode); " + why);
        return new TrackEvent(ride.alightedAt(), site, robot.firm(), robot.id(), body);
    }

    /**
     * A ride the elevator's rules refused when the robot asked for it.
     *
     * @throws IllegalArgumentException for a decision that is not a refusal by a rule of ride requests
     */
    public static TrackEvent refused(String site, Robot robot, String elevator, String fromFloor, String toFloor,
                                     Decision refusal, Instant at) {
        ElevatorRefusal.Rule rule = switch (refusal.allowed() ? Refusal.NO_RIDE : refusal.refusal()) {
            case KIND_NOT_ALLOWED -> ElevatorRefusal.Rule.KIND_NOT_ALLOWED;
            case OUTSIDE_SERVICE_HOURS -> ElevatorRefusal.Rule.OUTSIDE_SERVICE_HOURS;
            case FLOOR_NOT_SERVED -> ElevatorRefusal.Rule.FLOOR_NOT_SERVED;
            default -> throw new IllegalArgumentException("not a ride refused by an elevator rule: " + refusal);
        };
        return new TrackEvent(at, site, robot.firm(), robot.id(),
                new ElevatorRefusal(elevator, fromFloor, toFloor, rule, refusal.reason()));
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
    }
}
