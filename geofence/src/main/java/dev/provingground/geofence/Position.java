package dev.provingground.geofence;

/** A point in a level's metric frame (metres), or lon/lat degrees where a WGS 84 frame is said to apply. */
public record Position(double x, double y) {

    @Override
    public String toString() {
        return "(" + x + ", " + y + ")";
    }
}
