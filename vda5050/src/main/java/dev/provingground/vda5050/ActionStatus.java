package dev.provingground.vda5050;

/** Progress of an action. PAUSED is in the VDA 5050 2.1.0 text but missing from its published schema. */
public enum ActionStatus {
    WAITING, INITIALIZING, RUNNING, PAUSED, FINISHED, FAILED
}
