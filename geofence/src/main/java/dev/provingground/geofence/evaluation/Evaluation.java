package dev.provingground.geofence.evaluation;

import java.util.List;

/**
 * The result of evaluating one robot update.
 *
 * @param events      what changed, in order: crossings between samples, exits, ended violations, entries, started
 *                    violations
 * @param zonesInside ids of the active zones the robot is in now
 * @param speedLimit  the lowest speed limit in force for the robot here (m/s), or null when there is none
 */
public record Evaluation(List<GeofenceEvent> events, List<String> zonesInside, Double speedLimit) {
}
