package dev.provingground.geofence;

/** State of a {@link ZoneKind#DISINFECTION} zone; CLOSED while a disinfection run is under way. */
public enum ZoneState {
    OPEN,
    CLOSED
}
