package dev.provingground.server.registry;

/** Where a robot is: metres and radians in the frame of level {@code mapId}. */
public record RobotPosition(String mapId, double x, double y, double theta, boolean initialized) {
}
