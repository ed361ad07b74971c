package dev.provingground.vda5050;

/** Where an action type may be used: as instant action, on nodes or on edges (factsheet). */
public enum ActionScope {
    INSTANT, NODE, EDGE
}
