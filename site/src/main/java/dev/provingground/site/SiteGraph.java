package dev.provingground.site;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The nav graph of a site for routing within one level: waypoints joined by lanes, each lane as long as
 * the straight line between its ends, one-way lanes only in their direction. Elevators and passages
 * between levels are not edges here; a multi-level router builds on top of this. Immutable once built.
 */
public final class SiteGraph {

    private record Hop(Waypoint to, Lane lane, double length) {}

    private record Reached(String waypointId, double distance) {}

    private final Map<String, Waypoint> waypoints = new HashMap<>();
    private final Map<String, String> levelOf = new HashMap<>();
    private final Map<String, List<Hop>> outgoing = new HashMap<>();

    /** @throws IllegalArgumentException when a lane names a waypoint its level does not have */
    public SiteGraph(Site site) {
        for (Level level : site.levels()) {
            for (Waypoint waypoint : level.waypoints()) {
                waypoints.put(waypoint.id(), waypoint);
                levelOf.put(waypoint.id(), level.id());
                outgoing.put(waypoint.id(), new ArrayList<>());
            }
        }
        for (Level level : site.levels()) {
            for (Lane lane : level.lanes()) {
                Waypoint from = waypointOnLevel(lane.from(), level, lane);
                Waypoint to = waypointOnLevel(lane.to(), level, lane);
                double length = from.distanceTo(to);
                outgoing.get(from.id()).add(new Hop(to, lane, length));
                if (!lane.oneWay()) {
                    outgoing.get(to.id()).add(new Hop(from, lane, length));
                }
            }
        }
    }

    private Waypoint waypointOnLevel(String waypointId, Level level, Lane lane) {
        if (!level.id().equals(levelOf.get(waypointId))) {
            throw new IllegalArgumentException("lane " + lane.from() + " -> " + lane.to() + " on level " + level.id()
                    + " names waypoint " + waypointId + ", which is not on that level");
        }
        return waypoints.get(waypointId);
    }

    /**
     * The shortest drivable path between two waypoints of the same level, both ends included (a single
     * waypoint when they are the same). Empty when the ends are on different levels or no path respects
     * the one-way lanes.
     *
     * @throws IllegalArgumentException when either waypoint does not exist
     */
    public Optional<List<Waypoint>> shortestPath(String fromWaypoint, String toWaypoint) {
        Waypoint start = existing(fromWaypoint);
        Waypoint goal = existing(toWaypoint);
        if (!levelOf.get(start.id()).equals(levelOf.get(goal.id()))) {
            return Optional.empty();
        }
        Map<String, Double> distance = new HashMap<>();
        Map<String, Waypoint> previous = new HashMap<>();
        PriorityQueue<Reached> frontier = new PriorityQueue<>((a, b) -> Double.compare(a.distance(), b.distance()));
        distance.put(start.id(), 0.0);
        frontier.add(new Reached(start.id(), 0.0));
        while (!frontier.isEmpty()) {
            Reached current = frontier.poll();
            if (current.distance() > distance.get(current.waypointId())) {
                continue; // a shorter way here was settled already
            }
            if (current.waypointId().equals(goal.id())) {
                return Optional.of(pathTo(goal, previous));
            }
            for (Hop hop : outgoing.get(current.waypointId())) {
                double through = current.distance() + hop.length();
                Double known = distance.get(hop.to().id());
                if (known == null || through < known) {
                    distance.put(hop.to().id(), through);
                    previous.put(hop.to().id(), waypoints.get(current.waypointId()));
                    frontier.add(new Reached(hop.to().id(), through));
                }
            }
        }
        return Optional.empty();
    }

    private static List<Waypoint> pathTo(Waypoint goal, Map<String, Waypoint> previous) {
        Deque<Waypoint> path = new ArrayDeque<>();
        for (Waypoint at = goal; at != null; at = previous.get(at.id())) {
            path.addFirst(at);
        }
        return List.copyOf(path);
    }

    /** Length in metres of a path: the sum of straight distances between consecutive waypoints. */
    public double length(List<Waypoint> path) {
        double length = 0;
        for (int i = 1; i < path.size(); i++) {
            length += path.get(i - 1).distanceTo(path.get(i));
        }
        return length;
    }

    /**
     * The lane a robot drives from one waypoint to a neighbouring one (to look up its speed limit or
     * kind); empty when no lane allows that direction.
     */
    public Optional<Lane> lane(String fromWaypoint, String toWaypoint) {
        existing(toWaypoint);
        return outgoing.get(existing(fromWaypoint).id()).stream()
                .filter(hop -> hop.to().id().equals(toWaypoint))
                .map(Hop::lane)
                .findFirst();
    }

    private Waypoint existing(String waypointId) {
        Waypoint waypoint = waypoints.get(waypointId);
        if (waypoint == null) {
            throw new IllegalArgumentException("unknown waypoint " + waypointId);
        }
        return waypoint;
    }
}
