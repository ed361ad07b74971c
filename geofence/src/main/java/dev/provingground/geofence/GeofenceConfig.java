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
public record GeofenceConfig(int maxVertices, String disinfectionKind, ViolationAction defaultAction,
                             double speedToleranceMps) {

    public GeofenceConfig {
        if (maxVertices < 3) throw new IllegalArgumentException("geofence.maxVertices: must be >= 3, got " + maxVertices);
        if (disinfectionKind == null || disinfectionKind.isBlank()) {
            throw new IllegalArgumentException("geofence.disinfectionKind: required");
        }
        disinfectionKind = disinfectionKind.toUpperCase(Locale.ROOT);
        if (defaultAction == null) throw new IllegalArgumentException("geofence.defaultAction: required");
        if (!(speedToleranceMps >= 0) || speedToleranceMps > 1)
            throw new IllegalArgumentException("geofence.speedToleranceMps: must be 0..1 m/s, got " + speedToleranceMps);
    }

    /**
     * With the default speed tolerance: reported velocities carry rounding and sensor noise, and a robot driving
     * exactly at its limit must not read as speeding; 1 cm/s is far below any excess that matters.
     */
    public GeofenceConfig(int maxVertices, String disinfectionKind, ViolationAction defaultAction) {
        this(maxVertices, disinfectionKind, defaultAction, 0.01);
    }

    public static GeofenceConfig defaults() {
        return new GeofenceConfig(10_000, "DISINFECTION", ViolationAction.ALERT);
    }

    public GeofenceConfig withMaxVertices(int value) {
        return new GeofenceConfig(value, disinfectionKind, defaultAction, speedToleranceMps);
    }
}
