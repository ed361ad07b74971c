package dev.provingground.server.elevator;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of the elevator manager.
 *
 * @param leaseTimeout    a robot (queued or riding) that has not renewed for this long loses its place or car
 * @param stateStaleAfter a car whose last state is older than this is treated as unknown: no grants, no boarding
 * @param resendEvery     how often a ride's request is sent again; it renews the controller's own session
 *                        time-out and repairs a request the controller missed, so keep it well under that time-out
 * @param secondsPerFloor travel estimate between adjacent floors, for choosing the car that serves soonest
 * @param doorSeconds     estimate for the doors to open or close
 * @param transferSeconds estimate for a robot to get on or off
 */
public record ElevatorManagerConfig(Duration leaseTimeout, Duration stateStaleAfter, Duration resendEvery,
                                    double secondsPerFloor, double doorSeconds, double transferSeconds) {

    public ElevatorManagerConfig {
        positive("leaseTimeout", leaseTimeout);
        positive("stateStaleAfter", stateStaleAfter);
        positive("resendEvery", resendEvery);
        if (!(secondsPerFloor > 0) || !(doorSeconds >= 0) || !(transferSeconds >= 0)) {
            throw new IllegalArgumentException("elevator manager: secondsPerFloor must be positive and doorSeconds, "
                    + "transferSeconds 0 or more; got " + secondsPerFloor + ", " + doorSeconds + ", " + transferSeconds);
        }
    }

    /** 30 s leases, states stale after 5 s, requests re-sent every 5 s, 3 s per floor, 2.5 s doors, 5 s on/off. */
    public static ElevatorManagerConfig defaults() {
        return new ElevatorManagerConfig(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(5), 3, 2.5, 5);
    }

    private static void positive(String field, Duration d) {
        Objects.requireNonNull(d, "elevator manager: " + field);
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("elevator manager: " + field + " must be positive, got " + d);
    }
}
