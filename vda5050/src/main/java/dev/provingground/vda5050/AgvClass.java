package dev.provingground.vda5050;

/** Simplified class of a robot type (factsheet). */
public enum AgvClass {
    FORKLIFT, CONVEYOR, TUGGER, CARRIER
}
