package dev.provingground.geofence.evaluation;

/** How evaluation finds the zones near a robot. */
public enum ZoneSearch {
    /** Query the level's STRtree; what the server uses. */
    STR_TREE,
    /** Test every prepared geometry of the level in turn: the baseline benchmarks compare against. */
    NAIVE_SCAN
}
