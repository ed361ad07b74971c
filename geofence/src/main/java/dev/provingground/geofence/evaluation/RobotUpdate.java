package dev.provingground.geofence.evaluation;

import java.time.Instant;
import java.util.Objects;

import dev.provingground.geofence.Position;

/**
 * One position sample of a robot, as evaluation needs it.
 *
 * @param robot     unique robot id (e.g. manufacturer/serialNumber)
 * @param kind      robot kind, e.g. DELIVERY, SERVING, DISINFECTION (case-insensitive); null if unknown
 * @param firm      the firm operating the robot; null if unknown
 * @param level     the level (VDA 5050 mapId) the position is on
 * @param x         metres in the level frame
 * @param y         metres in the level frame
 * @param speed     measured speed in m/s
 * @param speedCap  the robot profile's speed cap in m/s, or null for none
 * @param uvcLampOn whether the robot's UV-C lamp is on
 * @param time      when the sample was taken; schedules are judged at this instant
 * @param previous  the prior sample's position on the same level, used to catch zones crossed between samples;
 *                  null to use the last position evaluated for this robot on this level
 */
public record RobotUpdate(String robot, String kind, String firm, String level, double x, double y, double speed,
                          Double speedCap, boolean uvcLampOn, Instant time, Position previous) {

    public RobotUpdate {
        Objects.requireNonNull(robot, "robot");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(time, "time");
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("robot '" + robot + "': position (" + x + ", " + y + ") is not finite");
        }
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("robot '" + robot + "': speed must be a finite number >= 0, got " + speed);
        }
        if (speedCap != null && !(speedCap > 0)) {
            throw new IllegalArgumentException("robot '" + robot + "': speedCap must be > 0, got " + speedCap);
        }
        if (previous != null && (!Double.isFinite(previous.x()) || !Double.isFinite(previous.y()))) {
            throw new IllegalArgumentException("robot '" + robot + "': previous position " + previous + " is not finite");
        }
    }

    public Position position() {
        return new Position(x, y);
    }
}
