package dev.provingground.server.elevator;

import dev.provingground.site.Elevator;
import dev.provingground.site.ElevatorCar;
import dev.provingground.site.lift.LiftDoorState;
import dev.provingground.site.lift.LiftMode;
import dev.provingground.site.lift.LiftRequest;
import dev.provingground.site.lift.LiftState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the robot rides of one elevator (all its cars): a queue in request order, leases that lapse when a robot stops
 * renewing, one session per car, the choice of car, the rules, and what to do when the building takes a car over.
 * Pure logic with an injected clock: callers feed it car states and robot events, call {@link #tick()} often (a few
 * times a second) and publish the requests it returns. Not thread-safe: one owner (an event loop) calls it.
 *
 * <p>Which car a ride takes, and its fairness, is {@link CarChoice}'s.
 *
 * <p>A ride goes QUEUED → ASSIGNED (its session holds a car, sent to the robot's floor with doors open) → BOARDED
 * (car sent to the destination) → done when the robot reports it got off ({@link #alighted}), which ends the session.
 */
public final class ElevatorManager {

    private enum Phase { QUEUED, ASSIGNED, BOARDED }

    private static final class Ride {
        final Rider rider;
        final String from;
        final String to;
        final long ticket;
        final Instant requestedAt;
        Instant lastHeard;
        Phase phase = Phase.QUEUED;
        String carId;
        String sessionId;
        Instant boardedAt;
        Instant lastSent;
        int maxPassengers;
        boolean passengersUnknown;

        Ride(Rider rider, String from, String to, long ticket, Instant now) {
            this.rider = rider;
            this.from = from;
            this.to = to;
            this.ticket = ticket;
            this.requestedAt = now;
            this.lastHeard = now;
        }
    }

    private static final class Car {
        final ElevatorCar car;
        LiftState state;
        Instant receivedAt;
        final Set<String> evacuationsNoticed = new HashSet<>();

        Car(ElevatorCar car) {
            this.car = car;
        }
    }

    private final Elevator elevator;
    private final ZoneId timeZone;
    private final Clock clock;
    private final ElevatorManagerConfig config;
    private BoardingRules rules;
    private final Map<String, Car> cars = new LinkedHashMap<>();
    private final Map<String, Ride> rides = new LinkedHashMap<>();
    private final List<LiftRequest> outbox = new ArrayList<>();
    private long nextTicket;
    /** The car choice sees travel and service times through the cars' latest states. */
    private final CarChoice.Timing timing = new CarChoice.Timing() {
        @Override
        public boolean serves(String carId, String floor) {
            return cars.get(carId).car.serves(floor);
        }

        @Override
        public double travel(String carId, String fromFloor, String toFloor) {
            return ElevatorManager.this.travel(cars.get(carId), fromFloor, toFloor);
        }

        @Override
        public double serve(String carId, String from, String to) {
            return ElevatorManager.this.serve(cars.get(carId), from, to);
        }
    };

    public ElevatorManager(Elevator elevator, ElevatorRules rules, ZoneId timeZone, Clock clock, ElevatorManagerConfig config) {
        this.elevator = elevator;
        this.timeZone = timeZone;
        this.clock = clock;
        this.config = config;
        this.rules = new BoardingRules(rules, timeZone);
        for (ElevatorCar c : elevator.cars()) cars.put(c.id(), new Car(c));
    }

    public Elevator elevator() {
        return elevator;
    }

    public ElevatorRules rules() {
        return rules.rules();
    }

    /** New rules apply to the next decision; rides already in a car finish. */
    public void setRules(ElevatorRules newRules) {
        rules = new BoardingRules(newRules, timeZone);
    }

    // ---- robots -------------------------------------------------------------------------------------------------

    /** Puts the robot in the queue for a ride, or says why not. */
    public Decision requestRide(Rider rider, String fromFloor, String toFloor) {
        Instant now = clock.instant();
        if (rides.containsKey(rider.robotId())) {
            return Decision.no(Refusal.ALREADY_RIDING, "robot " + rider.robotId() + " already has a ride on elevator " + elevator.id());
        }
        Decision may = rules.mayRide(rider, now);
        if (!may.allowed()) return may;
        if (fromFloor.equals(toFloor)) {
            return Decision.no(Refusal.FLOOR_NOT_SERVED, "from and to are the same floor " + fromFloor);
        }
        if (cars.values().stream().noneMatch(c -> c.car.serves(fromFloor) && c.car.serves(toFloor))) {
            return Decision.no(Refusal.FLOOR_NOT_SERVED, "no car of elevator " + elevator.id() + " serves both "
                    + fromFloor + " and " + toFloor);
        }
        rides.put(rider.robotId(), new Ride(rider, fromFloor, toFloor, nextTicket++, now));
        return Decision.yes();
    }

    /**
     * A robot found in a car without a task — the server restarted while it rode, or its task ended while it was
     * aboard — is to get off. A ride it still holds on that car goes on to its destination; without one, it gets off
     * where the car stands: the car's session is taken over when it is one of this robot's (the session the robot
     * rode under), otherwise a new one is asked for once the car is free.
     */
    public Decision recover(Rider rider, String carId) {
        Ride riding = rides.get(rider.robotId());
        if (riding != null && riding.phase == Phase.BOARDED && carId.equals(riding.carId)) {
            // Its task ended while it rode: the ride goes on, and it gets off where the car was taking it.
            riding.lastHeard = clock.instant();
            return Decision.yes();
        }
        if (riding != null) {
            return Decision.no(Refusal.ALREADY_RIDING, "robot " + rider.robotId() + " already has a ride on elevator " + elevator.id());
        }
        Car car = cars.get(carId);
        if (car == null) return Decision.no(Refusal.NO_RIDE, "elevator " + elevator.id() + " has no car " + carId);
        if (car.state == null) return Decision.no(Refusal.NO_CAR_STATE, "no state from car " + carId + " yet");
        Instant now = clock.instant();
        String floor = car.state.currentFloor();
        Ride ride = new Ride(rider, floor, floor, nextTicket++, now);
        ride.phase = Phase.BOARDED;
        ride.carId = carId;
        String held = car.state.sessionId();
        ride.sessionId = held.startsWith(rider.robotId() + "-") ? held : rider.robotId() + "-" + elevator.id() + "-" + ride.ticket;
        ride.boardedAt = now;
        notePassengers(ride, car.state);
        rides.put(rider.robotId(), ride);
        return Decision.yes();
    }

    /** The robot is still there; keeps its place or car. @return false when it has no ride */
    public boolean renew(String robotId) {
        Ride ride = rides.get(robotId);
        if (ride == null) return false;
        ride.lastHeard = clock.instant();
        return true;
    }

    /** The robot gives up its ride; a car it held is released. @return false when it had none */
    public boolean cancel(String robotId) {
        Ride ride = rides.remove(robotId);
        if (ride == null) return false;
        if (ride.phase != Phase.QUEUED) release(ride);
        return true;
    }

    /** May the robot step into its car now? Also renews its lease. */
    public Decision mayBoard(String robotId) {
        Ride ride = rides.get(robotId);
        if (ride == null || ride.phase == Phase.QUEUED) {
            return Decision.no(Refusal.NO_RIDE, "robot " + robotId + " has no car assigned on elevator " + elevator.id());
        }
        Instant now = clock.instant();
        ride.lastHeard = now;
        Car car = cars.get(ride.carId);
        if (!fresh(car, now)) {
            return Decision.no(Refusal.NO_CAR_STATE, "no recent state from car " + ride.carId);
        }
        return rules.mayBoard(ride.rider, ride.from, ride.sessionId, car.state, now);
    }

    /**
     * The robot is in the car (it asked {@link #mayBoard} first): the car is sent to its destination.
     * @return no when the robot had no car waiting for it
     */
    public Decision boarded(String robotId) {
        Ride ride = rides.get(robotId);
        if (ride == null || ride.phase != Phase.ASSIGNED) {
            return Decision.no(Refusal.NO_RIDE, "robot " + robotId + " has no car waiting for it on elevator " + elevator.id());
        }
        ride.phase = Phase.BOARDED;
        ride.boardedAt = clock.instant();
        ride.lastHeard = ride.boardedAt;
        ride.lastSent = null;
        notePassengers(ride, cars.get(ride.carId).state);
        return Decision.yes();
    }

    /** The robot got off: its ride is over and the car is released. */
    public Optional<FinishedRide> alighted(String robotId) {
        Ride ride = rides.get(robotId);
        if (ride == null || ride.phase != Phase.BOARDED) return Optional.empty();
        rides.remove(robotId);
        release(ride);
        Car car = cars.get(ride.carId);
        LiftState s = car.state;
        return Optional.of(new FinishedRide(robotId, elevator.id(), ride.carId, ride.sessionId, ride.from, ride.to,
                s == null ? ride.to : s.currentFloor(), ride.requestedAt, ride.boardedAt, clock.instant(),
                ride.passengersUnknown ? null : ride.maxPassengers, s == null ? LiftMode.UNKNOWN : s.currentMode()));
    }

    // ---- cars ---------------------------------------------------------------------------------------------------

    /** The latest state of a car. @return false when the lift name is not a car of this elevator */
    public boolean onState(LiftState state) {
        Car car = cars.get(state.liftName());
        if (car == null) return false;
        car.state = state;
        car.receivedAt = clock.instant();
        for (Ride ride : rides.values()) {
            if (ride.phase == Phase.BOARDED && state.liftName().equals(ride.carId)) notePassengers(ride, state);
        }
        return true;
    }

    private static void notePassengers(Ride ride, LiftState state) {
        if (state == null || state.passengers() == null) ride.passengersUnknown = true;
        else ride.maxPassengers = Math.max(ride.maxPassengers, state.passengers());
    }

    // ---- time ---------------------------------------------------------------------------------------------------

    /** Expires leases, reacts to cars the building took over, grants cars in queue order, (re)sends requests. */
    public ManagerStep tick() {
        Instant now = clock.instant();
        List<ElevatorNotice> notices = new ArrayList<>();
        expireLeases(now, notices);
        requeueFromUnusableCars(now, notices);
        noticeEvacuations(now, notices);
        assign(now, notices);
        for (Ride ride : rides.values()) {
            if (ride.phase == Phase.QUEUED) continue;
            Car car = cars.get(ride.carId);
            if (car.state != null && car.state.currentMode().outOfService()) continue;
            if (ride.lastSent == null || !now.isBefore(ride.lastSent.plus(config.resendEvery()))) {
                outbox.add(LiftRequest.agvMode(ride.carId, now, ride.sessionId,
                        ride.phase == Phase.ASSIGNED ? ride.from : ride.to, LiftDoorState.OPEN));
                ride.lastSent = now;
            }
        }
        List<LiftRequest> requests = List.copyOf(outbox);
        outbox.clear();
        return new ManagerStep(requests, notices);
    }

    private void expireLeases(Instant now, List<ElevatorNotice> notices) {
        for (Iterator<Ride> it = rides.values().iterator(); it.hasNext(); ) {
            Ride ride = it.next();
            if (Duration.between(ride.lastHeard, now).compareTo(config.leaseTimeout()) <= 0) continue;
            it.remove();
            if (ride.phase != Phase.QUEUED) release(ride);
            notices.add(new ElevatorNotice.LeaseExpired(ride.rider.robotId(), ride.carId, ride.phase == Phase.BOARDED));
        }
    }

    private void requeueFromUnusableCars(Instant now, List<ElevatorNotice> notices) {
        for (Ride ride : rides.values()) {
            if (ride.phase != Phase.ASSIGNED) continue;
            Car car = cars.get(ride.carId);
            String why;
            if (!fresh(car, now) && car.receivedAt != null) {
                why = "car " + car.car.id() + " stopped reporting";
                release(ride);
            } else if (car.state != null && car.state.currentMode().outOfService()) {
                why = "car " + car.car.id() + " went into " + car.state.currentMode() + " mode";
            } else if (peopleInTheWay(car, now)) {
                // Held for a robot, a car with people aboard would keep them there: let it serve them first.
                why = "car " + car.car.id() + " has people aboard and the robot may not ride with them";
                release(ride);
            } else {
                continue;
            }
            notices.add(new ElevatorNotice.Requeued(ride.rider.robotId(), ride.carId, why));
            ride.phase = Phase.QUEUED;
            ride.carId = null;
            ride.sessionId = null;
            ride.lastSent = null;
        }
    }

    private void noticeEvacuations(Instant now, List<ElevatorNotice> notices) {
        for (Car car : cars.values()) {
            Optional<String> floor = car.state == null ? Optional.empty() : BoardingRules.evacuationFloor(car.state);
            if (floor.isEmpty()) {
                car.evacuationsNoticed.clear();
                continue;
            }
            Set<String> aboard = new LinkedHashSet<>(car.state.robots());
            for (Ride ride : rides.values()) {
                if (ride.phase == Phase.BOARDED && car.car.id().equals(ride.carId)) aboard.add(ride.rider.robotId());
            }
            for (String robot : aboard) {
                if (car.evacuationsNoticed.add(robot)) {
                    notices.add(new ElevatorNotice.Evacuate(robot, car.car.id(), floor.get(), car.state.currentMode()));
                }
            }
        }
    }

    private void assign(Instant now, List<ElevatorNotice> notices) {
        List<CarChoice.CarPlan> plans = new ArrayList<>();
        for (Car car : cars.values()) {
            Ride holder = holderOf(car);
            if (holder == null && !usable(car, now)) continue;
            if (holder == null) {
                plans.add(new CarChoice.CarPlan(car.car.id(), 0, car.state.currentFloor(), true));
            } else {
                String at = car.state == null ? holder.from : car.state.currentFloor();
                double freeIn = holder.phase == Phase.ASSIGNED
                        ? travel(car, at, holder.from) + serve(car, holder.from, holder.to)
                        : travel(car, at, holder.to) + config.doorSeconds() + config.transferSeconds();
                plans.add(new CarChoice.CarPlan(car.car.id(), freeIn, holder.to, false));
            }
        }
        Map<Long, Ride> waiting = new LinkedHashMap<>();
        rides.values().stream().filter(r -> r.phase == Phase.QUEUED).sorted(Comparator.comparingLong(r -> r.ticket))
                .forEach(r -> waiting.put(r.ticket, r));
        List<CarChoice.WaitingRide> queue = waiting.values().stream()
                .map(r -> new CarChoice.WaitingRide(r.ticket, r.from, r.to)).toList();
        for (CarChoice.Grant grant : CarChoice.choose(plans, queue, timing)) {
            grant(waiting.get(grant.ticket()), cars.get(grant.carId()), now, notices);
        }
    }

    private void grant(Ride ride, Car car, Instant now, List<ElevatorNotice> notices) {
        ride.phase = Phase.ASSIGNED;
        ride.carId = car.car.id();
        ride.sessionId = ride.rider.robotId() + "-" + elevator.id() + "-" + ride.ticket;
        ride.lastSent = null;
        ride.lastHeard = now;
        notices.add(new ElevatorNotice.CarAssigned(ride.rider.robotId(), ride.carId, ride.sessionId, ride.from,
                car.car.doorWaypoints().get(ride.from)));
    }

    private Ride holderOf(Car car) {
        for (Ride ride : rides.values()) {
            if (ride.phase != Phase.QUEUED && car.car.id().equals(ride.carId)) return ride;
        }
        return null;
    }

    private boolean peopleInTheWay(Car car, Instant now) {
        return car.state != null && rules.robotOnlyAt(now)
                && (car.state.passengers() == null || car.state.passengers() > 0);
    }

    /**
     * A car no ride of ours holds can take a new ride: recent state, normal service, no one else's session, and
     * nobody aboard when robots may not ride with people.
     */
    private boolean usable(Car car, Instant now) {
        if (!fresh(car, now) || peopleInTheWay(car, now)) return false;
        LiftMode mode = car.state.currentMode();
        return (mode == LiftMode.HUMAN || mode == LiftMode.AGV) && !car.state.hasSession();
    }

    /** Every car, when this elevator's rules never let robots of {@code kind} ride; none otherwise. */
    public Set<String> carsClosedTo(String kind) {
        return rules.rules().allowsKind(kind) ? Set.of() : new TreeSet<>(cars.keySet());
    }

    /**
     * Cars that cannot serve a new ride of a robot of {@code kind} now: closed to its kind, outside the elevator's
     * service hours, their controller silent lately (or never heard), or out of service (fire, emergency, offline).
     * Routing leaves them out until they are back.
     */
    public Set<String> carsNotServing(String kind) {
        Instant now = clock.instant();
        if (!rules.rules().allowsKind(kind) || !rules.rules().inServiceAt(now, timeZone)) return new TreeSet<>(cars.keySet());
        Set<String> out = new TreeSet<>();
        for (Car car : cars.values()) {
            if (!fresh(car, now) || car.state.currentMode().outOfService()) out.add(car.car.id());
        }
        return out;
    }

    private boolean fresh(Car car, Instant now) {
        return car.state != null && !car.receivedAt.plus(config.stateStaleAfter()).isBefore(now);
    }

    /** Seconds from doors opening at {@code from} to the robot being off at {@code to}. */
    private double serve(Car car, String from, String to) {
        return 3 * config.doorSeconds() + 2 * config.transferSeconds() + travel(car, from, to);
    }

    private double travel(Car car, String a, String b) {
        List<String> order = car.state != null && car.state.availableFloors().contains(a)
                && car.state.availableFloors().contains(b) ? car.state.availableFloors() : car.car.levels();
        int i = order.indexOf(a);
        int j = order.indexOf(b);
        if (i < 0 || j < 0) return 0;
        return Math.abs(i - j) * config.secondsPerFloor();
    }

    private void release(Ride ride) {
        outbox.add(LiftRequest.endSession(ride.carId, clock.instant(), ride.sessionId));
    }

    // ---- queries ------------------------------------------------------------------------------------------------

    /** Robots waiting for a car, in request order. */
    public List<String> queue() {
        return rides.values().stream().filter(r -> r.phase == Phase.QUEUED)
                .sorted(Comparator.comparingLong(r -> r.ticket)).map(r -> r.rider.robotId()).toList();
    }

    /** The car holding the robot's ride, if one does. */
    public Optional<String> carOf(String robotId) {
        Ride ride = rides.get(robotId);
        return ride == null ? Optional.empty() : Optional.ofNullable(ride.carId);
    }

    /** The latest state the car reported, if any. */
    public Optional<LiftState> carState(String carId) {
        Car car = cars.get(carId);
        return car == null ? Optional.empty() : Optional.ofNullable(car.state);
    }

    /**
     * The robot's car stands open at its destination for its session, in a mode robots may get off in: time to
     * release the way out of the car.
     */
    public boolean arrived(String robotId) {
        Ride ride = rides.get(robotId);
        if (ride == null || ride.phase != Phase.BOARDED) return false;
        LiftState s = cars.get(ride.carId).state;
        return s != null && s.openAt(ride.to) && s.sessionId().equals(ride.sessionId);
    }

    /** The session of the robot's ride once it holds a car. */
    public Optional<String> sessionOf(String robotId) {
        Ride ride = rides.get(robotId);
        return ride == null ? Optional.empty() : Optional.ofNullable(ride.sessionId);
    }

    /** The floors of the robot's ride: from, to. */
    public Optional<List<String>> floorsOf(String robotId) {
        Ride ride = rides.get(robotId);
        return ride == null ? Optional.empty() : Optional.of(List.of(ride.from, ride.to));
    }

    public boolean isAboard(String robotId) {
        Ride ride = rides.get(robotId);
        return ride != null && ride.phase == Phase.BOARDED;
    }
}
