package dev.provingground.server.elevator;

import dev.provingground.geofence.WeeklySchedule;
import dev.provingground.profiles.RobotKind;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A trial zone's rules for one elevator (all its cars): where the law has no elevator-boarding standard for robots,
 * these stand in.
 *
 * @param allowedKinds    robot kinds that may ride ({@link RobotKind} names, e.g. {@code DELIVERY}); empty closes the
 *                        elevator to robots
 * @param maxRobotsPerCar robots that may be in one car at once
 * @param peakWindows     local-time windows in which {@link PassengerPolicy#SHARED_OUTSIDE_PEAK} means robot-only;
 *                        empty for none
 * @param serviceHours    when robots may use the elevator at all, in the site's time zone; {@code null} for always
 */
public record ElevatorRules(Set<String> allowedKinds, int maxRobotsPerCar, PassengerPolicy passengerPolicy,
                            List<WeeklySchedule.Window> peakWindows, WeeklySchedule serviceHours) {

    public ElevatorRules {
        Objects.requireNonNull(allowedKinds, "allowedKinds");
        allowedKinds = Set.copyOf(allowedKinds);
        Set<String> known = Arrays.stream(RobotKind.values()).map(Enum::name).collect(Collectors.toSet());
        for (String kind : allowedKinds) {
            if (!known.contains(kind)) {
                throw new IllegalArgumentException("elevator rules: allowedKinds: unknown robot kind \"" + kind
                        + "\"; expected some of " + known);
            }
        }
        if (maxRobotsPerCar < 1) {
            throw new IllegalArgumentException("elevator rules: maxRobotsPerCar must be at least 1, got " + maxRobotsPerCar);
        }
        Objects.requireNonNull(passengerPolicy, "elevator rules: passengerPolicy");
        peakWindows = List.copyOf(Objects.requireNonNull(peakWindows, "elevator rules: peakWindows"));
        if (passengerPolicy == PassengerPolicy.SHARED_OUTSIDE_PEAK && peakWindows.isEmpty()) {
            throw new IllegalArgumentException("elevator rules: passengerPolicy SHARED_OUTSIDE_PEAK needs at least one peak window");
        }
    }

    /** The cautious default: every kind, one robot per car, never with people, at any time. */
    public static ElevatorRules robotOnly() {
        return new ElevatorRules(Arrays.stream(RobotKind.values()).map(Enum::name).collect(Collectors.toSet()), 1,
                PassengerPolicy.ROBOT_ONLY, List.of(), null);
    }

    public boolean allowsKind(String kind) {
        return allowedKinds.contains(kind);
    }

    public boolean inServiceAt(Instant time, ZoneId zone) {
        return serviceHours == null || serviceHours.isActiveAtSecondOfWeek(WeeklySchedule.secondOfWeek(time, zone.getRules()));
    }

    public boolean isPeakAt(Instant time, ZoneId zone) {
        return !peakWindows.isEmpty() && new WeeklySchedule(peakWindows)
                .isActiveAtSecondOfWeek(WeeklySchedule.secondOfWeek(time, zone.getRules()));
    }

    /** Whether a robot may ride with people at this time. */
    public boolean sharingAllowedAt(Instant time, ZoneId zone) {
        return switch (passengerPolicy) {
            case ROBOT_ONLY -> false;
            case SHARED -> true;
            case SHARED_OUTSIDE_PEAK -> !isPeakAt(time, zone);
        };
    }
}
