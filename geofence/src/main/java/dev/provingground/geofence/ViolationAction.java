package dev.provingground.geofence;

/** What enforcement should do about a violation; ordered from mildest to strongest. */
public enum ViolationAction {
    LOG,
    ALERT,
    PAUSE,
    CANCEL
}
