package dev.provingground.vda5050;

/** How far (metres) the robot may leave the trajectory to the left and right, e.g. to pass an obstacle. */
public record Corridor(double leftWidth, double rightWidth, CorridorRefPoint corridorRefPoint) {
}
