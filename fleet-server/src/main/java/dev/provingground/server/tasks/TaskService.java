package dev.provingground.server.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provingground.geofence.ZoneState;
import dev.provingground.server.errors.ConflictException;
import dev.provingground.server.errors.InvalidInputException;
import dev.provingground.server.errors.NotFoundException;
import dev.provingground.server.elevator.ElevatorManager;
import dev.provingground.server.elevator.ElevatorNotice;
import dev.provingground.server.elevator.FinishedRide;
import dev.provingground.server.elevator.ElevatorService;
import dev.provingground.server.elevator.RideEvents;
import dev.provingground.server.elevator.RideListener;
import dev.provingground.server.elevator.Rider;
import dev.provingground.server.events.EventHub;
import dev.provingground.server.orders.OrderSender;
import dev.provingground.server.orders.RouteOrders;
import dev.provingground.server.registry.DispatchMode;
import dev.provingground.server.registry.RobotPosition;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotListener;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.server.sites.SiteCatalog;
import dev.provingground.server.time.Scheduler;
import dev.provingground.server.traffic.ZoneSlots;
import dev.provingground.server.zones.ZoneService;
import dev.provingground.site.Site;
import dev.provingground.site.routing.Leg;
import dev.provingground.trackrecord.event.TaskLifecycle;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.vda5050.Action;
import dev.provingground.vda5050.ActionParameter;
import dev.provingground.vda5050.ActionState;
import dev.provingground.vda5050.ActionStatus;
import dev.provingground.vda5050.BlockingType;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.ErrorLevel;
import dev.provingground.vda5050.InstantActions;
import dev.provingground.vda5050.Order;
import dev.provingground.vda5050.State;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import dev.provingground.site.routing.Route;
import java.time.Duration;
import java.util.HashMap;

/**
 * Tasks from request to completion: planned into stops when submitted, dispatched to the robot that can finish
 * earliest, driven stop by stop with VDA 5050 orders, followed through the robot's states, re-dispatched when its
 * robot goes offline, reports a fatal error or is taken over by hand, and persisted at every step — after a restart,
 * queued tasks stay queued and underway ones are dispatched again. Runs on the server's event loop.
 *
 * <p>A stop on another floor is reached through elevator rides: each order's base is released only up to the next
 * car the robot does not hold and extended with order updates as the elevator manager grants it ({@link Journey}).
 */
public final class TaskService implements RobotListener, RideListener {

    private static final Logger LOG = Logger.getLogger(TaskService.class.getName());

    private final TaskStore store;
    private final TaskPlanner planner;
    private final Dispatcher dispatcher;
    private final SiteCatalog sites;
    private final ZoneService zones;
    private final RobotRegistry registry;
    private final OrderSender orders;
    private final EventHub events;
    private final Clock clock;
    private final ElevatorService elevators;
    /** The order under way of each underway task, by task id; gone after a restart, when the task is dispatched again. */
    private final Map<String, Journey> journeys = new LinkedHashMap<>();
    private final ZoneSlots zoneSlots;
    private final Rescues rescues;
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final Map<String, RouteOrders> routeOrders = new LinkedHashMap<>();
    /** When each live order went out, to tell a refusal from an error left over from before it. */
    private final Map<String, Instant> orderSentAt = new HashMap<>();
    private final Scheduler scheduler;
    /** Where task ids come from: secure random in production, seeded in tests so runs repeat exactly. */
    private final Random ids;
    /** A dispatch round is already scheduled: requests until it runs are covered by it. */
    private boolean roundPending;
    /** Robots last seen with the fleet in control (AUTOMATIC or SEMIAUTOMATIC), to notice when they come back. */
    private final Map<String, Boolean> inControl = new HashMap<>();

    /** VDA 5050 error types with which a vehicle refuses an order. */
    static final Set<String> REFUSALS = Set.of("orderError", "orderUpdateError", "validationError", "noRouteError");
    static final Duration REFUSAL_GRACE = Duration.ofSeconds(2);
    /** Dispatch attempts before a task whose orders or elevator rides keep being refused fails. */
    static final int MAX_ATTEMPTS = 3;

    public TaskService(TaskStore store, TaskPlanner planner, Dispatcher dispatcher, SiteCatalog sites,
                       ZoneService zones, RobotRegistry registry, OrderSender orders, EventHub events,
                       ElevatorService elevators, Clock clock, Scheduler scheduler, Random ids) {
        this.store = store;
        this.planner = planner;
        this.dispatcher = dispatcher;
        this.sites = sites;
        this.zones = zones;
        this.registry = registry;
        this.orders = orders;
        this.events = events;
        this.clock = clock;
        this.elevators = elevators;
        this.scheduler = scheduler;
        this.ids = ids;
        this.zoneSlots = new ZoneSlots(zones);
        this.rescues = new Rescues(registry, sites, elevators, orders, events);
        elevators.addListener(this);
        for (Task t : store.loadAll().stream().sorted(Comparator.comparing((Task t) -> t.request().requestedAt())).toList()) {
            // A task under way when the server stopped is dispatched again: its robot may have finished, moved
            // on or gone; a fresh decision from where things stand now is the safe way on.
            tasks.put(t.id(), t.progress().status() == TaskStatus.UNDERWAY
                    ? t.requeued(clock.instant(), "server restarted while under way; dispatched again")
                    : t);
        }
    }

    /**
     * A task request in Open-RMF's vocabulary.
     *
     * @param firm  the vendor's own firm when a vendor asks, whose robots alone may do it; null for an operator
     * @param firms registered firms the requester chose, whose robots alone may do it; empty for any firm
     */
    public record Request(String site, String category, JsonNode description, Long earliestStartMillis,
                          Integer priority, List<String> labels, String requester, String firm, List<String> firms) {
    }

    public CompletableFuture<Task> submit(Request r) {
        if (r.site() == null || r.site().isBlank()) throw new InvalidInputException("site", "required");
        Site site = sites.find(r.site()).orElseThrow(() -> new InvalidInputException("site", "unknown site \""
                + r.site() + "\"; known: " + sites.ids()));
        TaskCategory category = TaskCategory.fromWire(r.category()).orElseThrow(() -> new InvalidInputException(
                "category", "must be one of delivery, serving, disinfection, go_to_place, charge; got \""
                + r.category() + "\""));
        if (r.description() == null || !r.description().isObject())
            throw new InvalidInputException("description", "a JSON object is required");
        List<Stop> stops = planner.plan(site.id(), category, r.description());
        Instant now = clock.instant();
        Instant earliest = r.earliestStartMillis() == null ? now : Instant.ofEpochMilli(r.earliestStartMillis());
        Task task = Task.queued(new TaskRequest(newTaskId(), site.id(), category, r.description(), earliest,
                r.priority() == null ? 0 : r.priority(), r.labels(), r.requester(), r.firm(), r.firms(),
                category.robotKind(), null, stops, now));
        // Refused at once if no robot of the site could ever do it; otherwise queued for the next dispatch round.
        Dispatcher.Outcome probe = dispatcher.choose(task, Set.of(), now);
        if (probe.impossible()) throw new InvalidInputException("task", "cannot be done: " + probe.reason(),
                Map.of("candidates", probe.decision().candidates().stream().map(TaskService::candidate).toList()));
        tasks.put(task.id(), task);
        requestDispatch();
        return store.save(task).thenApply(v -> task);
    }

    /** {@code task-} and 12 hex digits in UUID style ({@code task-1a2b3c4d-5e6f}). */
    private String newTaskId() {
        String hex = String.format("%012x", ids.nextLong() & 0xffff_ffff_ffffL);
        return "task-" + hex.substring(0, 8) + "-" + hex.substring(8);
    }

    /** A dispatch candidate as JSON-ready values: for the API and for the error of a refused task. */
    public static Map<String, Object> candidate(DispatchDecision.Candidate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("robot", c.robot());
        if (c.finishSeconds() != null) m.put("finishSeconds", c.finishSeconds());
        if (c.energyWh() != null) m.put("energyWh", c.energyWh());
        if (c.excludedBecause() != null) m.put("excludedBecause", c.excludedBecause());
        return m;
    }

    public Optional<Task> find(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    public List<Task> all() {
        return List.copyOf(tasks.values());
    }

    /** Robots doing a task now or being brought out of an elevator car; others (the demo's own traffic) leave them alone. */
    public Set<String> busyRobots() {
        Set<String> busy = new HashSet<>();
        for (Task t : tasks.values()) if (t.progress().status() == TaskStatus.UNDERWAY) busy.add(t.progress().assignedTo());
        busy.addAll(rescues.robotsInCars(busy::contains));
        return busy;
    }

    public CompletableFuture<Task> cancel(String id, String actor) {
        Task t = find(id).orElseThrow(() -> new NotFoundException("no task \"" + id + "\""));
        if (t.progress().status().isFinal()) throw new ConflictException("task " + id + " is already " + t.progress().status().wireName());
        if (t.progress().status() == TaskStatus.UNDERWAY) cancelRobotOrder(t.progress().assignedTo(), t.id());
        dropJourney(t);
        String why = "canceled by " + actor;
        publish(t, TaskLifecycle.Phase.CANCELLED, why);
        return update(t.withStatus(TaskStatus.CANCELED, clock.instant(), why));
    }

    /** Below this battery share an idle robot is sent to charge. */
    static final double CHARGE_BELOW_PERCENT = 20;

    /**
     * Asks for a dispatch round as soon as the server's context is free. Requests coalesce: while one round is
     * pending, more requests add nothing, so a burst of events costs one round.
     */
    public void requestDispatch() {
        if (roundPending) return;
        roundPending = true;
        scheduler.once(Duration.ZERO, () -> {
            roundPending = false;
            dispatchRound();
        });
    }

    /** One dispatch round: robots low on battery get a charge task, then every waiting task whose time has come. */
    public void dispatchRound() {
        Instant now = clock.instant();
        sendLowRobotsToCharge(now);
        rescues.findStranded(id -> activeTaskOf(id) != null);
        Set<String> busy = busyRobots();
        List<Task> waiting = tasks.values().stream()
                .filter(t -> t.progress().status() == TaskStatus.QUEUED || t.progress().status() == TaskStatus.STANDBY)
                .filter(t -> !t.request().earliestStart().isAfter(now))
                .sorted(Comparator.comparingInt((Task t) -> t.request().priority()).reversed()
                        .thenComparing(t -> t.request().requestedAt())).toList();
        for (Task t : waiting) {
            if (t.request().category() == TaskCategory.DISINFECTION && !zoneClosed(t)) {
                if (t.progress().status() != TaskStatus.STANDBY)
                    update(t.withStatus(TaskStatus.STANDBY, now, "waiting for the zone to be closed"));
                continue;
            }
            Dispatcher.Outcome o = dispatcher.choose(t, busy, now);
            if (o.impossible()) {
                fail(t, o.reason());
            } else if (o.robot().isPresent()) {
                busy.add(o.robot().get());
                start(t.assigned(o.robot().get(), o.decision(), now));
            } else {
                String why = waitingReason(t, o.decision());
                if (!why.equals(t.progress().reason())) update(t.withReason(why));
            }
        }
    }

    /** Why a queued task is still waiting, in the words of the last decision; kept on the task for its readers. */
    private static String waitingReason(Task t, DispatchDecision decision) {
        String why = decision.leftOut().isEmpty() ? "no robot of its kind at the site" : decision.leftOut();
        if (t.robot() == null) return "waiting for a robot; " + why;
        return "waiting for " + t.robot() + (t.carriesLoad() ? ", which carries the load" : "") + "; " + why;
    }

    private void sendLowRobotsToCharge(Instant now) {
        Set<String> covered = new HashSet<>();
        for (Task t : tasks.values()) {
            if (t.progress().status().isFinal()) continue;
            if (t.progress().assignedTo() != null) covered.add(t.progress().assignedTo());
            if (t.robot() != null) covered.add(t.robot());
        }
        for (Robot r : registry.all()) {
            var s = registry.status(r.id());
            if (covered.contains(r.id()) || r.dispatch() == DispatchMode.VENDOR || s == null || s.connection() != ConnectionState.ONLINE || s.battery() == null
                    || s.battery() >= CHARGE_BELOW_PERCENT || Boolean.TRUE.equals(s.charging())
                    || sites.find(r.site()).isEmpty()) continue;
            Task charge = Task.queued(new TaskRequest(newTaskId(), r.site(), TaskCategory.CHARGE,
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), now, 100, List.of("auto"),
                    "system: battery below " + (int) CHARGE_BELOW_PERCENT + "%", r.firm(), List.of(), null, r.id(),
                    planner.plan(r.site(), TaskCategory.CHARGE, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()),
                    now));
            LOG.info(r.id() + ": battery " + Math.round(s.battery()) + "%, sent to charge (" + charge.id() + ")");
            update(charge);
        }
    }

    private void start(Task t) {
        Robot robot = registry.require(t.progress().assignedTo());
        String decision = t.progress().decisions().isEmpty() ? null : t.progress().decisions().get(t.progress().decisions().size() - 1).summary();
        LOG.info(t.id() + " (" + t.request().category().wireName() + ", attempt " + t.progress().attempt() + "): " + decision);
        publish(t, TaskLifecycle.Phase.ASSIGNED, decision);
        var last = registry.lastState(robot.id());
        if (last.isPresent() && !last.get().nodeStates().isEmpty()) cancelRobotOrder(robot.id(), t.id());
        sendStopOrder(t);
    }

    private void sendStopOrder(Task t) {
        Robot robot = registry.require(t.progress().assignedTo());
        Site site = sites.find(t.request().site()).orElseThrow();
        var status = registry.status(robot.id());
        Stop stop = t.currentStop();
        var router = dispatcher.router(site, robot, dispatcher.profileOf(robot), clock.instant());
        String from = Dispatcher.nearest(site, status).id();
        String to = Dispatcher.stopWaypoint(site, router, stop, from);
        var route = to == null ? Optional.<Route>empty() : router.route(from, to);
        if (route.isEmpty()) {
            requeue(t, "no route from " + from + " to the stop \"" + stop.label() + "\" any more");
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
        Journey previous = journeys.put(t.id(), journey);
        if (previous != null) previous.abandon();
        Task withOrder = t.withOrder(orderId);
        update(withOrder);
        orderSentAt.put(orderId, clock.instant());
        send(withOrder, robot, journey.start());
    }

    private void send(Task t, Robot robot, Order order) {
        orders.send(robot, order).onFailure(e -> requeue(tasks.get(t.id()), "order to " + robot.id()
                + " not delivered: " + e.getMessage()));
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

    @Override
    public void stateReceived(Robot robot, State state, RobotPosition previous, Instant at) {
        rescues.stateReceived(robot, state);
        // Its first state since the server knew it: now it has a place, it may take a waiting task.
        if (previous == null) requestDispatch();
        if (state.operatingMode() != null) {
            boolean nowInControl = state.operatingMode().fleetInControl();
            Boolean before = inControl.put(robot.id(), nowInControl);
            // Handed back after being driven by hand: it may take a waiting task.
            if (nowInControl && Boolean.FALSE.equals(before)) requestDispatch();
        }
        Task t = activeTaskOf(robot.id());
        if (t == null || t.progress().orderId() == null) return;
        if (state.errors().stream().anyMatch(e -> e.errorLevel() == ErrorLevel.FATAL)) {
            requeue(t, "robot " + robot.id() + " reported a fatal error");
            // Once repaired it must not drive on with a task another robot has taken over.
            cancelRobotOrder(robot.id(), t.id());
            return;
        }
        if (state.operatingMode() != null && !state.operatingMode().fleetInControl()) {
            // The robot dropped its order when the person took it over; another robot may take the task.
            requeue(t, "robot " + robot.id() + " was taken over by hand (operatingMode " + state.operatingMode() + ")");
            return;
        }
        if (!t.progress().orderId().equals(state.orderId())) {
            refusal(t, robot, state, at);
            return;
        }
        Journey journey = journeys.get(t.id());
        if (journey != null && journey.orderId().equals(t.progress().orderId())) {
            if (!apply(t, robot, journey.advance(state))) return;
        }
        List<ActionState> ours = state.actionStates().stream().filter(a -> a.actionId().startsWith(t.progress().orderId()))
                .filter(a -> journey == null || !journey.isLiftAction(a.actionId())).toList();
        var failed = ours.stream().filter(a -> a.actionStatus() == ActionStatus.FAILED).findFirst();
        if (failed.isPresent()) {
            fail(t, "action " + failed.get().actionType() + " failed at \"" + t.currentStop().label()
                    + "\"" + (failed.get().resultDescription() == null ? "" : ": " + failed.get().resultDescription()));
            return;
        }
        boolean arrived = state.nodeStates().isEmpty();
        boolean actionsDone = ours.stream().allMatch(a -> a.actionStatus() == ActionStatus.FINISHED);
        if (!arrived || !actionsDone) return;
        if (t.progress().stopIndex() == 0 && t.progress().orderId() != null) publish(t, TaskLifecycle.Phase.STARTED, null);
        if (t.progress().stopIndex() + 1 < t.request().stops().size()) sendStopOrder(t.atStop(t.progress().stopIndex() + 1));
        else {
            dropJourney(t);
            update(t.withStatus(TaskStatus.COMPLETED, at, null));
            publish(t, TaskLifecycle.Phase.COMPLETED, null);
        }
    }

    /**
     * A robot that refuses an order keeps reporting its own order with an order or validation error (VDA 5050). Only
     * states that arrive a while after the order went out count, so an error left over from an earlier order is not
     * mistaken for a refusal of this one.
     */
    private void refusal(Task t, Robot robot, State state, Instant at) {
        Instant sent = orderSentAt.get(t.progress().orderId());
        if (sent == null || !at.isAfter(sent.plus(REFUSAL_GRACE))) return;
        var error = state.errors().stream().filter(e -> REFUSALS.contains(e.errorType())).findFirst();
        if (error.isEmpty()) return;
        String why = "robot " + robot.id() + " refused the order: " + error.get().errorType()
                + (error.get().errorDescription() == null ? "" : " (" + error.get().errorDescription() + ")");
        orderSentAt.remove(t.progress().orderId());
        requeueOrGiveUp(t, why);
    }

    /**
     * Carries out a journey step.
     *
     * @return false when the task left its order (requeued or failed), so the state needs no further look
     */
    private boolean apply(Task t, Robot robot, Journey.Step step) {
        if (step instanceof Journey.Step.Send send) {
            LOG.fine(() -> t.id() + ": order update " + send.order().orderUpdateId() + " to " + robot.id() + ", released up to "
                    + send.order().nodes().stream().filter(n -> n.released()).reduce((a, b) -> b).map(n -> n.nodeId()).orElse("?"));
            send(t, robot, send.order());
        } else if (step instanceof Journey.Step.Rode rode) {
            recordRide(t, robot, rode.ride());
            return apply(t, robot, rode.then());
        } else if (step instanceof Journey.Step.Requeue r) {
            requeue(t, r.reason());
            return false;
        } else if (step instanceof Journey.Step.Replan r) {
            requeueOrGiveUp(t, r.reason());
            return false;
        }
        return true;
    }

    private void recordRide(Task t, Robot robot, FinishedRide ride) {
        LOG.info(robot.id() + " rode " + ride.carId() + " " + ride.fromFloor() + " → " + ride.leftAtFloor()
                + " for " + t.id() + ", waited " + ride.waited().toSeconds() + " s");
        events.publish(RideEvents.of(t.request().site(), robot, ride, "task " + t.id()));
    }

    /** Moves journeys on that wait for an elevator or a zone rather than for the robot; called after each elevator tick. */
    public void advanceRides() {
        rescues.tick();
        for (Map.Entry<String, Journey> e : List.copyOf(journeys.entrySet())) {
            Task t = tasks.get(e.getKey());
            if (t == null || t.progress().status() != TaskStatus.UNDERWAY || t.progress().assignedTo() == null) continue;
            Journey.Phase phase = e.getValue().phase();
            if (phase != Journey.Phase.AT_DOOR && phase != Journey.Phase.RIDING && phase != Journey.Phase.EVACUATING
                    && !e.getValue().waitsForZone()) continue;
            registry.find(t.progress().assignedTo()).ifPresent(r -> apply(t, r, e.getValue().advance(null)));
        }
    }

    @Override
    public void notice(String site, ElevatorManager elevator, ElevatorNotice notice) {
        Task t = activeTaskOf(notice.robotId());
        Journey journey = t == null ? null : journeys.get(t.id());
        if (journey == null) return;
        Robot robot = registry.find(notice.robotId()).orElse(null);
        if (robot == null) return;
        if (notice instanceof ElevatorNotice.Evacuate evacuate) {
            apply(t, robot, journey.evacuate(evacuate.floor()));
        } else if (notice instanceof ElevatorNotice.LeaseExpired) {
            requeue(t, "the elevator ride of " + robot.id() + " lapsed: no word from the robot");
        } else if (notice instanceof ElevatorNotice.CarAssigned) {
            apply(t, robot, journey.advance(registry.lastState(robot.id()).orElse(null)));
        }
    }

    @Override
    public void connectionChanged(Robot robot, ConnectionState from, ConnectionState to, Instant at) {
        if (to == ConnectionState.ONLINE) {
            requestDispatch();
            return;
        }
        Task t = activeTaskOf(robot.id());
        if (t != null) requeue(t, "robot " + robot.id() + " went " + to);
    }

    /**
     * A robot whose vendor's own fleet manager takes over gives back its task, as when it goes offline, and the order
     * driving it is withdrawn; a task waiting for it alone then fails in the next round, saying why.
     */
    @Override
    public void dispatchChanged(Robot robot, DispatchMode from, String actor, Instant at) {
        if (robot.dispatch() != DispatchMode.VENDOR) return;
        Task t = activeTaskOf(robot.id());
        if (t == null) return;
        requeue(t, "robot " + robot.id() + " was switched to dispatch VENDOR by " + actor);
        cancelRobotOrder(robot.id(), t.id());
    }

    private Task activeTaskOf(String robotId) {
        for (Task t : tasks.values())
            if (t.progress().status() == TaskStatus.UNDERWAY && robotId.equals(t.progress().assignedTo())) return t;
        return null;
    }

    /** For a refusal that may pass (rules changed, an order refused): dispatch again, up to {@link #MAX_ATTEMPTS}. */
    private void requeueOrGiveUp(Task t, String why) {
        if (t.progress().attempt() >= MAX_ATTEMPTS) fail(t, why + "; gave up after " + t.progress().attempt() + " attempts");
        else requeue(t, why);
    }

    private void requeue(Task t, String why) {
        if (t == null || t.progress().status().isFinal()) return;
        dropJourney(t);
        publish(t, TaskLifecycle.Phase.REQUEUED, why);
        Task queued = t.requeued(clock.instant(), why);
        LOG.info(t.id() + ": " + queued.progress().reason() + "; dispatching again");
        update(queued);
        requestDispatch();
    }

    private void dropJourney(Task t) {
        Journey journey = journeys.remove(t.id());
        if (journey != null) journey.abandon();
    }

    private void fail(Task t, String why) {
        dropJourney(t);
        update(t.withStatus(TaskStatus.FAILED, clock.instant(), why));
        publish(t, TaskLifecycle.Phase.FAILED, why);
    }

    private boolean zoneClosed(Task t) {
        String zoneId = t.request().description().path("zone").asText();
        return zones.zone(t.request().site(), zoneId).map(z -> z.state() == ZoneState.CLOSED).orElse(false);
    }

    private void cancelRobotOrder(String robotId, String why) {
        registry.find(robotId).ifPresent(r -> orders.send(r, InstantActions.create(List.of(Action.instant("cancelOrder",
                "cancel-" + why + "-" + UUID.randomUUID(), BlockingType.HARD, List.of())))));
    }

    private CompletableFuture<Task> update(Task t) {
        Task before = tasks.put(t.id(), t);
        // Its robot is free again: a waiting task may take it now rather than at the next poll.
        if (t.progress().status().isFinal() && before != null && !before.progress().status().isFinal() && before.progress().assignedTo() != null)
            requestDispatch();
        if (before != null && before.progress().orderId() != null && !before.progress().orderId().equals(t.progress().orderId()))
            orderSentAt.remove(before.progress().orderId());
        return store.save(t).thenApply(v -> t);
    }

    private void publish(Task t, TaskLifecycle.Phase phase, String reason) {
        Robot r = t.progress().assignedTo() == null ? null : registry.find(t.progress().assignedTo()).orElse(null);
        events.publish(new TrackEvent(clock.instant(), t.request().site(), r == null ? t.request().firm() : r.firm(), r == null ? null : r.id(),
                new TaskLifecycle(t.id(), phase, t.request().category().wireName(), reason)));
    }
}
