package dev.provingground.vda5050;

/** Factsheet: protocol limits of the robot. */
public record ProtocolLimits(MaxStringLens maxStringLens, MaxArrayLens maxArrayLens, Timing timing) {
}
