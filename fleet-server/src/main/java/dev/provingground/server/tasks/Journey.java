package dev.provingground.server.tasks;

import dev.provingground.server.elevator.BoardingRules;
import dev.provingground.server.elevator.Decision;
import dev.provingground.server.elevator.ElevatorManager;
import dev.provingground.server.elevator.FinishedRide;
import dev.provingground.server.elevator.Refusal;
import dev.provingground.server.elevator.Rider;
import dev.provingground.server.orders.LiftStep;
import dev.provingground.server.orders.PlannedNode;
import dev.provingground.server.orders.RouteOrders;
import dev.provingground.server.traffic.ZoneSlots;
import dev.provingground.site.Site;
import dev.provingground.site.Waypoint;
import dev.provingground.vda5050.Action;
import dev.provingground.vda5050.ActionParameter;
import dev.provingground.vda5050.ActionState;
import dev.provingground.vda5050.ActionStatus;
import dev.provingground.vda5050.BlockingType;
import dev.provingground.vda5050.Order;
import dev.provingground.vda5050.State;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * One order of a task driven through the resources on its way: the base is released only up to the next resource
 * the robot does not hold — the door of an elevator car, or the edge into a zone at its {@code maxRobots} — and
 * extended with an order update, stitched onto the last released node, as each is granted. A ride is requested when
 * the robot stands at the car's door; the way into the car is released once the elevator manager says the robot may
 * board, the way out once the car stands open at the destination. A place in a limited zone is taken before the way
 * into it is released and given back once the robot has passed a node outside it.
 *
 * <p>Pure decisions over the robot's states and the elevator manager; the caller sends the orders and records what
 * it is told. Confined to the server's event loop.
 */
final class Journey {

    enum Phase { DRIVING, AT_DOOR, BOARDING, RIDING, ALIGHTING, EVACUATING, DONE }

    /** What the caller (the {@link TaskReactor}) must do after a step. */
    sealed interface Step {
        /** Nothing to do yet. */
        record Wait() implements Step {
        }

        /** Send this order update. */
        record Send(Order order) implements Step {
        }

        /** A ride ended (completed, or cut short by an evacuation): record it. */
        record Rode(FinishedRide ride, Step then) implements Step {
        }

        /** The journey cannot go on from here; dispatch the task again from where the robot now stands. */
        record Requeue(String reason) implements Step {
        }

        /**
         * The elevator refused the ride at its door: the way planned is closed now (its rules changed after planning).
         * Record the refusal and plan the task again from where the robot stands, within the task's attempts.
         */
        record RideRefused(String elevator, String fromFloor, String toFloor, Decision refusal) implements Step {

            String reason() {
                return "elevator " + elevator + " refused the ride " + fromFloor + " → " + toFloor + ": " + refusal.reason();
            }
        }
    }

    static final Step WAIT = new Step.Wait();

    private final String orderId;
    private final Rider rider;
    private final Site site;
    private final BiFunction<String, String, Optional<ElevatorManager>> elevators;
    private final ZoneSlots slots;
    private List<PlannedNode> plan;
    /** The occupancy-limited zones each node of the plan lies in. */
    private List<Set<String>> zonesAt;
    /** Zones this journey took a place in, with the node at which the robot enters each. */
    private final Map<String, Integer> entered = new LinkedHashMap<>();
    private boolean pendingEvacuation;
    private int released;
    private long updateId;
    private int gate;
    private Phase phase = Phase.DRIVING;
    private String liftActionId;
    private String evacuationFloor;

    /**
     * @param zonesAt   the occupancy-limited zones each node of the plan lies in, for this robot
     * @param elevators the elevator manager of (site, elevator id)
     */
    Journey(String orderId, Rider rider, Site site, List<PlannedNode> plan, List<Set<String>> zonesAt, ZoneSlots slots,
            BiFunction<String, String, Optional<ElevatorManager>> elevators) {
        if (zonesAt.size() != plan.size()) throw new IllegalArgumentException("zones for " + zonesAt.size() + " of " + plan.size() + " nodes");
        this.orderId = orderId;
        this.rider = rider;
        this.site = site;
        this.plan = new ArrayList<>(plan);
        this.zonesAt = new ArrayList<>(zonesAt);
        this.slots = slots;
        this.elevators = elevators;
        this.gate = nextBoarding(0);
    }

    /**
     * The first order: from where the robot stands up to the door of the first car, or the whole way — short of the
     * first limited zone that is full.
     */
    Order start() {
        released = 0;
        claimZones(0);
        int upTo = reachable(0, driveLimit());
        released = upTo;
        return RouteOrders.slice(orderId, updateId, plan, 0, upTo);
    }

    Phase phase() {
        return phase;
    }

    String orderId() {
        return orderId;
    }

    /** True for the robot's own elevator actions, which the journey handles rather than the task. */
    boolean isLiftAction(String actionId) {
        return actionId.startsWith(orderId + "-lift-");
    }

    /** Gives up the robot's ride, if it is still waiting for or walking into a car; a robot aboard keeps its car. */
    void abandon() {
        // A robot still inside a zone is counted there by the geofence engine; the place it held is no longer needed.
        entered.keySet().forEach(z -> slots.release(site.id(), z, rider.robotId()));
        entered.clear();
        if (phase == Phase.DRIVING || phase == Phase.DONE) return;
        manager().ifPresent(m -> {
            if (!m.isAboard(rider.robotId())) m.cancel(rider.robotId());
        });
    }

    /** Moves on as far as the latest state (or, when {@code state} is null, the elevator alone) allows. */
    Step advance(State state) {
        ElevatorManager m = gate < 0 ? null : manager().orElse(null);
        if (gate >= 0 && m == null) {
            return new Step.Requeue("elevator " + plan.get(gate).lift().elevator() + " is no longer at site " + site.id());
        }
        if (m != null && phase != Phase.DRIVING) m.renew(rider.robotId());
        if (state != null) leaveZonesBehind(state);
        return switch (phase) {
            case DRIVING -> drive(m, state);
            case AT_DOOR -> board(m);
            case BOARDING -> state == null ? WAIT : boarded(m, state);
            case RIDING -> m.arrived(rider.robotId()) ? alight(m) : WAIT;
            case EVACUATING -> pendingEvacuation ? evacuationTick() : state == null ? WAIT : alighted(m, state);
            case ALIGHTING -> state == null ? WAIT : alighted(m, state);
            case DONE -> WAIT;
        };
    }

    /** The car was taken over by the building: get off at {@code floor} once the car opens there. */
    Step evacuate(String floor) {
        if (phase != Phase.RIDING) return WAIT;
        ElevatorManager m = manager().orElseThrow();
        evacuationFloor = floor;
        var car = m.carState(m.carOf(rider.robotId()).orElseThrow());
        phase = Phase.EVACUATING;
        if (car.isEmpty() || !car.get().openAt(floor)) {
            pendingEvacuation = true;
            return WAIT;
        }
        return evacuationOrder(m);
    }

    /** Called on ticks while evacuating: the way out is released once the car stands open at the floor. */
    private Step evacuationTick() {
        ElevatorManager m = manager().orElseThrow();
        Optional<String> carId = m.carOf(rider.robotId());
        if (carId.isEmpty()) return new Step.Requeue("the ride of " + rider.robotId() + " ended before it got off");
        var car = m.carState(carId.get());
        return car.isPresent() && car.get().openAt(evacuationFloor) ? evacuationOrder(m) : WAIT;
    }

    private Step evacuationOrder(ElevatorManager m) {
        pendingEvacuation = false;
        String car = m.carOf(rider.robotId()).orElseThrow();
        LiftStep boardingStep = plan.get(gate).lift();
        Waypoint door = doorOf(m, car, evacuationFloor);
        PlannedNode out = new PlannedNode(RouteOrders.carNode(car, evacuationFloor), evacuationFloor, door.x(), door.y(),
                List.of(), null, new LiftStep(boardingStep.elevator(), car, boardingStep.fromLevel(), evacuationFloor, false));
        plan = new ArrayList<>(plan.subList(0, gate + 1));
        zonesAt = new ArrayList<>(zonesAt.subList(0, gate + 1));
        zonesAt.add(Set.of());
        plan.add(out.withActions(List.of(liftAction("elevatorAlight", plan.size(), car, m, null))));
        return release(gate, plan.size() - 1);
    }

    /** Waiting for a place in a zone, or for the robot to reach the door of the next car. */
    boolean waitsForZone() {
        return phase == Phase.DRIVING && released < driveLimit();
    }

    private Step drive(ElevatorManager m, State state) {
        if (released < driveLimit()) {
            int upTo = reachable(released, driveLimit());
            if (upTo > released) return release(released, upTo);
            return WAIT;
        }
        return gate >= 0 && state != null && standsAt(state, gate - 1) ? requestRide(m) : WAIT;
    }

    /** The last node of the drive before the next car, or of the whole plan. */
    private int driveLimit() {
        return gate < 0 ? plan.size() - 1 : gate - 1;
    }

    /**
     * How far past {@code from} the base may go, up to {@code limit}: up to the node before the first one that enters
     * a limited zone in which no place could be taken. Places are taken as it goes.
     */
    private int reachable(int from, int limit) {
        int upTo = from;
        for (int i = from + 1; i <= limit; i++) {
            if (!claimZones(i)) break;
            upTo = i;
        }
        return upTo;
    }

    /** Takes a place in the limited zones node {@code i} enters; false when one is full. */
    private boolean claimZones(int i) {
        Set<String> entering = new LinkedHashSet<>(zonesAt.get(i));
        if (i > 0) entering.removeAll(zonesAt.get(i - 1));
        entering.removeAll(entered.keySet());
        if (entering.isEmpty()) return true;
        if (!slots.acquireAll(site.id(), entering, rider.robotId())) return false;
        entering.forEach(z -> entered.put(z, i));
        return true;
    }

    /** Gives back the places in zones the robot has entered and left again. */
    private void leaveZonesBehind(State state) {
        if (entered.isEmpty() || !orderId.equals(state.orderId()) || state.lastNodeSequenceId() % 2 != 0) return;
        int at = (int) (state.lastNodeSequenceId() / 2);
        if (at >= plan.size() || !plan.get(at).nodeId().equals(state.lastNodeId())) return;
        for (var it = entered.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (at >= e.getValue() && !zonesAt.get(at).contains(e.getKey())) {
                slots.release(site.id(), e.getKey(), rider.robotId());
                it.remove();
            }
        }
    }

    private Step requestRide(ElevatorManager m) {
        LiftStep ride = plan.get(gate).lift();
        Decision d = m.requestRide(rider, ride.fromLevel(), ride.toLevel());
        if (!d.allowed() && d.refusal() != Refusal.ALREADY_RIDING) {
            return new Step.RideRefused(ride.elevator(), ride.fromLevel(), ride.toLevel(), d);
        }
        phase = Phase.AT_DOOR;
        return board(m);
    }

    private Step board(ElevatorManager m) {
        if (!m.mayBoard(rider.robotId()).allowed()) return WAIT;
        String car = m.carOf(rider.robotId()).orElseThrow();
        LiftStep planned = plan.get(gate).lift();
        if (!car.equals(planned.car())) moveRideTo(m, car);
        plan.set(gate, plan.get(gate).withActions(List.of(liftAction("elevatorBoard", gate, car, m, planned.toLevel()))));
        phase = Phase.BOARDING;
        return release(released, gate);
    }

    /** The manager chose another car of the same elevator: board and leave it at its own doors. */
    private void moveRideTo(ElevatorManager m, String car) {
        LiftStep in = plan.get(gate).lift();
        LiftStep out = plan.get(gate + 1).lift();
        Waypoint from = doorOf(m, car, in.fromLevel());
        Waypoint to = doorOf(m, car, in.toLevel());
        plan.set(gate, new PlannedNode(RouteOrders.carNode(car, in.fromLevel()), in.fromLevel(), from.x(), from.y(),
                List.of(), null, new LiftStep(in.elevator(), car, in.fromLevel(), in.toLevel(), true)));
        plan.set(gate + 1, new PlannedNode(RouteOrders.carNode(car, in.toLevel()), in.toLevel(), to.x(), to.y(),
                List.of(), null, new LiftStep(out.elevator(), car, out.fromLevel(), out.toLevel(), false)));
    }

    private Waypoint doorOf(ElevatorManager m, String car, String level) {
        String id = m.elevator().cars().stream().filter(c -> c.id().equals(car)).findFirst().orElseThrow()
                .doorWaypoints().get(level);
        return site.waypoint(id).orElseThrow();
    }

    private Step boarded(ElevatorManager m, State state) {
        Optional<ActionState> a = liftActionState(state);
        if (a.isEmpty() || a.get().actionStatus() != ActionStatus.FINISHED && a.get().actionStatus() != ActionStatus.FAILED) {
            return WAIT;
        }
        if (a.get().actionStatus() == ActionStatus.FAILED) {
            m.cancel(rider.robotId());
            return new Step.Requeue("robot " + rider.robotId() + " could not board car " + plan.get(gate).lift().car()
                    + (a.get().resultDescription() == null ? "" : ": " + a.get().resultDescription()));
        }
        Decision d = m.boarded(rider.robotId());
        if (!d.allowed()) return new Step.Requeue("boarding not accepted: " + d.reason());
        phase = Phase.RIDING;
        // The building may have taken the car over while the robot was stepping in; the manager noticed that once.
        var car = m.carState(m.carOf(rider.robotId()).orElseThrow());
        var recall = car.flatMap(BoardingRules::evacuationFloor);
        if (recall.isPresent()) return evacuate(recall.get());
        return m.arrived(rider.robotId()) ? alight(m) : WAIT;
    }

    private Step alight(ElevatorManager m) {
        int out = gate + 1;
        String car = plan.get(out).lift().car();
        plan.set(out, plan.get(out).withActions(List.of(liftAction("elevatorAlight", out, car, m, null))));
        int next = nextBoarding(out + 1);
        phase = Phase.ALIGHTING;
        // The way out of the car is never held back; the drive beyond it stops short of a full zone.
        claimZones(out);
        return release(gate, reachable(out, next < 0 ? plan.size() - 1 : next - 1));
    }

    private Step alighted(ElevatorManager m, State state) {
        Optional<ActionState> a = liftActionState(state);
        if (a.isEmpty() || a.get().actionStatus() != ActionStatus.FINISHED && a.get().actionStatus() != ActionStatus.FAILED) {
            return WAIT;
        }
        if (a.get().actionStatus() == ActionStatus.FAILED) {
            return new Step.Requeue("robot " + rider.robotId() + " could not leave car "
                    + m.carOf(rider.robotId()).orElse("?") + (a.get().resultDescription() == null ? ""
                    : ": " + a.get().resultDescription()));
        }
        boolean evacuated = phase == Phase.EVACUATING;
        Optional<FinishedRide> ride = m.alighted(rider.robotId());
        if (evacuated) {
            phase = Phase.DONE;
            Step then = new Step.Requeue("the robot left car " + plan.get(gate).lift().car() + " at " + evacuationFloor
                    + ": the building took the car over");
            return ride.<Step>map(r -> new Step.Rode(r, then)).orElse(then);
        }
        gate = nextBoarding(gate + 2);
        phase = Phase.DRIVING;
        Step then = drive(manager().orElse(null), state);
        return ride.<Step>map(r -> new Step.Rode(r, then)).orElse(then);
    }

    private Step release(int from, int upTo) {
        released = upTo;
        updateId++;
        return new Step.Send(RouteOrders.slice(orderId, updateId, plan, from, upTo));
    }

    private Action liftAction(String type, int node, String car, ElevatorManager m, String destination) {
        liftActionId = orderId + "-lift-" + node + "-" + updateId;
        List<ActionParameter> params = new ArrayList<>();
        params.add(ActionParameter.of("liftName", car));
        params.add(ActionParameter.of("sessionId", m.sessionOf(rider.robotId()).orElse("")));
        if (destination != null) params.add(ActionParameter.of("destinationFloor", destination));
        params.add(ActionParameter.of("robotId", rider.robotId()));
        return Action.of(type, liftActionId, BlockingType.HARD, params);
    }

    private Optional<ActionState> liftActionState(State state) {
        if (!orderId.equals(state.orderId())) return Optional.empty();
        return state.actionStates().stream().filter(a -> a.actionId().equals(liftActionId)).findFirst();
    }

    private boolean standsAt(State state, int index) {
        return orderId.equals(state.orderId()) && state.lastNodeSequenceId() == 2L * index
                && plan.get(index).nodeId().equals(state.lastNodeId());
    }

    private int nextBoarding(int from) {
        for (int i = from; i < plan.size(); i++) {
            if (plan.get(i).lift() != null && plan.get(i).lift().boarding()) return i;
        }
        return -1;
    }

    private Optional<ElevatorManager> manager() {
        return gate < 0 ? Optional.empty() : elevators.apply(site.id(), plan.get(gate).lift().elevator());
    }
}
