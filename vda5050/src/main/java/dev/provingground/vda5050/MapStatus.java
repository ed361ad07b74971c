package dev.provingground.vda5050;

/** Whether a map stored on the robot is the one in use. */
public enum MapStatus {
    ENABLED, DISABLED
}
