package dev.provingground.agent.ros;

/**
 * A pose on one of the robot's ROS maps.
 *
 * @param frameId   the ROS frame it is given in ({@code map} on most robots)
 * @param deviation the position's standard deviation (metres) from the covariance, or null when not given
 */
public record RosPose(String frameId, double x, double y, double yaw, Double deviation) {
}
