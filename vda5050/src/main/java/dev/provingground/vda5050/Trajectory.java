package dev.provingground.vda5050;

import java.util.List;

/** The path of an edge as a NURBS curve; knot values lie in [0, 1]. */
public record Trajectory(long degree, List<Double> knotVector, List<ControlPoint> controlPoints) {

    public Trajectory {
        knotVector = Lists.copy("Trajectory.knotVector", knotVector);
        controlPoints = Lists.copy("Trajectory.controlPoints", controlPoints);
    }
}
