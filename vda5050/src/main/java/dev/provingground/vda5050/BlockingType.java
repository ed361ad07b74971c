package dev.provingground.vda5050;

/** Whether an action may run while driving (NONE), only while standing (SOFT) or alone (HARD). */
public enum BlockingType {
    NONE, SOFT, HARD
}
