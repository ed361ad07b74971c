package dev.provingground.site.routing;

/**
 * What an elevator ride is expected to cost, in seconds; a ride between two levels costs
 * {@code expectedWait + floors × secondsPerFloor + boarding}.
 *
 * @param expectedWaitSeconds how long a robot usually waits at the door for the car to come
 * @param secondsPerFloor     travel time per floor between the two levels
 * @param boardingSeconds     boarding plus alighting: doors, driving in, turning, driving out
 */
public record ElevatorTiming(double expectedWaitSeconds, double secondsPerFloor, double boardingSeconds) {

    /** 30 s wait, 3 s per floor, 10 s to board and alight: a busy office lift. */
    public static final ElevatorTiming DEFAULTS = new ElevatorTiming(30, 3, 10);

    public ElevatorTiming {
        requireSeconds(expectedWaitSeconds, "expectedWaitSeconds");
        requireSeconds(secondsPerFloor, "secondsPerFloor");
        requireSeconds(boardingSeconds, "boardingSeconds");
    }

    /** @param floors how many floors the car travels, 0 or more */
    public double rideSeconds(int floors) {
        return expectedWaitSeconds + floors * secondsPerFloor + boardingSeconds;
    }

    private static void requireSeconds(double value, String field) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("elevator timing " + field + ": must be a finite number of seconds >= 0, got " + value);
        }
    }
}
