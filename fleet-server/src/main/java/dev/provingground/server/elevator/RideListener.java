package dev.provingground.server.elevator;

/** Told what the elevator managers decided on each tick: cars assigned, rides requeued, evacuations, lapsed leases. */
@FunctionalInterface
public interface RideListener {

    void notice(String site, ElevatorManager elevator, ElevatorNotice notice);
}
