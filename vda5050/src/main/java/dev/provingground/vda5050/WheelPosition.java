package dev.provingground.vda5050;

/** Factsheet: where a wheel sits in robot coordinates (metres, radians). */
public record WheelPosition(double x, double y, Double theta) {
}
