package dev.provingground.vda5050;

import java.util.List;

/** Factsheet: a kind of load the robot can handle, with its limits (kg, metres, radians, m/s, seconds). */
public record LoadSet(String setName, String loadType, List<String> loadPositions,
                      BoundingBoxReference boundingBoxReference, LoadDimensions loadDimensions, Double maxWeight,
                      Double minLoadhandlingHeight, Double maxLoadhandlingHeight, Double minLoadhandlingDepth,
                      Double maxLoadhandlingDepth, Double minLoadhandlingTilt, Double maxLoadhandlingTilt,
                      Double agvSpeedLimit, Double agvAccelerationLimit, Double agvDecelerationLimit,
                      Double pickTime, Double dropTime, String description) {

    public LoadSet {
        loadPositions = Lists.copy("LoadSet.loadPositions", loadPositions);
    }
}
