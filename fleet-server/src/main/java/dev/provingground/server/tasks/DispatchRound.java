package dev.provingground.server.tasks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.provingground.geofence.ZoneState;
import dev.provingground.server.registry.DispatchMode;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.server.sites.SiteCatalog;
import dev.provingground.server.zones.ZoneService;
import dev.provingground.trackrecord.event.TaskLifecycle;
import dev.provingground.vda5050.ConnectionState;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * One dispatch round: robots low on battery get a charge task, robots stranded in elevator cars are brought out, then
 * every waiting task whose time has come goes, highest priority first, to the robot the {@link Dispatcher} chooses —
 * or fails if no robot ever could, or waits, saying why. A disinfection task waits in standby until its zone is
 * closed. Runs on the server's event loop.
 */
final class DispatchRound {

    private static final Logger LOG = Logger.getLogger(DispatchRound.class.getName());

    /** Below this battery share an idle robot is sent to charge. */
    static final double CHARGE_BELOW_PERCENT = 20;

    private final TaskBook book;
    private final Dispatcher dispatcher;
    private final TaskPlanner planner;
    private final SiteCatalog sites;
    private final ZoneService zones;
    private final RobotRegistry registry;
    private final Rescues rescues;
    private final StopOrders stopOrders;
    private final RequeuePolicy requeues;
    private final OrderCancels cancels;
    private final TaskEvents events;
    private final Clock clock;

    DispatchRound(TaskBook book, Dispatcher dispatcher, TaskPlanner planner, SiteCatalog sites, ZoneService zones,
                  RobotRegistry registry, Rescues rescues, StopOrders stopOrders, RequeuePolicy requeues,
                  OrderCancels cancels, TaskEvents events, Clock clock) {
        this.book = book;
        this.dispatcher = dispatcher;
        this.planner = planner;
        this.sites = sites;
        this.zones = zones;
        this.registry = registry;
        this.rescues = rescues;
        this.stopOrders = stopOrders;
        this.requeues = requeues;
        this.cancels = cancels;
        this.events = events;
        this.clock = clock;
    }

    void run() {
        Instant now = clock.instant();
        sendLowRobotsToCharge(now);
        rescues.findStranded(id -> book.underwayWith(id) != null);
        Set<String> busy = busyRobots();
        List<Task> waiting = book.live().stream()
                .filter(t -> t.progress().status() == TaskStatus.QUEUED || t.progress().status() == TaskStatus.STANDBY)
                .filter(t -> !t.request().earliestStart().isAfter(now))
                .sorted(Comparator.comparingInt((Task t) -> t.request().priority()).reversed()
                        .thenComparing(t -> t.request().requestedAt())).toList();
        for (Task t : waiting) {
            if (t.request().category() == TaskCategory.DISINFECTION && !zoneClosed(t)) {
                if (t.progress().status() != TaskStatus.STANDBY)
                    book.update(t.withStatus(TaskStatus.STANDBY, now, "waiting for the zone to be closed"));
                continue;
            }
            Dispatcher.Outcome o = dispatcher.choose(t, busy, now);
            if (o.impossible()) {
                requeues.fail(t, o.reason());
            } else if (o.robot().isPresent()) {
                busy.add(o.robot().get());
                start(t.assigned(o.robot().get(), o.decision(), now));
            } else {
                String why = waitingReason(t, o.decision());
                if (!why.equals(t.progress().reason())) book.update(t.withReason(why));
            }
        }
    }

    /** Robots doing a task now or being brought out of an elevator car; others (the demo's own traffic) leave them alone. */
    Set<String> busyRobots() {
        Set<String> busy = book.robotsUnderway();
        busy.addAll(rescues.robotsInCars(busy::contains));
        return busy;
    }

    /** Why a queued task is still waiting, in the words of the last decision; kept on the task for its readers. */
    private static String waitingReason(Task t, DispatchDecision decision) {
        String why = decision.leftOut().isEmpty() ? "no robot of its kind at the site" : decision.leftOut();
        if (t.robot() == null) return "waiting for a robot; " + why;
        return "waiting for " + t.robot() + (t.carriesLoad() ? ", which carries the load" : "") + "; " + why;
    }

    private void sendLowRobotsToCharge(Instant now) {
        Set<String> covered = new HashSet<>();
        for (Task t : book.live()) {
            if (t.progress().status().isFinal()) continue;
            if (t.progress().assignedTo() != null) covered.add(t.progress().assignedTo());
            if (t.robot() != null) covered.add(t.robot());
        }
        record Low(Robot robot, double battery) {
        }
        List<Low> low = new ArrayList<>();
        for (Robot r : registry.unordered()) {
            if (r.dispatch() == DispatchMode.VENDOR || covered.contains(r.id())) continue;
            var s = registry.status(r.id());
            if (s == null || s.connection() != ConnectionState.ONLINE || s.battery() == null
                    || s.battery() >= CHARGE_BELOW_PERCENT || Boolean.TRUE.equals(s.charging())
                    || sites.find(r.site()).isEmpty()) continue;
            low.add(new Low(r, s.battery()));
        }
        // In id order, as before: charge tasks are numbered as they are made.
        low.sort(Comparator.comparing(l -> l.robot().id()));
        for (Low l : low) {
            Robot r = l.robot();
            Task charge = Task.queued(new TaskRequest(book.newId(), r.site(), TaskCategory.CHARGE,
                    JsonNodeFactory.instance.objectNode(), now, 100, List.of("auto"),
                    "system: battery below " + (int) CHARGE_BELOW_PERCENT + "%", r.firm(), List.of(), null, r.id(),
                    planner.plan(r.site(), TaskCategory.CHARGE, JsonNodeFactory.instance.objectNode()), now));
            LOG.info(r.id() + ": battery " + Math.round(l.battery()) + "%, sent to charge (" + charge.id() + ")");
            book.update(charge);
        }
    }

    /** Records the task assigned, withdraws whatever order its robot still drives, and sends the first order. */
    private void start(Task t) {
        Robot robot = registry.require(t.progress().assignedTo());
        List<DispatchDecision> decisions = t.progress().decisions();
        String decision = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1).summary();
        LOG.info(t.id() + " (" + t.request().category().wireName() + ", attempt " + t.progress().attempt() + "): "
                + decision);
        events.publish(t, TaskLifecycle.Phase.ASSIGNED, decision);
        var last = registry.lastState(robot.id());
        if (last.isPresent() && !last.get().nodeStates().isEmpty()) cancels.cancel(robot.id(), t.id());
        stopOrders.sendForStop(t);
    }

    private boolean zoneClosed(Task t) {
        String zoneId = t.request().description().path("zone").asText();
        return zones.zone(t.request().site(), zoneId).map(z -> z.state() == ZoneState.CLOSED).orElse(false);
    }
}
