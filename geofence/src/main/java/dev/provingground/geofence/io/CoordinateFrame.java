package dev.provingground.geofence.io;

import java.util.Locale;

/**
 * The frame GeoJSON coordinates are written in. RFC 7946 forbids a {@code crs} member, so the frame is named by
 * a {@code "frame"} member of the FeatureCollection (or a {@code "frame"} property of a single Feature, which also
 * overrides the collection's for that feature).
 */
public enum CoordinateFrame {
    /** The level's metric frame: x, y in metres, as VDA 5050 {@code agvPosition}. The default. */
    LOCAL("local"),
    /** RFC 7946 WGS 84 longitude, latitude in degrees; needs the site's geo anchor. */
    WGS84("wgs84");

    private final String jsonName;

    CoordinateFrame(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** @return the frame, or null when the name is not one */
    public static CoordinateFrame fromJson(String name) {
        for (CoordinateFrame f : values()) {
            if (f.jsonName.equals(name.toLowerCase(Locale.ROOT))) return f;
        }
        return null;
    }
}
