package dev.provingground.vda5050;

/** Path planning type a robot type supports (factsheet). 2.0.0 misspelt the first as PHYSICAL_LINDE_GUIDED; decoding accepts that. */
public enum NavigationType {
    PHYSICAL_LINE_GUIDED, VIRTUAL_LINE_GUIDED, AUTONOMOUS
}
