package dev.provingground.vda5050;

/** The robot's velocity in its own frame (m/s, rad/s); every part optional. */
public record Velocity(Double vx, Double vy, Double omega) {

    public static Velocity of(double vx, double vy, double omega) {
        return new Velocity(vx, vy, omega);
    }
}
