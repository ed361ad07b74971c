package dev.provingground.geofence.route;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The verdict on a planned route: its stretches in driving order. */
public record RouteCheck(String level, List<RouteSegment> segments) {

    public RouteCheck {
        segments = List.copyOf(segments);
    }

    /** Whether any stretch is forbidden to the robot. */
    public boolean forbidden() {
        return segments.stream().anyMatch(RouteSegment::forbidden);
    }

    /** Every zone the route passes through, in the order it first enters them. */
    public Set<String> zonesCrossed() {
        Set<String> ids = new LinkedHashSet<>();
        segments.forEach(s -> ids.addAll(s.zoneIds()));
        return ids;
    }

    /** The forbidden stretches. */
    public List<RouteSegment> forbiddenSegments() {
        return segments.stream().filter(RouteSegment::forbidden).toList();
    }
}
