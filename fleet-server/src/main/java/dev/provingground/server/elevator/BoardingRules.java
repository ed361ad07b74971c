package dev.provingground.server.elevator;

import dev.provingground.site.lift.LiftMode;
import dev.provingground.site.lift.LiftState;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.time.temporal.ChronoUnit;

/**
 * Decides, from an elevator's rules and a car's reported state, whether a robot may ride. Pure: the time is passed
 * in. Checks run from the rider outwards (kind, hours, car mode, session, doors, room, people), so the reason given
 * is the most fundamental one.
 */
public final class BoardingRules {

    private final ElevatorRules rules;
    private final ZoneId timeZone;

    public BoardingRules(ElevatorRules rules, ZoneId timeZone) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
    }

    public ElevatorRules rules() {
        return rules;
    }

    /** Whether the robot may use this elevator at all now: what is checked before it joins the queue. */
    public Decision mayRide(Rider rider, Instant now) {
        if (!rules.allowsKind(rider.kind())) {
            return Decision.no(Refusal.KIND_NOT_ALLOWED, "robot " + rider.robotId() + " is of kind " + rider.kind()
                    + "; this elevator takes " + (rules.allowedKinds().isEmpty() ? "no robots" : rules.allowedKinds()));
        }
        if (!rules.inServiceAt(now, timeZone)) {
            return Decision.no(Refusal.OUTSIDE_SERVICE_HOURS, "robots may use this elevator only in its service hours ("
                    + rules.serviceHours() + ", " + timeZone + "); it is " + localTime(now));
        }
        return Decision.yes();
    }

    /** The time as the service hours are written: day and minute in the site's time zone. */
    private String localTime(Instant now) {
        var local = now.atZone(timeZone);
        return local.getDayOfWeek() + " " + local.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
    }

    /**
     * Whether the robot may step into the car now.
     *
     * @param floor     where the robot waits
     * @param sessionId the session the robot's ride holds, which the car must report
     */
    /** Robots may not share a car with people now: a car with anyone aboard (or not saying) must be emptied first. */
    public boolean robotOnlyAt(Instant now) {
        return !rules.sharingAllowedAt(now, timeZone);
    }

    public Decision mayBoard(Rider rider, String floor, String sessionId, LiftState car, Instant now) {
        Decision ride = mayRide(rider, now);
        if (!ride.allowed()) return ride;
        String name = "car " + car.liftName();
        LiftMode mode = car.currentMode();
        if (mode == LiftMode.FIRE || mode == LiftMode.EMERGENCY || mode == LiftMode.OFFLINE || mode == LiftMode.UNKNOWN) {
            return Decision.no(Refusal.CAR_OUT_OF_SERVICE, name + " is in " + mode + " mode: no boarding");
        }
        if (mode != LiftMode.AGV) {
            return Decision.no(Refusal.CAR_NOT_IN_AGV_MODE, name + " is in " + mode + " mode; robots board only in AGV mode");
        }
        if (!car.sessionId().equals(sessionId)) {
            return Decision.no(Refusal.SESSION_NOT_HELD, name + " is held by session \"" + car.sessionId()
                    + "\", not this ride's \"" + sessionId + "\"");
        }
        if (!car.openAt(floor)) {
            return Decision.no(Refusal.CAR_NOT_OPEN_AT_FLOOR, name + " is not standing open at " + floor + " (at "
                    + car.currentFloor() + ", " + car.motionState() + ", doors " + car.doorState() + ")");
        }
        long others = car.robots().stream().filter(r -> !r.equals(rider.robotId())).count();
        if (others >= rules.maxRobotsPerCar()) {
            return Decision.no(Refusal.CAR_FULL, name + " already carries " + others + " robot(s) " + car.robots()
                    + "; at most " + rules.maxRobotsPerCar() + " per car");
        }
        if (!rules.sharingAllowedAt(now, timeZone)) {
            String why = rules.passengerPolicy() == PassengerPolicy.ROBOT_ONLY ? "this elevator is robot-only"
                    : "it is a peak window " + rules.peakWindows() + ", robot-only then";
            if (car.passengers() == null) {
                return Decision.no(Refusal.PASSENGER_COUNT_UNKNOWN, name + " cannot tell whether people are aboard and " + why);
            }
            if (car.passengers() > 0) {
                return Decision.no(Refusal.PASSENGERS_ABOARD, name + " has " + car.passengers() + " passenger(s) aboard and " + why);
            }
        }
        return Decision.yes();
    }

    /**
     * Where robots aboard must get off when the building has taken the car over (FIRE or EMERGENCY): the floor the
     * car reports it is going to (the recall floor in FIRE mode, the next stop in EMERGENCY), else where it stands.
     * Empty in every other mode.
     */
    public static Optional<String> evacuationFloor(LiftState car) {
        if (car.currentMode() != LiftMode.FIRE && car.currentMode() != LiftMode.EMERGENCY) return Optional.empty();
        return Optional.of(car.destinationFloor().isEmpty() ? car.currentFloor() : car.destinationFloor());
    }
}
