package dev.provingground.app.demo;

import dev.provingground.server.wiring.FleetServer;
import dev.provingground.server.orders.RouteOrders;
import dev.provingground.server.registry.RobotPosition;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotStatus;
import dev.provingground.site.Charger;
import dev.provingground.site.Level;
import dev.provingground.site.Place;
import dev.provingground.site.Site;
import dev.provingground.site.SiteGraph;
import dev.provingground.site.Waypoint;
import dev.provingground.vda5050.Action;
import dev.provingground.vda5050.ActionParameter;
import dev.provingground.vda5050.BlockingType;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.InstantActions;
import dev.provingground.vda5050.Order;
import dev.provingground.vda5050.State;
import dev.provingground.trackrecord.event.Intervention;
import dev.provingground.trackrecord.event.TrackEvent;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.logging.Logger;
import dev.provingground.vda5050.ActionStatus;
import java.time.Instant;

/**
 * Keeps the demo fleet moving until the dispatcher exists: every idle robot gets, after a short dwell, an order to
 * a random place on its level along the site's nav graph — serving robots to restaurant tables, the others to any
 * place — and a robot low on battery is sent to a charger and charged. Orders go through the server's own
 * {@link dev.provingground.server.orders.OrderSender}, the path every order takes.
 */
public final class DemoTraffic {

    private static final Logger LOG = Logger.getLogger(DemoTraffic.class.getName());
    static final double LOW_BATTERY = 30;
    static final double CHARGED = 95;

    private final Vertx vertx;
    private final FleetServer server;
    private final Site site;
    private final SiteGraph graph;
    private final RouteOrders orders;
    private final Random random;
    private final Map<String, Long> idleSince = new HashMap<>();
    private final Map<String, Integer> orderCount = new HashMap<>();
    private final Map<String, Long> pausedSince = new HashMap<>();
    /** How long the demo's remote operator takes to look at a robot enforcement stopped. */
    static final long ASSIST_AFTER_MILLIS = 8000;
    private long timer = -1;

    public DemoTraffic(Vertx vertx, FleetServer server, Site site, long seed) {
        this.vertx = vertx;
        this.server = server;
        this.site = site;
        this.graph = new SiteGraph(site);
        this.orders = new RouteOrders(site);
        this.random = new Random(seed);
    }

    public void start() {
        server.context().runOnContext(v -> timer = vertx.setPeriodic(500, id -> tick()));
    }

    public void stop() {
        if (timer >= 0) vertx.cancelTimer(timer);
    }

    private void tick() {
        long now = System.currentTimeMillis();
        var onTasks = server.tasks().busyRobots();
        for (Robot robot : server.registry().all()) {
            if (!robot.site().equals(site.id())) continue;
            RobotStatus status = server.registry().status(robot.id());
            Optional<State> state = server.registry().lastState(robot.id());
            if (status == null || status.connection() != ConnectionState.ONLINE || state.isEmpty()
                    || status.position() == null) continue;
            if (Boolean.TRUE.equals(status.paused())) {
                assistWhenPausedLong(robot, now, onTasks.contains(robot.id()));
                continue;
            }
            pausedSince.remove(robot.id());
            // Robots on a task are the dispatcher's; the demo's own errands are for the idle ones.
            if (onTasks.contains(robot.id())) continue;
            if (!state.get().nodeStates().isEmpty() || state.get().actionStates().stream()
                    .anyMatch(a -> a.actionStatus() == ActionStatus.RUNNING)) {
                idleSince.remove(robot.id());
                continue;
            }
            if (Boolean.TRUE.equals(status.charging())) {
                if (status.battery() != null && status.battery() >= CHARGED) stopCharging(robot);
                continue;
            }
            // A robot's first order goes out at once; after that it dwells 1-3 s between jobs.
            long since = idleSince.computeIfAbsent(robot.id(), k -> orderCount.containsKey(k) ? now : 0L);
            if (now - since < 1000 + random.nextInt(2000)) continue;
            idleSince.remove(robot.id());
            boolean low = status.battery() != null && status.battery() < LOW_BATTERY;
            sendNextOrder(robot, status.position(), low);
        }
    }

    private void sendNextOrder(Robot robot, RobotPosition at, boolean toCharger) {
        Level level = site.level(at.mapId()).orElse(null);
        if (level == null) return;
        Waypoint from = level.nearestWaypoint(at.x(), at.y());
        List<String> targets = new ArrayList<>();
        if (toCharger) {
            for (Charger c : site.chargers()) if (c.level().equals(level.id())) targets.add(c.waypoint());
        } else {
            for (Place p : site.places()) {
                if (!p.level().equals(level.id()) || p.waypoint().equals(from.id())) continue;
                if (robot.kind().equals("SERVING") && !p.name().startsWith("table-") && !p.name().contains("kitchen"))
                    continue;
                targets.add(p.waypoint());
            }
        }
        if (targets.isEmpty()) return;
        String target = targets.get(random.nextInt(targets.size()));
        Optional<List<Waypoint>> path = graph.shortestPath(from.id(), target);
        if (path.isEmpty()) {
            LOG.fine(() -> robot.id() + ": no path " + from.id() + " -> " + target);
            return;
        }
        List<Action> finalActions = new ArrayList<>();
        if (toCharger) finalActions.add(Action.of("startCharging", "charge-" + robot.id() + "-" + System.nanoTime(),
                BlockingType.HARD, List.of()));
        else if (!robot.kind().equals("DISINFECTION"))
            finalActions.add(Action.of("trayHandover", "handover-" + robot.id() + "-" + System.nanoTime(),
                    BlockingType.HARD, List.of(ActionParameter.of("place", target))));
        int n = orderCount.merge(robot.id(), 1, Integer::sum);
        Order order = orders.order("demo-" + robot.serialNumber() + "-" + n,
                path.get().stream().map(Waypoint::id).toList(), finalActions, List.of(), robot,
                server.zones().engine(site.id()).zones(), Instant.now());
        server.orders().send(robot, order)
                .onFailure(e -> LOG.fine(() -> robot.id() + ": order not sent: " + e.getMessage()));
    }

    /**
     * Plays the remote operator: a robot that enforcement paused is looked at after a while, its order cancelled
     * and the pause lifted, and that intervention goes on the record. It then gets a new order from where it is.
     */
    private void assistWhenPausedLong(Robot robot, long now, boolean onTask) {
        long since = pausedSince.computeIfAbsent(robot.id(), k -> now);
        if (now - since < ASSIST_AFTER_MILLIS) return;
        pausedSince.remove(robot.id());
        // A robot on a task only resumes it; one on the demo's own errand drops the errand too.
        List<Action> assist = new ArrayList<>();
        if (!onTask) assist.add(Action.instant("cancelOrder", "assist-cancel-" + robot.id() + "-" + now,
                BlockingType.HARD, List.of()));
        assist.add(Action.instant("stopPause", "assist-resume-" + robot.id() + "-" + now, BlockingType.HARD, List.of()));
        server.orders().send(robot, InstantActions.create(assist))
                .onSuccess(sent -> server.events().publish(new TrackEvent(Instant.ofEpochMilli(now),
                        robot.site(), robot.firm(), robot.id(), new Intervention(Intervention.Kind.REMOTE_ASSIST,
                        onTask ? "paused by geofence enforcement; resumed on its task by the remote operator"
                                : "paused by geofence enforcement; order cancelled and robot resumed by the remote operator",
                        (now - since) / 1000.0))))
                .onFailure(e -> LOG.fine(() -> robot.id() + ": assist not sent: " + e.getMessage()));
    }

    private void stopCharging(Robot robot) {
        server.orders().send(robot, InstantActions.create(List.of(Action.instant("stopCharging",
                        "stop-charging-" + robot.id() + "-" + System.nanoTime(), BlockingType.HARD, List.of()))))
                .onFailure(e -> LOG.fine(() -> robot.id() + ": stopCharging not sent: " + e.getMessage()));
    }

}
