package dev.provingground.geofence.route;

/**
 * What route checking needs to know about the robot that would drive the route.
 *
 * @param kind     robot kind (case-insensitive), null if unknown
 * @param firm     the robot's firm, null if unknown
 * @param speedCap the robot profile's speed cap in m/s, or null
 */
public record RobotTraits(String robot, String kind, String firm, Double speedCap) {
}
