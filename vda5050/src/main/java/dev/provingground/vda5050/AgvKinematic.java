package dev.provingground.vda5050;

/** Simplified kinematics of a robot type (factsheet). */
public enum AgvKinematic {
    DIFF, OMNI, THREEWHEEL
}
