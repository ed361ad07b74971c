package dev.provingground.sim.elevator;

import java.util.List;
import java.util.Objects;

/**
 * One simulated elevator car.
 *
 * @param liftName             the car id, used as {@code lift_name} in the elevator protocol
 * @param floors               the floors served, bottom to top (level ids of the site)
 * @param startFloor           where the car stands at start, doors closed
 * @param fireRecallFloor      the designated floor a fire alarm recalls the car to
 * @param doorSeconds          time for the doors to open fully, or close fully
 * @param dwellSeconds         how long doors stay open for people once nobody is getting on or off
 * @param secondsPerFloor      travel time between two adjacent floors
 * @param passengerMoveSeconds time one person takes to get on or off
 * @param passengerCapacity    people the car takes
 * @param hallCallsPerMinute   mean rate at which simulated people call the car (0 for none)
 * @param sessionTimeoutSeconds a session whose holder sends nothing for this long is dropped, as real lift
 *                             controllers do so that a crashed fleet cannot hold a car forever
 * @param seed                 seed of the hall-call generator, so that runs repeat
 */
public record SimElevatorSpec(String liftName, List<String> floors, String startFloor, String fireRecallFloor,
                              double doorSeconds, double dwellSeconds, double secondsPerFloor,
                              double passengerMoveSeconds, int passengerCapacity, double hallCallsPerMinute,
                              double sessionTimeoutSeconds, long seed) {

    public SimElevatorSpec {
        Objects.requireNonNull(liftName, "liftName");
        floors = List.copyOf(floors);
        if (floors.size() < 2) throw new IllegalArgumentException("elevator " + liftName + ": floors needs at least 2, got " + floors);
        if (floors.stream().distinct().count() != floors.size()) throw new IllegalArgumentException("elevator " + liftName + ": floors repeat: " + floors);
        if (!floors.contains(startFloor)) throw new IllegalArgumentException("elevator " + liftName + ": startFloor \"" + startFloor + "\" is not one of " + floors);
        if (!floors.contains(fireRecallFloor)) throw new IllegalArgumentException("elevator " + liftName + ": fireRecallFloor \"" + fireRecallFloor + "\" is not one of " + floors);
        positive("doorSeconds", doorSeconds, liftName);
        positive("secondsPerFloor", secondsPerFloor, liftName);
        positive("passengerMoveSeconds", passengerMoveSeconds, liftName);
        positive("sessionTimeoutSeconds", sessionTimeoutSeconds, liftName);
        if (!(dwellSeconds >= 0)) throw new IllegalArgumentException("elevator " + liftName + ": dwellSeconds must be 0 or more, got " + dwellSeconds);
        if (!(hallCallsPerMinute >= 0)) throw new IllegalArgumentException("elevator " + liftName + ": hallCallsPerMinute must be 0 or more, got " + hallCallsPerMinute);
        if (passengerCapacity < 1) throw new IllegalArgumentException("elevator " + liftName + ": passengerCapacity must be at least 1, got " + passengerCapacity);
    }

    /** A typical small building lift: 2.5 s doors, 4 s dwell, 3 s per floor, 8 people, no random hall calls. */
    public static SimElevatorSpec typical(String liftName, List<String> floors) {
        return new SimElevatorSpec(liftName, floors, floors.get(0), floors.get(0), 2.5, 4, 3, 1.5, 8, 0, 30, 1);
    }

    public SimElevatorSpec withHallCalls(double perMinute, long seed) {
        return new SimElevatorSpec(liftName, floors, startFloor, fireRecallFloor, doorSeconds, dwellSeconds,
                secondsPerFloor, passengerMoveSeconds, passengerCapacity, perMinute, sessionTimeoutSeconds, seed);
    }

    int indexOf(String floor) {
        return floors.indexOf(floor);
    }

    private static void positive(String field, double value, String liftName) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("elevator " + liftName + ": " + field + " must be a positive number, got " + value);
        }
    }
}
