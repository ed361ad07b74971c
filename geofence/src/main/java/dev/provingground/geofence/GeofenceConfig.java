package dev.provingground.geofence;

import java.util.Locale;

/**
 * Configuration of the geofence module.
 *
 * @param maxVertices      most vertices (closing positions not counted) one zone may have; bigger ones are rejected
 *                         so that one careless import cannot make every evaluation slow
 * @param disinfectionKind robot kind (case-insensitive) allowed inside a CLOSED disinfection zone
 * @param defaultAction    action for violations that belong to no zone's rules (profile speed cap, UV-C lamp)
 */
public record GeofenceConfig(int maxVertices, String disinfectionKind, ViolationAction defaultAction) {

    public GeofenceConfig {
        if (maxVertices < 3) throw new IllegalArgumentException("geofence.maxVertices: must be >= 3, got " + maxVertices);
        if (disinfectionKind == null || disinfectionKind.isBlank()) {
            throw new IllegalArgumentException("geofence.disinfectionKind: required");
        }
        disinfectionKind = disinfectionKind.toUpperCase(Locale.ROOT);
        if (defaultAction == null) throw new IllegalArgumentException("geofence.defaultAction: required");
    }

    public static GeofenceConfig defaults() {
        return new GeofenceConfig(10_000, "DISINFECTION", ViolationAction.ALERT);
    }

    public GeofenceConfig withMaxVertices(int value) {
        return new GeofenceConfig(value, disinfectionKind, defaultAction);
    }
}
