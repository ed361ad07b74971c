package dev.provingground.agent.state;

import dev.provingground.vda5050.AgvPosition;
import dev.provingground.vda5050.EStop;
import dev.provingground.vda5050.OperatingMode;
import dev.provingground.vda5050.Velocity;

/**
 * What the robot last said about itself over ROS, already in VDA 5050 terms (position in the level frame).
 *
 * @param position       null until the first pose
 * @param velocity       null until the first odometry
 * @param batteryPercent NaN until the first battery message that gives a charge
 * @param batteryVoltage NaN when unknown
 * @param rosbridgeUp    whether the rosbridge link is up (when down, everything here may be stale)
 */
public record RobotReadings(AgvPosition position, Velocity velocity, double batteryPercent, double batteryVoltage,
                            boolean charging, EStop eStop, OperatingMode operatingMode, boolean rosbridgeUp) {

    public static RobotReadings initial() {
        return new RobotReadings(null, null, Double.NaN, Double.NaN, false, EStop.NONE, OperatingMode.AUTOMATIC, false);
    }

    public RobotReadings withPosition(AgvPosition p) {
        return new RobotReadings(p, velocity, batteryPercent, batteryVoltage, charging, eStop, operatingMode, rosbridgeUp);
    }

    public RobotReadings withVelocity(Velocity v) {
        return new RobotReadings(position, v, batteryPercent, batteryVoltage, charging, eStop, operatingMode, rosbridgeUp);
    }

    public RobotReadings withBattery(double percent, double voltage, boolean isCharging) {
        return new RobotReadings(position, velocity, percent, voltage, isCharging, eStop, operatingMode, rosbridgeUp);
    }

    public RobotReadings withEStop(EStop e) {
        return new RobotReadings(position, velocity, batteryPercent, batteryVoltage, charging, e, operatingMode, rosbridgeUp);
    }

    public RobotReadings withOperatingMode(OperatingMode m) {
        return new RobotReadings(position, velocity, batteryPercent, batteryVoltage, charging, eStop, m, rosbridgeUp);
    }

    public RobotReadings withRosbridgeUp(boolean up) {
        return new RobotReadings(position, velocity, batteryPercent, batteryVoltage, charging, eStop, operatingMode, up);
    }

    /** VDA 5050 driving: moving or turning, above odometry noise. */
    public boolean driving() {
        if (velocity == null) return false;
        double vx = velocity.vx() == null ? 0 : velocity.vx();
        double vy = velocity.vy() == null ? 0 : velocity.vy();
        double w = velocity.omega() == null ? 0 : velocity.omega();
        return Math.hypot(vx, vy) > 0.01 || Math.abs(w) > 0.01;
    }
}
