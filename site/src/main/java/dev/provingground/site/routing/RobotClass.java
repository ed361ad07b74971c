package dev.provingground.site.routing;

import java.util.Locale;

/**
 * What routing needs to know about a group of robots that drive alike: one {@link SiteRouter} serves every robot
 * of the class.
 *
 * @param kind            robot kind (case-insensitive, kept upper-case), or null if unknown; decides which zones bind
 *                        or admit the robot
 * @param firm            the robots' firm, or null if unknown
 * @param speedCap        the profile's top speed in m/s; lanes and zones may only lower it
 * @param elevatorCapable whether the robots may ride elevators; robots that may not get no elevator edges
 */
public record RobotClass(String kind, String firm, double speedCap, boolean elevatorCapable) {

    public RobotClass {
        if (!(speedCap > 0) || !Double.isFinite(speedCap)) {
            throw new IllegalArgumentException("robot class speedCap: must be a positive finite number of m/s, got " + speedCap);
        }
        if (kind != null) kind = kind.toUpperCase(Locale.ROOT);
    }
}
