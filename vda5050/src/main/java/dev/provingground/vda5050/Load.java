package dev.provingground.vda5050;

/** A load the robot carries; every field optional. */
public record Load(String loadId, String loadType, String loadPosition, BoundingBoxReference boundingBoxReference,
                   LoadDimensions loadDimensions, Double weight) {
}
