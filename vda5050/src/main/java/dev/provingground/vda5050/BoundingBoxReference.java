package dev.provingground.vda5050;

/** Centre of the bottom face of a load's bounding box, in robot coordinates (metres, radians). */
public record BoundingBoxReference(double x, double y, double z, Double theta) {
}
