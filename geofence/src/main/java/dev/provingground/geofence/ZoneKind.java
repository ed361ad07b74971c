package dev.provingground.geofence;

/**
 * What a zone means to the robots in it.
 *
 * <p>For {@link #OPERATING_AREA} and {@link #CROSSWALK} a zone's {@code robotKinds}/{@code firms} say who is
 * <em>admitted</em>: any other robot inside is a violation. For every other kind they say whom the zone's rules
 * <em>apply to</em>; other robots ignore the zone's rules. Empty lists mean everyone either way.
 */
public enum ZoneKind {
    /** Robots admitted here must stay inside some operating area on their level. */
    OPERATING_AREA,
    KEEP_OUT,
    SPEED_LIMIT,
    /** An operating hazard: robots slow down ({@code maxSpeed}) and its entry is worth a warning. */
    CAUTION,
    CROSSWALK,
    /** Has a {@link ZoneState}; while CLOSED only disinfection robots may be inside. */
    DISINFECTION;

    /** Whether robotKinds/firms list who may be inside rather than whom the rules bind. */
    public boolean filtersAdmission() {
        return this == OPERATING_AREA || this == CROSSWALK;
    }
}
