package dev.provingground.server.elevator;

/** Whether robots may ride with people. */
public enum PassengerPolicy {
    /** A robot boards only an empty car (no people aboard, and the car must be able to tell). */
    ROBOT_ONLY,
    /** Robots ride with people at any time. */
    SHARED,
    /** Robots ride with people except in the peak windows, when they board only an empty car. */
    SHARED_OUTSIDE_PEAK
}
