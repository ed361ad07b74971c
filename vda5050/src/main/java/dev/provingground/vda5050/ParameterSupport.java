package dev.provingground.vda5050;

/** How a robot type supports an optional protocol parameter (factsheet). */
public enum ParameterSupport {
    SUPPORTED, REQUIRED
}
