package dev.provingground.server.tasks;

import dev.provingground.server.elevator.ElevatorService;
import dev.provingground.server.elevator.Rider;
import dev.provingground.server.orders.OrderSender;
import dev.provingground.server.orders.RouteOrders;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.server.sites.SiteCatalog;
import dev.provingground.server.traffic.ZoneSlots;
import dev.provingground.server.zones.ZoneService;
import dev.provingground.site.Site;
import dev.provingground.site.routing.Leg;
import dev.provingground.site.routing.Route;
import dev.provingground.vda5050.Action;
import dev.provingground.vda5050.ActionParameter;
import dev.provingground.vda5050.BlockingType;
import dev.provingground.vda5050.Order;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The VDA 5050 orders of a task's robot: for the stop under way, an order routed from where the robot stands, whose
 * base its {@link Journey} releases up to the next resource the robot does not hold; then the order updates the
 * journey releases. The task is saved with its order before the order goes out. An order that cannot be routed or
 * delivered puts the task back in the queue.
 */
final class StopOrders {

    private final TaskBook book;
    private final Journeys journeys;
    private final RequeuePolicy requeues;
    private final Dispatcher dispatcher;
    private final SiteCatalog sites;
    private final ZoneService zones;
    private final ZoneSlots zoneSlots;
    private final RobotRegistry registry;
    private final OrderSender orders;
    private final ElevatorService elevators;
    private final Clock clock;
    /** Order writers by site, each reading its site's graph once. */
    private final Map<String, RouteOrders> routeOrders = new LinkedHashMap<>();

    StopOrders(TaskBook book, Journeys journeys, RequeuePolicy requeues, Dispatcher dispatcher, SiteCatalog sites,
               ZoneService zones, ZoneSlots zoneSlots, RobotRegistry registry, OrderSender orders,
               ElevatorService elevators, Clock clock) {
        this.book = book;
        this.journeys = journeys;
        this.requeues = requeues;
        this.dispatcher = dispatcher;
        this.sites = sites;
        this.zones = zones;
        this.zoneSlots = zoneSlots;
        this.registry = registry;
        this.orders = orders;
        this.elevators = elevators;
        this.clock = clock;
    }

    /** Sends the assigned robot the order for the task's stop under way, as far as its journey releases it. */
    void sendForStop(Task t) {
        Robot robot = registry.require(t.progress().assignedTo());
        Site site = sites.find(t.request().site()).orElseThrow();
        var status = registry.status(robot.id());
        Stop stop = t.currentStop();
        var router = dispatcher.router(site, robot, dispatcher.profileOf(robot), clock.instant());
        String from = Dispatcher.nearest(site, status).id();
        String to = Dispatcher.stopWaypoint(site, router, stop, from);
        var route = to == null ? Optional.<Route>empty() : router.route(from, to);
        if (route.isEmpty()) {
            requeues.requeue(t, "no route from " + from + " to the stop \"" + stop.label() + "\" any more");
            return;
        }
        String orderId = t.id() + "-" + t.progress().attempt() + "-" + t.progress().stopIndex();
        List<Action> finalActions = actions(orderId, stop.actions());
        List<RouteOrders.Point> coverage = new ArrayList<>();
        for (int i = 0; i < stop.path().size(); i++) {
            List<Action> at = i == 0 ? actions(orderId + "-on", List.of(Stop.StopAction.of("uvcLampOn")))
                    : i == stop.path().size() - 1 ? actions(orderId + "-off", List.of(Stop.StopAction.of("uvcLampOff")))
                    : List.of();
            coverage.add(new RouteOrders.Point(stop.path().get(i)[0], stop.path().get(i)[1], at));
        }
        RouteOrders writer = routeOrders.get(site.id());
        if (writer == null || writer.site() != site) {
            // A site edited over the API is a new Site value: its graph must be read afresh.
            writer = new RouteOrders(site);
            routeOrders.put(site.id(), writer);
        }
        List<Leg.ElevatorRide> rides = route.get().legs().stream()
                .filter(l -> l instanceof Leg.ElevatorRide).map(l -> (Leg.ElevatorRide) l).toList();
        var plan = writer.plan(route.get().waypoints(), rides, finalActions, coverage, robot,
                zones.engine(site.id()).zones(), clock.instant());
        Instant now = clock.instant();
        var zonesAt = plan.stream().map(n -> zoneSlots.limitedZonesAt(site, n.level(), n.x(), n.y(), robot.kind(),
                robot.firm(), now)).toList();
        Journey journey = new Journey(orderId, new Rider(robot.id(), robot.kind()), site, plan, zonesAt, zoneSlots,
                elevators::manager);
        journeys.begin(t.id(), journey);
        Task withOrder = t.withOrder(orderId);
        book.update(withOrder);
        journeys.sent(orderId, clock.instant());
        send(withOrder, robot, journey.start());
    }

    /** Sends an order or order update for task {@code t}; one that does not reach the robot requeues the task. */
    void send(Task t, Robot robot, Order order) {
        orders.send(robot, order).onFailure(e -> requeues.requeue(book.findLive(t.id()).orElse(null), "order to "
                + robot.id() + " not delivered: " + e.getMessage()));
    }

    private static List<Action> actions(String prefix, List<Stop.StopAction> stopActions) {
        List<Action> out = new ArrayList<>();
        for (int i = 0; i < stopActions.size(); i++) {
            Stop.StopAction a = stopActions.get(i);
            List<ActionParameter> params = a.parameters().entrySet().stream()
                    .map(e -> ActionParameter.of(e.getKey(), e.getValue())).toList();
            out.add(Action.of(a.type(), prefix + "-a" + i, BlockingType.HARD, params));
        }
        return out;
    }
}
