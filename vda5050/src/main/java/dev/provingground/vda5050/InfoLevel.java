package dev.provingground.vda5050;

/** Level of a reported information entry. */
public enum InfoLevel {
    INFO, DEBUG
}
