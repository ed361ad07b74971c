package dev.provingground.server.orders;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.Position;
import dev.provingground.geofence.index.ZoneSet;
import dev.provingground.geofence.route.RobotTraits;
import dev.provingground.geofence.route.RouteChecker;
import dev.provingground.server.registry.Robot;
import dev.provingground.site.Site;
import dev.provingground.site.SiteGraph;
import dev.provingground.site.Waypoint;
import dev.provingground.vda5050.Action;
import dev.provingground.vda5050.Edge;
import dev.provingground.vda5050.Node;
import dev.provingground.vda5050.NodePosition;
import dev.provingground.vda5050.Order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a path of nav-graph waypoints (and, for coverage, free positions after it) as a VDA 5050 order: a node
 * per waypoint on its level's map, an edge between consecutive nodes limited to the lane's speed limit and the
 * lowest zone limit in force along it (the geofence route check), so a robot that follows its order is never
 * caught speeding — only a faulty one.
 */
public final class RouteOrders {

    /** Edges are limited a little under the limit: the limit itself is what enforcement measures against. */
    static final double MARGIN = 0.95;

    private final Site site;
    private final SiteGraph graph;
    private final RouteChecker routes;

    public RouteOrders(Site site) {
        this.site = site;
        this.graph = new SiteGraph(site);
        this.routes = new RouteChecker(GeofenceConfig.defaults(), site.timeZone());
    }

    public Site site() {
        return site;
    }

    /** A free position to drive to after the waypoints, with actions on arrival. */
    public record Point(double x, double y, List<Action> actions) {
    }

    /**
     * @param waypoints    waypoint ids in driving order (a passage or elevator between levels is just the next id)
     * @param finalActions actions at the last waypoint
     * @param coverage     free positions driven after the last waypoint, on its level; may be empty
     */
    public Order order(String orderId, List<String> waypoints, List<Action> finalActions, List<Point> coverage,
                       Robot robot, ZoneSet zones, Instant now) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        Waypoint previous = null;
        String previousLevel = null;
        for (int i = 0; i < waypoints.size(); i++) {
            String id = waypoints.get(i);
            Waypoint w = site.waypoint(id).orElseThrow(() -> new IllegalArgumentException(
                    "no waypoint " + id + " at site " + site.id()));
            String level = site.levelOf(w.id()).orElseThrow().id();
            boolean last = i == waypoints.size() - 1;
            addNode(nodes, edges, w.id(), w.x(), w.y(), level, last ? finalActions : List.of(),
                    previous == null || !level.equals(previousLevel) ? null
                            : limit(previous, w, level, robot, zones, now));
            previous = w;
            previousLevel = level;
        }
        for (int i = 0; i < coverage.size(); i++) {
            Point p = coverage.get(i);
            addNode(nodes, edges, "cover-" + i, p.x(), p.y(), previousLevel, p.actions(), null);
        }
        return Order.create(orderId, 0, nodes, edges);
    }

    private static void addNode(List<Node> nodes, List<Edge> edges, String id, double x, double y, String level,
                                List<Action> actions, Double maxSpeed) {
        long seq = 2L * nodes.size();
        if (!nodes.isEmpty()) {
            Node from = nodes.get(nodes.size() - 1);
            Edge edge = Edge.of(from.nodeId() + ">" + id, seq - 1, true, from.nodeId(), id, List.of());
            edges.add(maxSpeed == null ? edge : edge.withMaxSpeed(maxSpeed));
        }
        nodes.add(Node.of(id, seq, true, NodePosition.of(x, y, level), actions));
    }

    private Double limit(Waypoint a, Waypoint b, String level, Robot robot, ZoneSet zones, Instant now) {
        Double limit = graph.lane(a.id(), b.id()).map(l -> l.speedLimit()).orElse(null);
        var check = routes.check(zones, level, List.of(new Position(a.x(), a.y()), new Position(b.x(), b.y())),
                new RobotTraits(robot.id(), robot.kind(), robot.firm(), null), now);
        for (var segment : check.segments())
            if (segment.speedLimit() != null) limit = limit == null ? segment.speedLimit() : Math.min(limit, segment.speedLimit());
        return limit == null ? null : limit * MARGIN;
    }
}
