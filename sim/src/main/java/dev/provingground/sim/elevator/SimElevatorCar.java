package dev.provingground.sim.elevator;

import dev.provingground.site.lift.LiftDoorState;
import dev.provingground.site.lift.LiftMode;
import dev.provingground.site.lift.LiftMotionState;
import dev.provingground.site.lift.LiftRequest;
import dev.provingground.site.lift.LiftRequestType;
import dev.provingground.site.lift.LiftState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A simulated elevator car as its controller sees it: doors that take time to open and close, travel at a fixed time
 * per floor, people who call it from the landings and ride it, a session that one requester holds, and the building's
 * fire, emergency and offline overrides. Pure logic: time advances only through {@link #advance(double)}.
 *
 * <p>Behaviour, by effective mode (FIRE beats EMERGENCY beats OFFLINE beats a session beats normal service):
 * <ul>
 *   <li>HUMAN, no session: collective control — the car serves hall calls and its riders' floors, keeping its
 *       direction while there are stops ahead; doors open at each stop, stay open while people get on and off and
 *       for the dwell time after, then close.</li>
 *   <li>Session (AGV_MODE or HUMAN_MODE): the car goes to the session's destination and, standing there, holds its
 *       doors as the request says; in HUMAN_MODE the open doors still close by themselves after the dwell time.
 *       People already aboard ride along and get off when the doors open at their floor; people waiting at an open
 *       door get on, which is how a robot comes to share a car. Requests from other sessions are ignored.</li>
 *   <li>FIRE: sessions and calls are dropped, the car goes to the recall floor, opens and keeps its doors open;
 *       everyone aboard gets off, nobody gets on.</li>
 *   <li>EMERGENCY: the car stops at the next floor, opens its doors and stays; everyone aboard gets off.</li>
 *   <li>OFFLINE: the car stops at the next floor and stays with doors closed; requests are ignored.</li>
 * </ul>
 *
 * <p>Not thread-safe: one owner calls it.
 */
public final class SimElevatorCar {

    private static final double EPS = 1e-9;
    private static final double MAX_STEP = 0.05;

    /** A simulated person: where they called from and where they are going. */
    public record Passenger(String from, String to) {
    }

    private final SimElevatorSpec spec;
    private final Random random;

    private double clock;
    private double position;
    private double doorOpenness;
    private LiftMotionState motion = LiftMotionState.STOPPED;
    /** +1 up, -1 down, 0 none: the collective-control direction in normal service. */
    private int direction;
    private double doorIdleSeconds;
    private double movingPersonSeconds;

    private String sessionId;
    private LiftRequestType sessionType;
    private int sessionTarget;
    private LiftDoorState sessionDoor;
    private double sessionLastHeard;
    private Instant lastObeyedRequestTime;

    private boolean fireAlarm;
    private boolean emergency;
    private boolean offline;
    /** Where an EMERGENCY or OFFLINE car stops: fixed when the override starts. */
    private int haltFloor = -1;
    /** The floor index chosen by the last step, -1 for none; what the state reports as destination. */
    private int currentTarget = -1;

    private final List<Passenger> waiting = new ArrayList<>();
    private final List<Passenger> riders = new ArrayList<>();
    private final Set<String> robots = new LinkedHashSet<>();

    private String lastSignature = "";
    private boolean changed = true;

    public SimElevatorCar(SimElevatorSpec spec) {
        this.spec = spec;
        this.random = new Random(spec.seed());
        this.position = spec.indexOf(spec.startFloor());
    }

    public SimElevatorSpec spec() {
        return spec;
    }

    public String liftName() {
        return spec.liftName();
    }

    // ---- requests ------------------------------------------------------------------------------------------

    /**
     * Obeys a request as a lift controller does.
     *
     * @return empty when obeyed, else why it was ignored (as a controller would log it)
     */
    public Optional<String> request(LiftRequest request) {
        if (!request.liftName().equals(spec.liftName())) return Optional.of("addressed to lift " + request.liftName());
        LiftMode mode = mode();
        if (mode == LiftMode.FIRE || mode == LiftMode.EMERGENCY || mode == LiftMode.OFFLINE) {
            return Optional.of("car is in " + mode + " mode");
        }
        if (sessionId != null && !sessionId.equals(request.sessionId())) {
            return Optional.of("car is held by session " + sessionId);
        }
        if (sessionId != null && lastObeyedRequestTime != null && request.requestTime().isBefore(lastObeyedRequestTime)) {
            return Optional.of("request of " + request.requestTime() + " is older than the last one obeyed");
        }
        if (request.requestType() == LiftRequestType.END_SESSION) {
            if (sessionId == null) return Optional.of("no session to end");
            endSession();
            return Optional.empty();
        }
        int target = spec.indexOf(request.destinationFloor());
        if (target < 0) return Optional.of("floor " + request.destinationFloor() + " is not served; floors " + spec.floors());
        sessionId = request.sessionId();
        sessionType = request.requestType();
        sessionTarget = target;
        sessionDoor = request.doorState();
        sessionLastHeard = clock;
        lastObeyedRequestTime = request.requestTime();
        doorIdleSeconds = 0;
        return Optional.empty();
    }

    private void endSession() {
        sessionId = null;
        sessionType = null;
        lastObeyedRequestTime = null;
        direction = 0;
        doorIdleSeconds = 0;
    }

    // ---- the building -----------------------------------------------------------------------------------------

    /** A fire alarm (Phase I recall) starts or is reset. */
    public void fireAlarm(boolean on) {
        if (on && !fireAlarm) {
            endSession();
            waiting.clear();
        }
        fireAlarm = on;
    }

    /** An emergency stop of the car starts or is cleared. */
    public void emergency(boolean on) {
        if (on && !emergency) {
            endSession();
            haltFloor = nextStopFloor();
        }
        emergency = on;
    }

    /** The car is taken out of service (maintenance, fault) or put back. */
    public void offline(boolean on) {
        if (on && !offline) {
            endSession();
            haltFloor = nextStopFloor();
        }
        offline = on;
    }

    /** A simulated person calls the car at {@code from} to go to {@code to}. Ignored while the car is out of service. */
    public boolean hallCall(String from, String to) {
        int a = spec.indexOf(from);
        int b = spec.indexOf(to);
        if (a < 0 || b < 0 || a == b) throw new IllegalArgumentException("hall call " + from + " → " + to + ": floors must be two different of " + spec.floors());
        if (mode().outOfService()) return false;
        waiting.add(new Passenger(from, to));
        return true;
    }

    /** A robot gets on; only possible while the car stands with open doors. */
    public boolean robotBoards(String robotId) {
        if (!standingOpen() || fireAlarm || emergency) return false;
        robots.add(robotId);
        doorIdleSeconds = 0;
        return true;
    }

    /** A robot gets off; only possible while the car stands with open doors. */
    public boolean robotLeaves(String robotId) {
        if (!standingOpen() || !robots.contains(robotId)) return false;
        robots.remove(robotId);
        doorIdleSeconds = 0;
        return true;
    }

    // ---- time -------------------------------------------------------------------------------------------------

    /** Moves the simulation on by {@code dt} seconds. */
    public void advance(double dt) {
        double left = dt;
        while (left > EPS) {
            double h = Math.min(MAX_STEP, left);
            step(h);
            left -= h;
        }
        String signature = signature();
        if (!signature.equals(lastSignature)) {
            lastSignature = signature;
            changed = true;
        }
    }

    private void step(double h) {
        clock += h;
        if (spec.hallCallsPerMinute() > 0 && sessionId == null && !mode().outOfService()
                && random.nextDouble() < h * spec.hallCallsPerMinute() / 60.0) {
            int from = random.nextInt(spec.floors().size());
            int to = (from + 1 + random.nextInt(spec.floors().size() - 1)) % spec.floors().size();
            waiting.add(new Passenger(spec.floors().get(from), spec.floors().get(to)));
        }
        if (sessionId != null && clock - sessionLastHeard > spec.sessionTimeoutSeconds()) endSession();

        int target = target();
        currentTarget = target;
        boolean atTarget = target >= 0 && Math.abs(position - target) < EPS;
        if (target >= 0 && !atTarget) {
            // Doors close before the car moves.
            if (doorOpenness > 0) {
                closeDoors(h);
                motion = LiftMotionState.STOPPED;
            } else {
                move(target, h);
            }
            return;
        }
        motion = LiftMotionState.STOPPED;
        if (wantDoorsOpen()) {
            if (doorOpenness < 1) {
                doorOpenness = Math.min(1, doorOpenness + h / spec.doorSeconds());
                doorIdleSeconds = 0;
            } else {
                exchangePeople(h);
            }
        } else {
            closeDoors(h);
        }
    }

    private void closeDoors(double h) {
        doorOpenness = Math.max(0, doorOpenness - h / spec.doorSeconds());
    }

    private void move(int target, double h) {
        double step = h / spec.secondsPerFloor();
        int sign = target > position ? 1 : -1;
        double remaining = Math.abs(target - position);
        position = step >= remaining ? target : position + sign * step;
        motion = sign > 0 ? LiftMotionState.UP : LiftMotionState.DOWN;
        if (Math.abs(position - target) < EPS) {
            position = target;
            doorIdleSeconds = 0;
            movingPersonSeconds = 0;
        }
    }

    /** The floor index the car is heading for or holding at, or -1 when it has nowhere to go. */
    private int target() {
        if (fireAlarm) return spec.indexOf(spec.fireRecallFloor());
        if (emergency || offline) return haltFloor;
        if (sessionId != null) return sessionTarget;
        return collectiveTarget();
    }

    private int collectiveTarget() {
        int here = (int) Math.round(position);
        boolean stopped = Math.abs(position - here) < EPS;
        if (stopped && servesAt(here) && doorOpenness < 1) return here;
        if (stopped && doorOpenness > 0 && (servesAt(here) || doorIdleSeconds < spec.dwellSeconds())) return here;
        int best = -1;
        for (int pass = 0; pass < 2 && best < 0; pass++) {
            int dir = direction != 0 ? direction : 1;
            if (pass == 1) dir = -dir;
            best = nearestStop(dir);
            if (best >= 0) direction = dir;
        }
        if (best < 0) {
            direction = 0;
            if (!stopped) return here;
        }
        return best;
    }

    private int nearestStop(int dir) {
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < spec.floors().size(); i++) {
            double d = (i - position) * dir;
            if (d < -EPS || !servesAt(i)) continue;
            if (Math.abs(d) < EPS && motion != LiftMotionState.STOPPED) continue;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /** Whether someone would get off at this floor, or get on (only counted while there is room). */
    private boolean servesAt(int floor) {
        String name = spec.floors().get(floor);
        for (Passenger p : riders) if (p.to().equals(name)) return true;
        if (fireAlarm) return false;
        if (riders.size() >= spec.passengerCapacity()) return false;
        for (Passenger p : waiting) if (p.from().equals(name)) return true;
        return false;
    }

    private boolean wantDoorsOpen() {
        if (fireAlarm || emergency) return true;
        if (offline) return false;
        int here = (int) Math.round(position);
        if (sessionId != null) {
            if (sessionDoor != LiftDoorState.OPEN) return false;
            if (sessionType == LiftRequestType.AGV_MODE) return true;
            return servesAt(here) || doorIdleSeconds < spec.dwellSeconds();
        }
        return servesAt(here) || (doorOpenness > 0 && doorIdleSeconds < spec.dwellSeconds());
    }

    /** People get off (all of them in an evacuation), then on, one at a time, while the doors are fully open. */
    private void exchangePeople(double h) {
        String here = spec.floors().get((int) Math.round(position));
        boolean evacuate = fireAlarm || emergency;
        Passenger next = null;
        boolean boarding = false;
        for (Passenger p : riders) {
            if (evacuate || p.to().equals(here)) {
                next = p;
                break;
            }
        }
        // A car in AGV mode is reserved for the robot that holds it, as the car's display says: nobody gets on.
        boolean reserved = sessionId != null && sessionType == LiftRequestType.AGV_MODE;
        if (next == null && !evacuate && !reserved && riders.size() < spec.passengerCapacity()) {
            for (Passenger p : waiting) {
                if (p.from().equals(here)) {
                    next = p;
                    boarding = true;
                    break;
                }
            }
        }
        if (next == null) {
            movingPersonSeconds = 0;
            doorIdleSeconds += h;
            return;
        }
        doorIdleSeconds = 0;
        movingPersonSeconds += h;
        if (movingPersonSeconds + EPS < spec.passengerMoveSeconds()) return;
        movingPersonSeconds = 0;
        if (boarding) {
            waiting.remove(next);
            riders.add(next);
        } else {
            riders.remove(next);
        }
    }

    /** Where an EMERGENCY or OFFLINE car stops: here when standing, else the next floor in its direction. */
    private int nextStopFloor() {
        if (motion == LiftMotionState.UP) return (int) Math.ceil(position - EPS);
        if (motion == LiftMotionState.DOWN) return (int) Math.floor(position + EPS);
        return (int) Math.round(position);
    }

    private boolean standingOpen() {
        return motion == LiftMotionState.STOPPED && doorOpenness >= 1 && Math.abs(position - Math.round(position)) < EPS;
    }

    // ---- reporting --------------------------------------------------------------------------------------------

    public LiftMode mode() {
        if (fireAlarm) return LiftMode.FIRE;
        if (emergency) return LiftMode.EMERGENCY;
        if (offline) return LiftMode.OFFLINE;
        if (sessionId != null && sessionType == LiftRequestType.AGV_MODE) return LiftMode.AGV;
        return LiftMode.HUMAN;
    }

    public String currentFloor() {
        return spec.floors().get((int) Math.round(position));
    }

    public LiftDoorState doorState() {
        if (doorOpenness <= 0) return LiftDoorState.CLOSED;
        if (doorOpenness >= 1) return LiftDoorState.OPEN;
        return LiftDoorState.MOVING;
    }

    public LiftMotionState motionState() {
        return motion;
    }

    public Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    public List<Passenger> passengersAboard() {
        return List.copyOf(riders);
    }

    public List<Passenger> passengersWaiting() {
        return List.copyOf(waiting);
    }

    public Set<String> robotsAboard() {
        return Set.copyOf(robots);
    }

    /** Simulated seconds since the car was created. */
    public double elapsedSeconds() {
        return clock;
    }

    /** True once after anything a {@link LiftState} shows changed; the client publishes at once then. */
    public boolean takeChanged() {
        boolean c = changed;
        changed = false;
        return c;
    }

    public LiftState state(Instant now) {
        String destination = currentTarget < 0 ? "" : spec.floors().get(currentTarget);
        return new LiftState(now, spec.liftName(), spec.floors(), currentFloor(), destination, doorState(), motion,
                List.of(LiftMode.HUMAN, LiftMode.AGV), mode(), sessionId == null ? "" : sessionId, riders.size(),
                List.copyOf(robots));
    }

    private String signature() {
        return currentFloor() + "|" + currentTarget + "|" + doorState() + "|" + motion + "|" + mode() + "|" + sessionId + "|"
                + riders.size() + "|" + robots;
    }

    @Override
    public String toString() {
        return spec.liftName() + " at " + currentFloor() + " (" + String.format("%.2f", position) + ") " + motion + " doors "
                + doorState() + " mode " + mode() + (sessionId == null ? "" : " session " + sessionId)
                + " riders " + riders.size() + " waiting " + waiting.size() + " robots " + robots;
    }
}
