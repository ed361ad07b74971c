package dev.provingground.server.evidence;

/**
 * What a robot's hardware can do, as its profile's factsheet says: the fastest it drives and the hardest it
 * accelerates. A position change beyond what these allow in the time between two reports is a position jump.
 *
 * @param speedMax        m/s, the factsheet's {@code physicalParameters.speedMax}
 * @param accelerationMax m/s², the factsheet's {@code physicalParameters.accelerationMax}
 */
public record MotionLimits(double speedMax, double accelerationMax) {

    public MotionLimits {
        if (!(speedMax > 0) || !Double.isFinite(speedMax))
            throw new IllegalArgumentException("speedMax must be a finite number > 0, got " + speedMax);
        if (!(accelerationMax > 0) || !Double.isFinite(accelerationMax))
            throw new IllegalArgumentException("accelerationMax must be a finite number > 0, got " + accelerationMax);
    }

    /**
     * The furthest the robot can get in {@code seconds} starting at {@code speed}: accelerating at
     * {@code accelerationMax} until it reaches {@code speedMax}, then at {@code speedMax}.
     */
    public double reach(double speed, double seconds) {
        double v0 = Math.min(Math.max(0, speed), speedMax);
        double toTop = (speedMax - v0) / accelerationMax;
        if (seconds <= toTop) return v0 * seconds + accelerationMax * seconds * seconds / 2;
        return v0 * toTop + accelerationMax * toTop * toTop / 2 + speedMax * (seconds - toTop);
    }
}
