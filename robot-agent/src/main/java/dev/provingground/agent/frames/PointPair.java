package dev.provingground.agent.frames;

/** One place known in both frames: where the robot's ROS map has it and where the site's level has it (metres). */
public record PointPair(double rosX, double rosY, double levelX, double levelY) {
}
