package dev.provingground.agent.frames;

import java.util.List;

/**
 * A 2D similarity transform from a robot's ROS map frame to a site level's frame:
 * {@code level = scale · R(yaw) · ros + (x, y)}. Pure and immutable.
 *
 * @param x     translation, metres in the level frame
 * @param y     translation, metres in the level frame
 * @param yaw   rotation, radians (counter-clockwise)
 * @param scale level metres per ROS map metre (1 for a map drawn to scale)
 */
public record FrameTransform(double x, double y, double yaw, double scale) {

    public static final FrameTransform IDENTITY = new FrameTransform(0, 0, 0, 1);

    public FrameTransform {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(yaw))
            throw new IllegalArgumentException("transform x, y and yaw must be finite");
        if (!(scale > 0) || !Double.isFinite(scale))
            throw new IllegalArgumentException("transform scale must be > 0, got " + scale);
    }

    /** A point of the ROS map in the level frame: {@code [x, y]}. */
    public double[] toLevel(double rosX, double rosY) {
        double c = Math.cos(yaw) * scale;
        double s = Math.sin(yaw) * scale;
        return new double[]{c * rosX - s * rosY + x, s * rosX + c * rosY + y};
    }

    /** A point of the level in the ROS map frame: {@code [x, y]}. */
    public double[] toRos(double levelX, double levelY) {
        double dx = levelX - x;
        double dy = levelY - y;
        double c = Math.cos(yaw) / scale;
        double s = Math.sin(yaw) / scale;
        return new double[]{c * dx + s * dy, -s * dx + c * dy};
    }

    /** A heading of the ROS map as a heading on the level, in (-π, π]. */
    public double toLevelHeading(double rosTheta) {
        return normalize(rosTheta + yaw);
    }

    public double toRosHeading(double levelTheta) {
        return normalize(levelTheta - yaw);
    }

    static double normalize(double angle) {
        double a = Math.IEEEremainder(angle, 2 * Math.PI);
        return a <= -Math.PI ? a + 2 * Math.PI : a;
    }

    /**
     * The transform that best maps the ROS points of {@code pairs} onto their level points, in the least-squares
     * sense (the closed-form 2D similarity fit of Umeyama 1991), and how well it does.
     *
     * @param fixedScale true to fit rotation and translation only (scale 1): a map drawn to scale, where a fitted
     *                   scale would only absorb measuring error
     * @throws IllegalArgumentException for fewer than two pairs or pairs whose ROS points all coincide
     */
    public static Fit fit(List<PointPair> pairs, boolean fixedScale) {
        if (pairs == null || pairs.size() < 2)
            throw new IllegalArgumentException("fitting a map transform needs at least two point pairs, got "
                    + (pairs == null ? 0 : pairs.size()));
        int n = pairs.size();
        double rx = 0, ry = 0, lx = 0, ly = 0;
        for (PointPair p : pairs) {
            rx += p.rosX();
            ry += p.rosY();
            lx += p.levelX();
            ly += p.levelY();
        }
        rx /= n;
        ry /= n;
        lx /= n;
        ly /= n;
        // a = Σ (r·l), b = Σ (r×l) over centred points; the best rotation is atan2(b, a).
        double a = 0, b = 0, spread = 0;
        for (PointPair p : pairs) {
            double px = p.rosX() - rx, py = p.rosY() - ry;
            double qx = p.levelX() - lx, qy = p.levelY() - ly;
            a += px * qx + py * qy;
            b += px * qy - py * qx;
            spread += px * px + py * py;
        }
        if (spread < 1e-12)
            throw new IllegalArgumentException("the ROS points of the pairs all coincide: no rotation can be fitted");
        double yaw = Math.atan2(b, a);
        double scale = fixedScale ? 1.0 : Math.hypot(a, b) / spread;
        double c = Math.cos(yaw) * scale, s = Math.sin(yaw) * scale;
        FrameTransform t = new FrameTransform(lx - (c * rx - s * ry), ly - (s * rx + c * ry), normalize(yaw), scale);
        double sumSq = 0, worst = 0;
        for (PointPair p : pairs) {
            double[] q = t.toLevel(p.rosX(), p.rosY());
            double d = Math.hypot(q[0] - p.levelX(), q[1] - p.levelY());
            sumSq += d * d;
            worst = Math.max(worst, d);
        }
        return new Fit(t, Math.sqrt(sumSq / n), worst);
    }

    /**
     * A fitted transform and its residual: how far, in level metres, the mapped ROS points land from the level points
     * they were paired with. Two exact pairs fit with residual 0; a large residual means a pair was measured wrong.
     *
     * @param rmsResidual root mean square of the distances
     * @param maxResidual the largest distance
     */
    public record Fit(FrameTransform transform, double rmsResidual, double maxResidual) {
    }
}
