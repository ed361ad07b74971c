package dev.provingground.server.tasks;

import dev.provingground.server.elevator.ElevatorManager;
import dev.provingground.server.elevator.FinishedRide;
import dev.provingground.server.elevator.Rider;
import dev.provingground.server.orders.PlannedNode;
import dev.provingground.server.orders.RouteOrders;
import dev.provingground.site.ElevatorCar;
import dev.provingground.site.Site;
import dev.provingground.site.Waypoint;
import dev.provingground.vda5050.Action;
import dev.provingground.vda5050.ActionParameter;
import dev.provingground.vda5050.ActionStatus;
import dev.provingground.vda5050.BlockingType;
import dev.provingground.vda5050.Order;
import dev.provingground.vda5050.State;

import java.util.List;
import java.util.Optional;

/**
 * Gets a robot out of an elevator car it was left in — the server stopped while it rode, and a restarted server has
 * no ride for it. The elevator manager brings the car to a floor with the doors open; the robot is then ordered out
 * to the car's door waypoint there, and only after that is it given work again.
 */
final class Rescue {

    private final Rider rider;
    private final Site site;
    private final ElevatorManager elevator;
    private final ElevatorCar car;
    private final String orderId;
    private String actionId;

    Rescue(Rider rider, Site site, ElevatorManager elevator, ElevatorCar car, long attempt) {
        this.rider = rider;
        this.site = site;
        this.elevator = elevator;
        this.car = car;
        this.orderId = "rescue-" + rider.robotId() + "-" + attempt;
    }

    String car() {
        return car.id();
    }

    /** The order out of the car, once the car stands open for the robot; empty until then, or once sent. */
    Optional<Order> orderOut() {
        if (actionId != null || !elevator.arrived(rider.robotId())) return Optional.empty();
        String floor = elevator.floorsOf(rider.robotId()).orElseThrow().get(1);
        Waypoint door = site.waypoint(car.doorWaypoints().get(floor)).orElseThrow();
        actionId = orderId + "-lift-0-0";
        Action alight = Action.of("elevatorAlight", actionId, BlockingType.HARD, List.of(
                ActionParameter.of("liftName", car.id()),
                ActionParameter.of("sessionId", elevator.sessionOf(rider.robotId()).orElse("")),
                ActionParameter.of("robotId", rider.robotId())));
        List<PlannedNode> plan = List.of(
                new PlannedNode(RouteOrders.carNode(car.id(), floor), floor, door.x(), door.y(), List.of(alight), null, null),
                new PlannedNode(door.id(), floor, door.x(), door.y(), List.of(), null, null));
        return Optional.of(RouteOrders.slice(orderId, 0, plan, 0, plan.size() - 1));
    }

    /** The ride record once the robot reports it got off; the car is released then. */
    Optional<FinishedRide> outOfTheCar(State state) {
        if (actionId == null || !orderId.equals(state.orderId())) return Optional.empty();
        boolean off = state.actionStates().stream()
                .anyMatch(a -> a.actionId().equals(actionId) && a.actionStatus() == ActionStatus.FINISHED);
        return off ? elevator.alighted(rider.robotId()) : Optional.empty();
    }

    /** The robot could not get off (the car moved on, the doors closed): try again with a fresh order. */
    boolean failed(State state) {
        if (actionId == null || !orderId.equals(state.orderId())) return false;
        return state.actionStates().stream()
                .anyMatch(a -> a.actionId().equals(actionId) && a.actionStatus() == ActionStatus.FAILED);
    }
}
