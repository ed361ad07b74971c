package dev.provingground.geofence;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules a zone imposes.
 *
 * @param maxSpeed    speed limit in m/s inside the zone; null for none
 * @param robotKinds  robot kinds (compared case-insensitively, kept upper-case) the zone concerns; empty = all
 * @param firms       firms the zone concerns; empty = all
 * @param schedule    when the zone is in force; null = always
 * @param maxRobots   how many robots may be inside at once; null for no limit
 * @param onViolation what enforcement should do when a robot breaks this zone's rules
 * @see ZoneKind for whether kinds/firms mean "admitted" or "bound by the rules"
 */
public record ZoneRules(Double maxSpeed, Set<String> robotKinds, Set<String> firms, WeeklySchedule schedule,
                        Integer maxRobots, ViolationAction onViolation) {

    public static final ZoneRules NONE = new ZoneRules(null, Set.of(), Set.of(), null, null, ViolationAction.ALERT);

    public ZoneRules {
        if (maxSpeed != null && !(maxSpeed > 0 && Double.isFinite(maxSpeed))) {
            throw new IllegalArgumentException("maxSpeed: must be a positive number of m/s, got " + maxSpeed);
        }
        if (maxRobots != null && maxRobots < 1) {
            throw new IllegalArgumentException("maxRobots: must be at least 1, got " + maxRobots);
        }
        robotKinds = robotKinds == null ? Set.of()
                : robotKinds.stream().map(k -> k.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        firms = firms == null ? Set.of() : Set.copyOf(firms);
        if (onViolation == null) onViolation = ViolationAction.ALERT;
    }

    /** @param upperCaseKind the robot's kind already upper-cased (evaluation does that once per update) */
    public boolean kindMatches(String upperCaseKind) {
        return robotKinds.isEmpty() || (upperCaseKind != null && robotKinds.contains(upperCaseKind));
    }

    public boolean firmMatches(String firm) {
        return firms.isEmpty() || (firm != null && firms.contains(firm));
    }

    public ZoneRules withMaxSpeed(Double value) {
        return new ZoneRules(value, robotKinds, firms, schedule, maxRobots, onViolation);
    }

    public ZoneRules withRobotKinds(Set<String> value) {
        return new ZoneRules(maxSpeed, value, firms, schedule, maxRobots, onViolation);
    }

    public ZoneRules withFirms(Set<String> value) {
        return new ZoneRules(maxSpeed, robotKinds, value, schedule, maxRobots, onViolation);
    }

    public ZoneRules withSchedule(WeeklySchedule value) {
        return new ZoneRules(maxSpeed, robotKinds, firms, value, maxRobots, onViolation);
    }

    public ZoneRules withMaxRobots(Integer value) {
        return new ZoneRules(maxSpeed, robotKinds, firms, schedule, value, onViolation);
    }

    public ZoneRules withOnViolation(ViolationAction value) {
        return new ZoneRules(maxSpeed, robotKinds, firms, schedule, maxRobots, value);
    }
}
