package dev.provingground.vda5050;

/** Kind of wheel (factsheet geometry). */
public enum WheelType {
    DRIVE, CASTER, FIXED, MECANUM
}
