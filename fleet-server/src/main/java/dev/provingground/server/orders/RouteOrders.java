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
import dev.provingground.site.routing.Leg;
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
     * @return the whole path released at once
     */
    public Order order(String orderId, List<String> waypoints, List<Action> finalActions, List<Point> coverage,
                       Robot robot, ZoneSet zones, Instant now) {
        List<PlannedNode> plan = plan(waypoints, List.of(), finalActions, coverage, robot, zones, now);
        return slice(orderId, 0, plan, 0, plan.size() - 1);
    }

    /**
     * Every node of a trip in driving order, with an elevator ride as two nodes in the car — boarding on the floor it
     * leaves, alighting on the floor it reaches, at the positions of the car's door waypoints — so that the trip can be
     * released piece by piece.
     *
     * @param rides the elevator rides of the route, in riding order; each joins its from and to door waypoints, which
     *              must follow each other in {@code waypoints}
     */
    public List<PlannedNode> plan(List<String> waypoints, List<Leg.ElevatorRide> rides, List<Action> finalActions,
                                  List<Point> coverage, Robot robot, ZoneSet zones, Instant now) {
        List<PlannedNode> nodes = new ArrayList<>();
        Waypoint previous = null;
        String previousLevel = null;
        int ride = 0;
        for (int i = 0; i < waypoints.size(); i++) {
            Waypoint w = waypoint(waypoints.get(i));
            String level = site.levelOf(w.id()).orElseThrow().id();
            if (ride < rides.size() && previous != null && rides.get(ride).fromWaypoint().equals(previous.id())
                    && rides.get(ride).toWaypoint().equals(w.id())) {
                Leg.ElevatorRide r = rides.get(ride++);
                nodes.add(new PlannedNode(carNode(r.car(), r.fromLevel()), r.fromLevel(), previous.x(), previous.y(),
                        List.of(), null, new LiftStep(r.elevator(), r.car(), r.fromLevel(), r.toLevel(), true)));
                nodes.add(new PlannedNode(carNode(r.car(), r.toLevel()), r.toLevel(), w.x(), w.y(), List.of(), null,
                        new LiftStep(r.elevator(), r.car(), r.fromLevel(), r.toLevel(), false)));
            }
            boolean last = i == waypoints.size() - 1;
            Double speed = previous == null || !level.equals(previousLevel) ? null : limit(previous, w, level, robot, zones, now);
            nodes.add(new PlannedNode(w.id(), level, w.x(), w.y(), last ? finalActions : List.of(), speed, null));
            previous = w;
            previousLevel = level;
        }
        if (ride < rides.size()) {
            throw new IllegalArgumentException("ride " + rides.get(ride) + " does not join consecutive waypoints of " + waypoints);
        }
        for (int i = 0; i < coverage.size(); i++) {
            Point p = coverage.get(i);
            nodes.add(new PlannedNode("cover-" + i, previousLevel, p.x(), p.y(), p.actions(), null, null));
        }
        return List.copyOf(nodes);
    }

    /** The id of the node inside a car on a level: a robot standing there is in the car. */
    public static String carNode(String car, String level) {
        return car + "@" + level;
    }

    /**
     * The order (or order update) that starts at node {@code from} of the plan — where the robot stands or the last
     * node it was already given — releases the nodes up to {@code releasedUpTo} and shows the rest as horizon. Node
     * {@code i} of a plan always has sequence id {@code 2i}, so updates stitch onto earlier ones as VDA 5050 requires.
     */
    public static Order slice(String orderId, long updateId, List<PlannedNode> plan, int from, int releasedUpTo) {
        if (from < 0 || from >= plan.size() || releasedUpTo < from || releasedUpTo >= plan.size()) {
            throw new IllegalArgumentException("slice " + from + ".." + releasedUpTo + " outside a plan of " + plan.size() + " nodes");
        }
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = from; i < plan.size(); i++) {
            PlannedNode n = plan.get(i);
            boolean released = i <= releasedUpTo;
            if (i > from) {
                PlannedNode prior = plan.get(i - 1);
                Edge edge = Edge.of(prior.nodeId() + ">" + n.nodeId(), 2L * i - 1, released, prior.nodeId(), n.nodeId(), List.of());
                edges.add(n.speedIn() == null ? edge : edge.withMaxSpeed(n.speedIn()));
            }
            nodes.add(Node.of(n.nodeId(), 2L * i, released, NodePosition.of(n.x(), n.y(), n.level()), n.actions()));
        }
        return Order.create(orderId, updateId, nodes, edges);
    }

    private Waypoint waypoint(String id) {
        return site.waypoint(id).orElseThrow(() -> new IllegalArgumentException("no waypoint " + id + " at site " + site.id()));
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
