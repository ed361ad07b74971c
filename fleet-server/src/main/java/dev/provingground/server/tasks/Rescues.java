package dev.provingground.server.tasks;

import dev.provingground.server.elevator.Decision;
import dev.provingground.server.elevator.ElevatorManager;
import dev.provingground.server.elevator.ElevatorService;
import dev.provingground.server.elevator.RideEvents;
import dev.provingground.server.elevator.Rider;
import dev.provingground.server.events.EventHub;
import dev.provingground.server.orders.OrderSender;
import dev.provingground.server.registry.DispatchMode;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.server.sites.SiteCatalog;
import dev.provingground.site.ElevatorCar;
import dev.provingground.site.Site;
import dev.provingground.vda5050.Action;
import dev.provingground.vda5050.ActionStatus;
import dev.provingground.vda5050.BlockingType;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.InstantActions;
import dev.provingground.vda5050.State;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.logging.Logger;
import dev.provingground.vda5050.Order;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;

/**
 * Robots left in an elevator car without a ride — the server stopped while they rode, or their task ended while they
 * were aboard — are found and brought out before they are given work again: by the car reporting them aboard, or by
 * their own state (the last node reached is inside a car, and they have not reported getting off). Runs on the
 * server's event loop.
 */
final class Rescues {

    private static final Logger LOG = Logger.getLogger(Rescues.class.getName());

    private final RobotRegistry registry;
    private final SiteCatalog sites;
    private final ElevatorService elevators;
    private final OrderSender orders;
    private final EventHub events;
    /** Changed on the server's context; robot lanes ask only whether a robot is in it ({@link #rescuing}). */
    private final Map<String, Rescue> underway = new ConcurrentHashMap<>();
    private long attempts;

    Rescues(RobotRegistry registry, SiteCatalog sites, ElevatorService elevators, OrderSender orders, EventHub events) {
        this.registry = registry;
        this.sites = sites;
        this.elevators = elevators;
        this.orders = orders;
        this.events = events;
    }

    /** Robots being brought out of a car, and robots seen in one that no task of theirs explains. */
    Set<String> robotsInCars(Predicate<String> hasTask) {
        Set<String> inCars = new HashSet<>(underway.keySet());
        Set<String> withElevators = sitesWithElevators();
        if (withElevators.isEmpty()) return inCars;
        for (Robot r : registry.unordered()) {
            if (withElevators.contains(r.site()) && !hasTask.test(r.id()) && carHolding(r).isPresent())
                inCars.add(r.id());
        }
        return inCars;
    }

    /** Starts a rescue for every online robot in a car that has no task and no rescue yet. */
    void findStranded(Predicate<String> hasTask) {
        Set<String> withElevators = sitesWithElevators();
        if (withElevators.isEmpty()) return;
        List<Robot> candidates = new ArrayList<>();
        for (Robot r : registry.unordered()) {
            // A robot its vendor dispatches gets no order from the server, not even to leave a car.
            if (r.dispatch() == DispatchMode.VENDOR || !withElevators.contains(r.site()) || underway.containsKey(r.id())
                    || hasTask.test(r.id())) continue;
            var status = registry.status(r.id());
            if (status == null || status.connection() != ConnectionState.ONLINE) continue;
            candidates.add(r);
        }
        // In id order, as before: rescues are numbered as they start.
        candidates.sort(Comparator.comparing(Robot::id));
        for (Robot r : candidates) carHolding(r).ifPresent(car -> start(r, car));
    }

    /** Sites that have an elevator: no robot elsewhere can be in a car. */
    private Set<String> sitesWithElevators() {
        Set<String> withElevators = new HashSet<>();
        for (Site site : sites.all()) if (!site.elevators().isEmpty()) withElevators.add(site.id());
        return withElevators;
    }

    private void start(Robot robot, CarOf car) {
        Decision d = car.elevator().recover(new Rider(robot.id(), robot.kind()), car.car().id());
        if (!d.allowed()) {
            LOG.fine(() -> robot.id() + " is in car " + car.car().id() + " but cannot be brought out yet: " + d);
            return;
        }
        LOG.info(robot.id() + " is in car " + car.car().id() + " without a ride: bringing it out");
        underway.put(robot.id(), new Rescue(new Rider(robot.id(), robot.kind()), car.site(), car.elevator(), car.car(),
                ++attempts));
    }

    /** Sends the way out to every robot whose car now stands open for it. */
    void tick() {
        for (Map.Entry<String, Rescue> e : List.copyOf(underway.entrySet())) {
            Optional<Order> out = e.getValue().orderOut();
            if (out.isEmpty()) continue;
            registry.find(e.getKey()).ifPresent(robot -> {
                // The robot may still hold the order it was riding under; VDA 5050 takes a new one only after a cancel.
                orders.send(robot, InstantActions.create(List.of(Action.instant("cancelOrder",
                        "cancel-rescue-" + UUID.randomUUID(), BlockingType.HARD, List.of()))));
                orders.send(robot, out.get());
            });
        }
    }

    /** Whether a rescue of the robot is under way; safe to ask from any thread. */
    boolean rescuing(String robotId) {
        return underway.containsKey(robotId);
    }

    void stateReceived(Robot robot, State state) {
        Rescue rescue = underway.get(robot.id());
        if (rescue == null) return;
        Optional<ElevatorManager> elevator = managerOfCar(robot, rescue.car()).map(CarOf::elevator);
        elevator.ifPresent(m -> m.renew(robot.id()));
        var ride = rescue.outOfTheCar(state);
        if (ride.isPresent()) {
            underway.remove(robot.id());
            LOG.info(robot.id() + " is out of car " + rescue.car() + " at " + ride.get().leftAtFloor());
            events.publish(RideEvents.of(robot.site(), robot, ride.get(), "brought out after it was left aboard"));
        } else if (rescue.failed(state)) {
            underway.remove(robot.id());
            elevator.ifPresent(m -> m.cancel(robot.id()));
        }
    }

    private record CarOf(Site site, ElevatorManager elevator, ElevatorCar car) {
    }

    /** The car the robot is in, by the car's report or by the robot's own last node. */
    private Optional<CarOf> carHolding(Robot robot) {
        Site site = sites.find(robot.site()).orElse(null);
        if (site == null || site.elevators().isEmpty()) return Optional.empty();
        for (ElevatorManager m : elevators.elevators(site.id())) {
            for (ElevatorCar car : m.elevator().cars()) {
                if (m.carState(car.id()).map(s -> s.robots().contains(robot.id())).orElse(false)) {
                    return Optional.of(new CarOf(site, m, car));
                }
            }
        }
        return registry.lastState(robot.id()).filter(Rescues::lastNodeInACar)
                .flatMap(s -> managerOfCar(robot, s.lastNodeId().substring(0, s.lastNodeId().indexOf('@'))));
    }

    /**
     * Reached a node inside a car and neither got off there nor failed to get on, judging by the elevator action of
     * that node (ids {@code <order>-lift-<node index>-…}, see {@link Journey}).
     */
    private static boolean lastNodeInACar(State state) {
        if (state.lastNodeId() == null || state.lastNodeId().indexOf('@') <= 0) return false;
        String prefix = state.orderId() + "-lift-" + state.lastNodeSequenceId() / 2 + "-";
        return state.actionStates().stream().filter(a -> a.actionId().startsWith(prefix)).noneMatch(a ->
                ("elevatorAlight".equals(a.actionType()) && a.actionStatus() == ActionStatus.FINISHED)
                        || ("elevatorBoard".equals(a.actionType()) && a.actionStatus() == ActionStatus.FAILED));
    }

    private Optional<CarOf> managerOfCar(Robot robot, String carId) {
        Site site = sites.find(robot.site()).orElse(null);
        if (site == null) return Optional.empty();
        for (ElevatorManager m : elevators.elevators(site.id())) {
            for (ElevatorCar car : m.elevator().cars()) {
                if (car.id().equals(carId)) return Optional.of(new CarOf(site, m, car));
            }
        }
        return Optional.empty();
    }
}
