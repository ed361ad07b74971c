package dev.provingground.vda5050;

/** Factsheet: message timing in seconds. */
public record Timing(double minOrderInterval, double minStateInterval, Double defaultStateInterval,
                     Double visualizationInterval) {
}
