package dev.provingground.vda5050;

/** Who is in control of the robot. */
public enum OperatingMode {
    AUTOMATIC, SEMIAUTOMATIC, MANUAL, SERVICE, TEACHIN
}
