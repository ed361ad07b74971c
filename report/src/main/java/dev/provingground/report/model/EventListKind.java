package dev.provingground.report.model;

/** The event lists a report carries, in the order it prints them. */
public enum EventListKind {
    INCIDENTS("list.incidents"),
    INTERVENTIONS("list.interventions"),
    VIOLATIONS("list.violations"),
    OVERSPEEDS("list.overspeeds"),
    POSITION_JUMPS("list.positionJumps"),
    LINK_LOSSES("list.linkLosses");

    private final String titleKey;

    EventListKind(String titleKey) {
        this.titleKey = titleKey;
    }

    /** The message key of the list's title. */
    public String titleKey() {
        return titleKey;
    }
}
