package dev.provingground.vda5050;

/** Size of a load's bounding box in metres; height only when known. */
public record LoadDimensions(double length, double width, Double height) {
}
