package dev.provingground.report.model;

import java.math.BigDecimal;

/**
 * One robot's figures over the bundle's period, by the rules of docs/KPIS.md applied to that robot's events alone.
 *
 * @param distanceKm     distance driven
 * @param operatingHours operating time
 * @param maxSpeed       the highest speed of its state samples, m/s; {@code null} without samples
 */
public record RobotFigures(String robot, BigDecimal distanceKm, BigDecimal operatingHours, long events,
                           long interventions, long incidents, long violations, long overspeeds, long linkLosses,
                           Double maxSpeed) {
}
