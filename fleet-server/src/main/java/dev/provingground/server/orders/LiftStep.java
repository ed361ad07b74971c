package dev.provingground.server.orders;

/**
 * A node inside an elevator car: where the robot boards ({@code boarding}) on {@code fromLevel}, or where it gets off
 * on {@code toLevel}.
 */
public record LiftStep(String elevator, String car, String fromLevel, String toLevel, boolean boarding) {
}
