package dev.provingground.vda5050;

/**
 * A position on a map (metres, radians). In orders it says where a node is and how exactly the robot must
 * reach it; in node states it is informational. 2.0.0 spelt {@code allowedDeviationXY} as
 * {@code allowedDeviationXy}; decoding accepts both.
 */
public record NodePosition(double x, double y, Double theta, Double allowedDeviationXY, Double allowedDeviationTheta,
                           String mapId, String mapDescription) {

    public static NodePosition of(double x, double y, String mapId) {
        return new NodePosition(x, y, null, null, null, mapId, null);
    }

    public NodePosition withTheta(double newTheta) {
        return new NodePosition(x, y, newTheta, allowedDeviationXY, allowedDeviationTheta, mapId, mapDescription);
    }

    public NodePosition withAllowedDeviationXY(double deviationMetres) {
        return new NodePosition(x, y, theta, deviationMetres, allowedDeviationTheta, mapId, mapDescription);
    }
}
