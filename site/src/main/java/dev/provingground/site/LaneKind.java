package dev.provingground.site;

/** What kind of way a lane is; rules (speed, crossing behaviour) attach to it. */
public enum LaneKind {
    /** Indoor corridor or open floor; the default on indoor levels. */
    CORRIDOR,
    /** Outdoor pavement; the default on outdoor levels. */
    SIDEWALK,
    /** Pedestrian crossing over a road, where crosswalk behaviour applies. */
    CROSSWALK,
    /** Passage through a door: narrow, people may step out unseen. */
    DOORWAY;

    static LaneKind defaultFor(boolean outdoor) {
        return outdoor ? SIDEWALK : CORRIDOR;
    }
}
