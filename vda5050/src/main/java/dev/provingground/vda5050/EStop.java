package dev.provingground.vda5050;

/** Kind of active emergency stop and how it must be acknowledged; NONE when no e-stop is active. */
public enum EStop {
    AUTOACK, MANUAL, REMOTE, NONE
}
