package dev.provingground.site.routing;

/**
 * What the zones in force say about each lane of a site for robots of one kind and firm, indexed like
 * {@link NavIndex#lanes}. Shared, never modified after it is built.
 *
 * @param forbidden      whether some stretch of the lane lies where the robot may not be
 * @param zoneSpeedLimit the lowest zone {@code maxSpeed} binding the robot anywhere along the lane, in m/s;
 *                       {@link Double#POSITIVE_INFINITY} when no zone limits it
 */
record LaneVerdicts(boolean[] forbidden, double[] zoneSpeedLimit) {

    int forbiddenCount() {
        int count = 0;
        for (boolean f : forbidden) {
            if (f) count++;
        }
        return count;
    }
}
