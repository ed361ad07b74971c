package dev.provingground.vda5050;

/** Whether an edge orientation is global (map frame) or tangential to the edge (the default). */
public enum OrientationType {
    GLOBAL, TANGENTIAL
}
