package dev.provingground.vda5050;

/** A NURBS control point; weight defaults to 1.0 when absent. */
public record ControlPoint(double x, double y, Double weight) {

    public static ControlPoint of(double x, double y) {
        return new ControlPoint(x, y, null);
    }
}
