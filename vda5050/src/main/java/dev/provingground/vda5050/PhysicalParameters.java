package dev.provingground.vda5050;

/**
 * Factsheet: physical limits (m/s, rad/s, m/s², metres). {@code angularSpeedMin/Max} are in the 2.1.0 text
 * but missing from its published schema; they are kept here and the schema is patched to type-check them.
 */
public record PhysicalParameters(double speedMin, double speedMax, Double angularSpeedMin, Double angularSpeedMax,
                                 double accelerationMax, double decelerationMax, Double heightMin, double heightMax,
                                 double width, double length) {
}
