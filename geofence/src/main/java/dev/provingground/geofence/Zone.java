package dev.provingground.geofence;

import java.util.Objects;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * A geofence: an area of one level of one site, in the level's metric frame (metres, same frame as VDA 5050
 * {@code agvPosition}), with a kind and rules.
 *
 * <p>The geometry is a JTS Polygon or MultiPolygon and must not be mutated after construction; its rings are
 * oriented as RFC 7946 wants (exterior counter-clockwise, holes clockwise) so that equal zones compare equal
 * after a GeoJSON round trip. Zones built by
 * {@code GeoJsonZones} are validated; zones built in code should go through {@code ZoneValidator}.
 *
 * @param state OPEN or CLOSED for {@link ZoneKind#DISINFECTION} zones (null means OPEN); must be null otherwise
 */
public record Zone(String id, String name, String site, String level, Geometry geometry, ZoneKind kind,
                   ZoneState state, ZoneRules rules) {

    public Zone {
        requireText(id, "id");
        requireText(site, "site");
        requireText(level, "level");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(kind, "kind");
        if (!(geometry instanceof Polygonal) || geometry.isEmpty()) {
            throw new IllegalArgumentException("zone '" + id + "': geometry must be a non-empty Polygon or MultiPolygon, got "
                    + geometry.getGeometryType());
        }
        if (kind == ZoneKind.DISINFECTION) {
            if (state == null) state = ZoneState.OPEN;
        } else if (state != null) {
            throw new IllegalArgumentException("zone '" + id + "': state " + state + " is only meaningful for "
                    + ZoneKind.DISINFECTION + " zones, not " + kind);
        }
        geometry = Rfc7946Orientation.orient(geometry);
        if (name == null || name.isBlank()) name = id;
        if (rules == null) rules = ZoneRules.NONE;
    }

    /** Whether the zone is in force at this moment of the site's week ({@link WeeklySchedule#secondOfWeek}). */
    public boolean isActiveAt(long secondOfWeek) {
        return rules.schedule() == null || rules.schedule().isActiveAtSecondOfWeek(secondOfWeek);
    }

    public boolean isClosedForDisinfection() {
        return kind == ZoneKind.DISINFECTION && state == ZoneState.CLOSED;
    }

    /** Whether this zone's rules bind a robot of this kind and firm; see {@link ZoneKind} for the two meanings. */
    public boolean appliesTo(String upperCaseKind, String firm) {
        return kind.filtersAdmission() || (rules.kindMatches(upperCaseKind) && rules.firmMatches(firm));
    }

    public Zone withState(ZoneState newState) {
        return new Zone(id, name, site, level, geometry, kind, newState, rules);
    }

    public Zone withRules(ZoneRules newRules) {
        return new Zone(id, name, site, level, geometry, kind, state, newRules);
    }

    public Zone withGeometry(Geometry newGeometry) {
        return new Zone(id, name, site, level, newGeometry, kind, state, rules);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("zone " + field + ": required");
    }
}
