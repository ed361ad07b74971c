package dev.provingground.vda5050;

/** Which point of the robot the corridor boundaries apply to. */
public enum CorridorRefPoint {
    KINEMATICCENTER, CONTOUR
}
