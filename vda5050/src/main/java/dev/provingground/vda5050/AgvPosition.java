package dev.provingground.vda5050;

/** The robot's pose on a map (metres, radians) and how sure it is of it. */
public record AgvPosition(double x, double y, double theta, String mapId, String mapDescription,
                          boolean positionInitialized, Double localizationScore, Double deviationRange) {

    public static AgvPosition of(double x, double y, double theta, String mapId) {
        return new AgvPosition(x, y, theta, mapId, null, true, null, null);
    }
}
